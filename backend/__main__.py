"""`python -m backend`: upgrade the database and start the app with its workers."""
import os

from . import create_app
from .commands import serve

if __name__ == "__main__":
    serve(create_app(), os.environ.get("HOST", "127.0.0.1"), int(os.environ.get("PORT", "8000")), 8)
