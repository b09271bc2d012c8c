"""Local days. An entry's day is the date in the offset it was logged with (so travel keeps each
entry on the day it was lived); a day's UTC bounds in a zone come from zoneinfo (23 h and 25 h
days on DST changes)."""
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo


def parse_instant(value: str) -> datetime:
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError(f"{value!r} has no UTC offset")
    return moment


def entry_day(occurred_at: str) -> date:
    return parse_instant(occurred_at).date()


def local_day_bounds(day: date, tz_name: str) -> tuple[datetime, datetime]:
    zone = ZoneInfo(tz_name)
    start = datetime.combine(day, time(0), zone)
    end = datetime.combine(day + timedelta(days=1), time(0), zone)
    return start.astimezone(timezone.utc), end.astimezone(timezone.utc)


def local_clock(day: date, clock: str, tz_name: str) -> datetime:
    """The instant of a wall-clock time ("22:30") on a day in a zone (first one if ambiguous)."""
    hours, minutes = (int(part) for part in clock.split(":"))
    return datetime.combine(day, time(hours, minutes), ZoneInfo(tz_name)).astimezone(timezone.utc)


def days_in_range(start: date, end: date) -> list[date]:
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]
