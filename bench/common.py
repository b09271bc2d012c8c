"""Shared pieces of the benchmarks: a real server in a subprocess and Debian's Chromium."""
import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("STEADY_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_server(extra_env: dict | None = None):
    """Starts `python -m backend` (gunicorn, migrations applied) on a free port with its own data."""
    port = free_port()
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "PORT": str(port), "HOST": "127.0.0.1",
               "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3", "STEADY_REMINDERS_WORKER": "0",
               "SECRET_KEY": "bench-only-secret", **(extra_env or {})}
        process = subprocess.Popen([sys.executable, "-m", "backend"], cwd=ROOT, env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(200):
                try:
                    urllib.request.urlopen(url + "/api/auth/csrf", timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
            else:
                raise RuntimeError("server did not start")
            yield url
        finally:
            process.terminate()
            process.wait(10)
