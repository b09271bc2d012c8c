"""Daily summaries against the goals, history ranges and streaks. Callers pass only the entries of
the days asked for (plus the day before, for caffeine still in the body), so the cost follows the
range, never the length of the whole history."""
from collections import defaultdict
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from . import caffeine
from .days import local_clock, parse_instant
from .goals import DRINKS, Goals

REFERENCE_COFFEE_MG = next(d["mg"] for d in DRINKS if d["id"] == "brewed_coffee")
STREAK_GOALS = ("water_met", "caffeine_ok", "sleep_met", "breathing_met")


def _live(entries):
    return [e for e in entries if not e.get("deleted")]


def _day_of(entry) -> date:
    return parse_instant(entry["occurred_at"]).date()


def _by_day(entries) -> dict[date, list[dict]]:
    grouped: dict[date, list[dict]] = defaultdict(list)
    for entry in _live(entries):
        grouped[_day_of(entry)].append(entry)
    return grouped


def bedtime_instant(day: date, goals: Goals, tz_name: str) -> datetime:
    """Bedtime on the evening of `day`; a bedtime after midnight (before noon) is the next date."""
    hour = int(goals.bedtime.split(":")[0])
    return local_clock(day + timedelta(days=1) if hour < 12 else day, goals.bedtime, tz_name)


def _late(entry, goals: Goals) -> bool:
    return parse_instant(entry["occurred_at"]).strftime("%H:%M") >= goals.caffeine_late_after


def _sleep_of(day_entries) -> dict | None:
    sleeps = [e for e in day_entries if e["kind"] == "sleep"]
    if not sleeps:
        return None
    last = max(sleeps, key=lambda e: parse_instant(e["data"]["wake_time"]))
    bed, wake = parse_instant(last["data"]["bedtime"]), parse_instant(last["data"]["wake_time"])
    return {"minutes": round((wake - bed).total_seconds() / 60), "quality": last["data"]["quality"],
            "bedtime": last["data"]["bedtime"], "wake_time": last["data"]["wake_time"]}


def _day_figures(day: date, day_entries: list[dict], goals: Goals) -> dict:
    kinds = defaultdict(list)
    for entry in day_entries:
        kinds[entry["kind"]].append(entry)
    water = sum(e["data"]["amount_ml"] for e in kinds["water"])
    mg = sum(e["data"]["mg"] for e in kinds["caffeine"])
    sleep = _sleep_of(day_entries)
    breathing = round(sum(e["data"]["duration_s"] for e in kinds["breathing"]) / 60)
    twitches = kinds["twitch"]
    sleep_met = sleep is not None and \
        goals.sleep_min_hours * 60 <= sleep["minutes"] <= goals.sleep_max_hours * 60
    return {
        "day": day.isoformat(),
        "has_entries": bool(day_entries),
        "water_ml": water, "water_goal_ml": goals.water_ml, "water_met": water >= goals.water_ml,
        "caffeine_mg": mg, "caffeine_limit_mg": goals.caffeine_limit_mg,
        "caffeine_over": mg > goals.caffeine_limit_mg,
        # A day with nothing logged says nothing about caffeine, so it does not extend a streak.
        "caffeine_ok": bool(day_entries) and mg <= goals.caffeine_limit_mg,
        "caffeine_late": any(_late(e, goals) for e in kinds["caffeine"]),
        "sleep": sleep, "sleep_minutes": sleep["minutes"] if sleep else None, "sleep_met": sleep_met,
        "breathing_minutes": breathing, "breathing_met": breathing >= goals.breathing_minutes,
        "twitch_count": len(twitches),
        "max_intensity": max((e["data"]["intensity"] for e in twitches), default=0),
    }


def day_summary(entries: list[dict], day: date, goals: Goals, now: datetime, tz_name: str) -> dict:
    """Today's (or any day's) figures, plus caffeine in the body now and at bedtime."""
    grouped = _by_day(entries)
    summary = _day_figures(day, grouped.get(day, []), goals)
    doses = [(parse_instant(e["occurred_at"]), e["data"]["mg"]) for e in _live(entries) if e["kind"] == "caffeine"]
    bedtime = bedtime_instant(day, goals, tz_name)
    day_end = local_clock(day + timedelta(days=1), "00:00", tz_name)
    at = min(now, day_end)
    summary["caffeine_now_mg"] = round(caffeine.caffeine_at(doses, at, goals.caffeine_half_life_h), 1)
    summary["caffeine_bedtime_mg"] = round(caffeine.caffeine_at(doses, bedtime, goals.caffeine_half_life_h), 1)
    latest = caffeine.latest_dose_time(doses, bedtime, REFERENCE_COFFEE_MG, goals.bedtime_caffeine_mg,
                                       goals.caffeine_half_life_h, now)
    summary["latest_coffee_time"] = latest.astimezone(ZoneInfo(tz_name)).isoformat(timespec="minutes") if latest else None
    summary["bedtime"] = bedtime.astimezone(ZoneInfo(tz_name)).isoformat(timespec="minutes")
    return summary


def range_summaries(entries: list[dict], start: date, end: date, goals: Goals, tz_name: str) -> list[dict]:
    grouped = _by_day(entries)
    days = []
    day = start
    while day <= end:
        days.append(_day_figures(day, grouped.get(day, []), goals))
        day += timedelta(days=1)
    return days


def streaks(days: list[dict]) -> dict:
    """Current and best run of days meeting each goal. Today not yet met does not break a run."""
    result = {}
    for goal in STREAK_GOALS:
        best = run = 0
        for summary in days:
            run = run + 1 if summary[goal] else 0
            best = max(best, run)
        current = 0
        tail = days if (days and days[-1][goal]) else days[:-1]
        for summary in reversed(tail):
            if not summary[goal]:
                break
            current += 1
        result[goal] = {"current": current, "best": best}
    return result
