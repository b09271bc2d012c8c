"""Command-line entry points: `flask --app backend serve` (also `python -m backend`)."""
import logging
import os

import click
from flask import Flask, current_app
from flask_migrate import upgrade


def start_background_workers(app: Flask) -> None:
    """Start what runs beside the web server in the single-machine setup (e.g. reminders)."""
    if not app.config.get("REMINDERS_WORKER"):
        return
    for starter in app.config.get("BACKGROUND_WORKERS", []):
        starter(app)


def serve(app: Flask, host: str, port: int, threads: int) -> None:
    """Upgrade the database, then serve with gunicorn (one process, threads) and the workers."""
    from gunicorn.app.base import BaseApplication

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    with app.app_context():
        upgrade(revision="heads")
    logging.getLogger("backend").setLevel(logging.INFO)  # the migration's logging setup lowered it

    class Server(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", 1)
            self.cfg.set("threads", threads)
            self.cfg.set("worker_class", "gthread")
            self.cfg.set("accesslog", "-")
            self.cfg.set("when_ready", lambda server: click.echo(
                f"Steady is running at http://{'127.0.0.1' if host in ('0.0.0.0', '') else host}:{port}/"))

        def load(self):
            # Runs in the worker process (the app is not preloaded), so the workers live beside it.
            start_background_workers(app)
            return app

    Server().run()


def register(app: Flask) -> None:
    @app.cli.command("serve")
    @click.option("--host", default=lambda: os.environ.get("HOST", "127.0.0.1"))
    @click.option("--port", default=lambda: int(os.environ.get("PORT", "8000")), type=int)
    @click.option("--threads", default=8, type=int)
    def serve_command(host: str, port: int, threads: int):
        """Upgrade the database and serve the app with its background workers."""
        serve(current_app._get_current_object(), host, port, threads)
