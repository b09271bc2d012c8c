"""The tracker's domain rules over the shared cases (tests/js/tracker.test.js runs the same file
on the app's copies), plus goal validation."""
import json
from datetime import date, datetime
from pathlib import Path

import pytest

from backend.tracker import caffeine
from backend.tracker.days import local_clock, parse_instant
from backend.tracker.goals import Goals
from backend.tracker.insights import compute_insights
from backend.tracker.summary import day_summary, range_summaries, streaks

CASES = json.loads((Path(__file__).parent / "tracker_cases.json").read_text())


def instant(value):
    return parse_instant(value) if value else None


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["name"])
def test_shared_case(case):
    goals = Goals.from_dict(case["goals"])
    kind = case["type"]
    if kind == "caffeine_at":
        doses = [(instant(at), mg) for at, mg in case["doses"]]
        assert caffeine.caffeine_at(doses, instant(case["at"]), case["half_life_h"]) == pytest.approx(case["expect"], abs=0.01)
    elif kind == "latest_dose":
        doses = [(instant(at), mg) for at, mg in case["doses"]]
        got = caffeine.latest_dose_time(doses, instant(case["bedtime"]), case["dose_mg"], case["threshold_mg"],
                                        case["half_life_h"], instant(case["now"]))
        if case["expect"] is None:
            assert got is None
        else:
            assert abs((got - instant(case["expect"])).total_seconds()) < 60
    elif kind == "local_clock":
        got = local_clock(date.fromisoformat(case["day"]), case["clock"], case["zone"])
        assert got == instant(case["expect"])
    elif kind == "day_summary":
        got = day_summary(case["entries"], date.fromisoformat(case["day"]), goals, instant(case["now"]), case["zone"])
        for key, value in case["expect"].items():
            assert got[key] == value, key
    elif kind == "insights":
        got = compute_insights(case["entries"], date.fromisoformat(case["start"]), date.fromisoformat(case["end"]),
                               goals, case["zone"])
        by_factor = {f["factor"]: f for f in got["factors"]}
        for factor, expected in case["expect"].items():
            for key, value in expected.items():
                assert by_factor[factor][key] == value, (factor, key)
    else:
        raise AssertionError(f"unknown case type {kind}")


def test_cases_cover_the_required_ground():
    names = " ".join(c["name"] for c in CASES)
    for needed in ["midnight", "spring", "fall-back", "Auckland", "Los Angeles", "Kolkata", "travel", "enough"]:
        assert needed in names


def test_insight_sentences_speak_of_patterns_not_causes():
    case = next(c for c in CASES if c["type"] == "insights" and "are enough" in c["name"])
    got = compute_insights(case["entries"], date(2026, 6, 1), date(2026, 6, 6), Goals(), "UTC")
    sentence = next(f["sentence"] for f in got["factors"] if f["factor"] == "short_sleep")
    assert sentence == ("On days after less than 6 h of sleep you logged twitches on 2 of 3 days, "
                        "against 1 of 3 other days.")
    assert "cause" not in " ".join(f["sentence"] for f in got["factors"]) + got["note"].replace("leads", "")


def test_streaks_ignore_an_unfinished_today():
    days = [{"water_met": True, "caffeine_ok": True, "sleep_met": True, "breathing_met": True}] * 3 + \
           [{"water_met": False, "caffeine_ok": True, "sleep_met": True, "breathing_met": False}]
    runs = streaks(days)
    assert runs["water_met"] == {"current": 3, "best": 3}
    assert runs["caffeine_ok"] == {"current": 4, "best": 4}


def test_history_range_has_one_summary_per_day():
    days = range_summaries([], date(2026, 2, 25), date(2026, 3, 2), Goals(), "UTC")
    assert [d["day"] for d in days][0] == "2026-02-25" and len(days) == 6


@pytest.mark.parametrize("bad", [{"water_ml": -1}, {"water_ml": "lots"}, {"caffeine_half_life_h": 20},
                                 {"bedtime": "25:00"}, {"sleep_min_hours": 10, "sleep_max_hours": 8},
                                 {"unknown": 1}, {"breathing_minutes": True}])
def test_bad_goals_are_refused(bad):
    with pytest.raises(ValueError):
        Goals.from_dict(bad)


def test_naive_times_are_refused():
    with pytest.raises(ValueError):
        parse_instant("2026-05-01T08:00:00")
    assert isinstance(parse_instant("2026-05-01T08:00:00Z"), datetime)
