"""Reminder times: local wall time across DST, quiet hours across midnight, weekdays, snooze, skips."""
from datetime import datetime, timedelta, timezone

import pytest

from backend.reminders.schedule import HabitContext, ReminderSettings, occurrences, should_skip

UTC = timezone.utc


def daily(kind="breathing", **values):
    return ReminderSettings.from_dict(kind, {"enabled": True, "quiet_start": "23:00", "quiet_end": "06:00", **values})


def due_times(settings, zone, start, days, **kwargs):
    begin = datetime.fromisoformat(start).replace(tzinfo=UTC)
    return [o.due_utc.strftime("%Y-%m-%d %H:%M") for o in occurrences(settings, zone, begin, begin + timedelta(days=days), **kwargs)]


@pytest.mark.parametrize("zone, start, expected", [
    ("Europe/London", "2026-03-27T12:00", ["2026-03-28 08:00", "2026-03-29 07:00", "2026-03-30 07:00"]),
    ("Europe/London", "2026-10-23T12:00", ["2026-10-24 07:00", "2026-10-25 08:00", "2026-10-26 08:00"]),
    ("America/New_York", "2026-03-07T00:00", ["2026-03-07 13:00", "2026-03-08 12:00", "2026-03-09 12:00"]),
    ("America/New_York", "2026-10-31T00:00", ["2026-10-31 12:00", "2026-11-01 13:00", "2026-11-02 13:00"]),
])
def test_eight_oclock_stays_eight_oclock_across_dst(zone, start, expected):
    assert due_times(daily(time="08:00"), zone, start, 3) == expected


def test_a_time_in_the_spring_gap_moves_past_it_and_keys_stay_stable():
    settings = daily(time="01:30", quiet_start="03:00", quiet_end="04:00")
    begin = datetime(2026, 3, 29, tzinfo=UTC)
    found = occurrences(settings, "Europe/London", begin, begin + timedelta(days=1))
    assert [(o.due_utc.strftime("%H:%M"), o.key) for o in found] == [("01:30", "breathing:2026-03-29T01:30")]
    again = occurrences(settings, "Europe/London", begin - timedelta(hours=5), begin + timedelta(days=1))
    assert [o.key for o in again] == [o.key for o in found]


def test_following_a_change_of_time_zone():
    settings = daily(time="08:00")
    begin = datetime(2026, 6, 1, tzinfo=UTC)
    assert due_times(settings, "Asia/Tokyo", "2026-06-01T00:00", 1) == ["2026-06-01 23:00"]
    assert due_times(settings, "America/Los_Angeles", "2026-06-01T00:00", 1) == ["2026-06-01 15:00"]
    assert occurrences(settings, "Europe/Paris", begin, begin + timedelta(days=1))[0].local_date.isoformat() == "2026-06-01"


def test_hydration_every_two_hours_inside_the_window_and_outside_quiet_hours():
    settings = ReminderSettings.from_dict("hydration", {"enabled": True, "interval_minutes": 120, "window_start": "07:00",
                                                        "window_end": "23:30", "quiet_start": "22:00", "quiet_end": "07:30"})
    got = due_times(settings, "UTC", "2026-05-04T00:00", 1)
    assert got == [f"2026-05-04 {h:02d}:00" for h in (9, 11, 13, 15, 17, 19, 21)]


def test_quiet_hours_across_midnight():
    assert due_times(daily(time="23:30", quiet_start="22:00", quiet_end="07:00"), "UTC", "2026-05-04T00:00", 2) == []
    assert due_times(daily(time="06:30", quiet_start="22:00", quiet_end="07:00"), "UTC", "2026-05-04T00:00", 2) == []
    assert due_times(daily(time="07:00", quiet_start="22:00", quiet_end="07:00"), "UTC", "2026-05-04T00:00", 1) == ["2026-05-04 07:00"]


def test_weekdays():
    settings = daily(time="09:00", weekdays=[0, 2, 4])  # Monday, Wednesday, Friday
    assert due_times(settings, "UTC", "2026-05-04T00:00", 7) == ["2026-05-04 09:00", "2026-05-06 09:00", "2026-05-08 09:00"]


def test_wind_down_comes_before_the_bedtime_goal():
    settings = ReminderSettings.from_dict("wind_down", {"enabled": True, "minutes_before_bed": 45})
    assert due_times(settings, "UTC", "2026-05-04T00:00", 1, bedtime="22:30") == ["2026-05-04 21:45"]
    assert due_times(settings, "UTC", "2026-05-04T00:00", 1, bedtime="00:15") == ["2026-05-04 23:30"]


def test_caffeine_cutoff_follows_the_time_the_tracker_computes():
    settings = ReminderSettings.from_dict("caffeine_cutoff", {"enabled": True})
    assert due_times(settings, "UTC", "2026-05-04T00:00", 1, cutoff_time="15:10") == ["2026-05-04 15:10"]
    assert due_times(settings, "UTC", "2026-05-04T00:00", 1, cutoff_time=None) == []


def test_snooze_moves_the_reminder_once():
    settings = daily(time="09:00", snoozed_until="2026-05-04T09:30:00+00:00")
    begin = datetime(2026, 5, 4, tzinfo=UTC)
    found = occurrences(settings, "UTC", begin, begin + timedelta(days=2))
    assert [(o.due_utc.strftime("%d %H:%M"), o.key) for o in found] == [
        ("04 09:30", "breathing:snooze:2026-05-04T09:30"), ("05 09:00", "breathing:2026-05-05T09:00")]


def test_disabled_reminders_have_no_occurrences():
    assert due_times(ReminderSettings.from_dict("checkin", {}), "UTC", "2026-05-04T00:00", 3) == []


@pytest.mark.parametrize("kind, context, reason", [
    ("hydration", HabitContext(minutes_since_water=30), "water logged recently"),
    ("hydration", HabitContext(water_goal_met=True), "water goal already met today"),
    ("hydration", HabitContext(minutes_since_water=200), None),
    ("breathing", HabitContext(breathing_done_today=True), "breathing already done today"),
    ("checkin", HabitContext(twitch_logged_today=True), "twitch already logged today"),
    ("caffeine_cutoff", HabitContext(caffeine_today_mg=0), "no caffeine today"),
    ("caffeine_cutoff", HabitContext(caffeine_today_mg=96), None),
    ("wind_down", HabitContext(water_goal_met=True), None),
])
def test_skip_when_the_habit_is_done(kind, context, reason):
    assert should_skip(kind, 120, context) == reason


@pytest.mark.parametrize("kind, values", [
    ("hydration", {"interval_minutes": 5}), ("breathing", {"time": "25:61"}), ("breathing", {"weekdays": [7]}),
    ("breathing", {"snoozed_until": "soon"}), ("breathing", {"colour": "red"}), ("naps", {}),
    ("breathing", {"enabled": "yes"}),
])
def test_bad_settings_are_refused(kind, values):
    with pytest.raises(ValueError):
        ReminderSettings.from_dict(kind, values)
