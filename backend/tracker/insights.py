"""Patterns between twitch days and everyday factors, told as patterns and never as causes."""
from datetime import date

from .goals import Goals
from .summary import range_summaries

MIN_DAYS = 3  # at least this many days with the factor and without it before saying anything
SHORT_SLEEP_MINUTES = 6 * 60

NOTE = "This is a pattern in what you logged, not proof that one thing leads to the other."


def _factors(goals: Goals):
    """(id, description, test on a day summary or None when the day says nothing about it)."""
    return [
        ("short_sleep", "after less than 6 h of sleep",
         lambda d: None if d["sleep_minutes"] is None else d["sleep_minutes"] < SHORT_SLEEP_MINUTES),
        ("low_water", "when you drank less than your water goal", lambda d: not d["water_met"]),
        ("caffeine_over", f"with more than {goals.caffeine_limit_mg} mg of caffeine", lambda d: d["caffeine_over"]),
        ("late_caffeine", f"with caffeine after {goals.caffeine_late_after}", lambda d: d["caffeine_late"]),
        ("no_breathing", "without a breathing exercise", lambda d: d["breathing_minutes"] == 0),
    ]


def compare(days: list[dict], goals: Goals) -> list[dict]:
    logged = [d for d in days if d["has_entries"]]
    results = []
    for factor, description, test in _factors(goals):
        with_days = [d for d in logged if test(d) is True]
        without_days = [d for d in logged if test(d) is False]
        item = {"factor": factor, "description": description,
                "with_days": len(with_days), "with_twitch_days": sum(d["twitch_count"] > 0 for d in with_days),
                "without_days": len(without_days),
                "without_twitch_days": sum(d["twitch_count"] > 0 for d in without_days)}
        if len(with_days) < MIN_DAYS or len(without_days) < MIN_DAYS:
            item["enough_data"] = False
            item["sentence"] = (f"Not enough days yet to compare days {description} with other days "
                                f"(needs at least {MIN_DAYS} of each).")
        else:
            item["enough_data"] = True
            item["sentence"] = (f"On days {description} you logged twitches on {item['with_twitch_days']} "
                                f"of {item['with_days']} days, against {item['without_twitch_days']} of "
                                f"{item['without_days']} other days.")
        results.append(item)
    return results


def compute_insights(entries: list[dict], start: date, end: date, goals: Goals, tz_name: str) -> dict:
    return {"factors": compare(range_summaries(entries, start, end, goals, tz_name), goals), "note": NOTE}
