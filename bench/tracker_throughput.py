"""Tracker speed, as ratios measured in one run against the same server (noisy machines make
absolute numbers meaningless):
  - creating an entry, and the day summary, each against a bare endpoint (/api/health) of the same
    server: aim for at least 0.5;
  - the day summary for a person with 5 years of history against one with 1 year: aim for at
    most 1.2 times the time.
Run: .venv/bin/python bench/tracker_throughput.py [--requests N]
"""
import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, free_port  # noqa: E402

ROUNDS = 5

SEED = r'''
import random, sys, uuid
from datetime import date, datetime, timedelta, timezone
from backend import create_app
from backend.extensions import db
from flask_migrate import upgrade
from backend.accounts.models import User
from backend.accounts.passwords import hash_password
from backend.tracker.models import Entry, ChangeCounter

app = create_app()
with app.app_context():
    upgrade(revision="heads")
    zone = timezone(timedelta(hours=1))
    for email, years in (("one@example.com", 1), ("five@example.com", 5), ("writer@example.com", 0)):
        user = User(email=email, password_hash=hash_password("bench password"), time_zone="Europe/Berlin")
        db.session.add(user); db.session.flush()
        rows, seq = [], 0
        today = date.today()
        for back in range(365 * years):
            day = today - timedelta(days=back)
            for hour, kind, data in ((8, "water", {"amount_ml": 250}), (9, "caffeine", {"mg": 96, "drink": "brewed_coffee"}),
                                     (12, "water", {"amount_ml": 500}), (15, "caffeine", {"mg": 63, "drink": "espresso"}),
                                     (18, "water", {"amount_ml": 250}), (20, "twitch", {"location": "leg", "intensity": 2}),
                                     (21, "breathing", {"exercise": "box", "duration_s": 300})):
                seq += 1
                moment = datetime(day.year, day.month, day.day, hour, tzinfo=zone)
                rows.append(dict(id=str(uuid.uuid4()), user_id=user.id, kind=kind, occurred_at=moment.astimezone(timezone.utc),
                                 utc_offset_minutes=60, local_date=day, data=data, updated_at=moment, deleted=False,
                                 change_seq=seq, received_at=moment))
        if rows:
            db.session.execute(Entry.__table__.insert(), rows)
        db.session.add(ChangeCounter(user_id=user.id, last_seq=seq))
        db.session.commit()
        print(email, len(rows), "entries")
'''


class Client:
    def __init__(self, port):
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookie = ""
        self.csrf = ""

    def call(self, method, path, body=None):
        headers = {"Cookie": self.cookie, "Content-Type": "application/json", "X-CSRF-Token": self.csrf}
        self.conn.request(method, path, json.dumps(body) if body is not None else None, headers)
        response = self.conn.getresponse()
        data = response.read()
        cookie = response.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        return response.status, data

    def sign_in(self, email):
        self.csrf = json.loads(self.call("GET", "/api/auth/csrf")[1])["csrf_token"]
        status, data = self.call("POST", "/api/auth/signin", {"email": email, "password": "bench password"})
        assert status == 200, data
        self.csrf = json.loads(data)["csrf_token"]


def rate(port, email, make_request, total, threads=4):
    """Requests per second for `total` requests spread over `threads` keep-alive connections."""
    clients = []
    for _ in range(threads):
        client = Client(port)
        client.sign_in(email)
        clients.append(client)
    errors = []

    def worker(client, count):
        for _ in range(count):
            method, path, body = make_request()
            status, data = client.call(method, path, body)
            if status >= 400:
                errors.append((status, data[:200]))

    started = time.perf_counter()
    pool = [threading.Thread(target=worker, args=(c, total // threads)) for c in clients]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    elapsed = time.perf_counter() - started
    if errors:
        raise RuntimeError(f"{len(errors)} failed requests, e.g. {errors[0]}")
    return (total // threads * threads) / elapsed


def new_entry():
    moment = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(time.time() - 60))
    body = {"kind": "water", "occurred_at": moment, "data": {"amount_ml": 250},
            "updated_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    return "PUT", f"/api/entries/{uuid.uuid4()}", body


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3", "SECRET_KEY": "bench",
               "STEADY_REMINDERS_WORKER": "0", "STEADY_SIGN_IN_LIMIT_PER_CLIENT": "100000"}
        subprocess.run([sys.executable, "-c", SEED], cwd=ROOT, env=env, check=True)
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "backend"], cwd=ROOT, env={**env, "PORT": str(port)},
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(100):
                try:
                    Client(port).call("GET", "/api/health")
                    break
                except OSError:
                    time.sleep(0.1)
            n = args.requests
            rate(port, "one@example.com", lambda: ("GET", "/api/health", None), n // 4)  # warm up
            # Interleaved rounds, each ratio taken within its round, then the median: a burst of
            # noise on a shared machine then spoils one round, not the figure.
            rounds = {"create": [], "summary": [], "history": []}
            per_round = max(n // ROUNDS, 40)
            bare_rates = []
            for _ in range(ROUNDS):
                bare = rate(port, "one@example.com", lambda: ("GET", "/api/health", None), per_round)
                create = rate(port, "writer@example.com", new_entry, per_round)
                summary_1y = rate(port, "one@example.com", lambda: ("GET", "/api/summary", None), per_round)
                summary_5y = rate(port, "five@example.com", lambda: ("GET", "/api/summary", None), per_round)
                bare_rates.append(bare)
                rounds["create"].append(create / bare)
                rounds["summary"].append(summary_1y / bare)
                rounds["history"].append(summary_1y / summary_5y)
        finally:
            server.terminate()
            server.wait(10)
    print(f"bare endpoint: {statistics.median(bare_rates):.0f} req/s (median of {ROUNDS} interleaved rounds)")
    print(f"create entry / bare: {statistics.median(rounds['create']):.2f}  (aim >= 0.5)")
    print(f"day summary / bare:  {statistics.median(rounds['summary']):.2f}  (aim >= 0.5)")
    print(f"summary time, 5 years / 1 year of history: {statistics.median(rounds['history']):.2f}  (aim <= 1.2)")


if __name__ == "__main__":
    main()
