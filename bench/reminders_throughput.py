"""Reminder sending rate: 10,000 due occurrences sent by the dispatcher (real pywebpush, VAPID,
aes128gcm, over HTTP) to the push-service stand-in running in its own process, against the rate
of pywebpush's encryption alone on the same machine in the same run. Aim: at least 0.5.
Run: .venv/bin/python bench/reminders_throughput.py [--occurrences N]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

STAND_IN = r'''
import json, sys, time
sys.path.insert(0, sys.argv[1])
from push_service import PushServiceStandIn
service = PushServiceStandIn().start()
subs = [service.new_subscription() for _ in range(int(sys.argv[2]))]
print(json.dumps(subs), flush=True)
for line in sys.stdin:
    print(json.dumps({"received": len(service.received), "rejected": len(service.rejected)}), flush=True)
'''


def encryption_rate(subscription: dict, payload: str, count: int) -> float:
    from pywebpush import WebPusher

    started = time.perf_counter()
    for _ in range(count):
        WebPusher(subscription).encode(payload.encode(), content_encoding="aes128gcm")
    return count / (time.perf_counter() - started)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--occurrences", type=int, default=10_000)
    parser.add_argument("--people", type=int, default=200)
    args = parser.parse_args()
    stand_in = subprocess.Popen([sys.executable, "-c", STAND_IN, str(ROOT / "tests"), str(args.people)],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    subscriptions = json.loads(stand_in.stdout.readline())
    with tempfile.TemporaryDirectory() as folder:
        os.environ.update(DATABASE_URL=f"sqlite:///{folder}/bench.sqlite3", SECRET_KEY="bench")
        from flask_migrate import upgrade

        from backend import create_app
        from backend.accounts.models import User
        from backend.extensions import db
        from backend.reminders import push
        from backend.reminders.dispatcher import Dispatcher
        from backend.reminders.models import PushSubscription, ReminderOccurrence, ReminderSetting
        from backend.timeutil import now_utc

        app = create_app({"REMINDERS_WORKER": False}, instance_path=folder)
        with app.app_context():
            upgrade(revision="heads")
            now = now_utc()
            per_person = args.occurrences // args.people
            for index, subscription in enumerate(subscriptions):
                user = User(email=f"p{index}@example.com", password_hash="x", time_zone="UTC")
                db.session.add(user)
                db.session.flush()
                db.session.add(PushSubscription(user_id=user.id, endpoint=subscription["endpoint"],
                                                p256dh=subscription["keys"]["p256dh"], auth=subscription["keys"]["auth"]))
                db.session.add(ReminderSetting(user_id=user.id, kind="breathing", values={"enabled": True, "time": "00:00"},
                                               active_since=now + timedelta(days=1)))  # plan nothing: rows below
                db.session.execute(ReminderOccurrence.__table__.insert(), [
                    {"user_id": user.id, "kind": "breathing", "key": f"breathing:bench:{n}", "due_at": now,
                     "next_attempt_at": now, "status": "pending", "attempts": 0, "detail": ""}
                    for n in range(per_person)])
            db.session.commit()
            total = per_person * args.people
            payload = json.dumps(push.build_payload("breathing", "breathing:bench:0"))
            encrypt_before = encryption_rate(subscriptions[0], payload, 2000)
            dispatcher = Dispatcher(folder)
            started = time.perf_counter()
            if os.environ.get("BENCH_PROFILE"):
                import cProfile, pstats
                profiler = cProfile.Profile()
                profiler.enable()
            counts = dispatcher.run_once(now + timedelta(seconds=1))
            if os.environ.get("BENCH_PROFILE"):
                profiler.disable()
                stats = pstats.Stats(profiler).sort_stats(os.environ.get("BENCH_PROFILE_SORT", "tottime"))
                stats.print_stats(int(os.environ.get("BENCH_PROFILE_LINES", "18")))
            elapsed = time.perf_counter() - started
            dispatcher.close()
            encrypt_after = encryption_rate(subscriptions[0], payload, 2000)
    stand_in.stdin.write("report\n")
    stand_in.stdin.flush()
    report = json.loads(stand_in.stdout.readline())
    stand_in.terminate()
    encrypt = (encrypt_before + encrypt_after) / 2
    send_rate = total / elapsed
    print(f"dispatcher: {counts}; the stand-in accepted {report['received']} and rejected {report['rejected']}")
    print(f"sent {total} occurrences in {elapsed:.1f} s: {send_rate:.0f} per second")
    print(f"pywebpush encryption alone: {encrypt:.0f} per second (mean of a run before and after)")
    print(f"sending / encryption alone: {send_rate / encrypt:.2f}  (aim >= 0.5)")


if __name__ == "__main__":
    main()
