"""When reminders are due: local wall-clock times in the person's zone (08:00 stays 08:00 across
DST changes and follows a new zone), days of the week, quiet hours (which may cross midnight),
snooze, and when to skip because the habit is already done. No Flask, no database."""
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

KINDS = ("hydration", "wind_down", "caffeine_cutoff", "breathing", "checkin")
# After this long, an occurrence that could not be sent is recorded as missed, never sent late.
USEFUL_WINDOW = {"hydration": timedelta(minutes=60), "wind_down": timedelta(minutes=30),
                 "caffeine_cutoff": timedelta(minutes=60), "breathing": timedelta(hours=3),
                 "checkin": timedelta(hours=3)}
DEFAULTS = {
    "hydration": {"interval_minutes": 120, "window_start": "09:00", "window_end": "21:00"},
    "wind_down": {"minutes_before_bed": 30},
    "caffeine_cutoff": {},
    "breathing": {"time": "12:30"},
    "checkin": {"time": "20:30"},
}


def _clock(value: str, name: str) -> time:
    try:
        hours, minutes = value.split(":")
        return time(int(hours), int(minutes))
    except (ValueError, AttributeError):
        raise ValueError(f"{name} must be a time such as 08:00.")


@dataclass
class ReminderSettings:
    kind: str
    enabled: bool = False
    time: str = "09:00"
    interval_minutes: int = 120
    window_start: str = "09:00"
    window_end: str = "21:00"
    minutes_before_bed: int = 30
    weekdays: list[int] = field(default_factory=lambda: list(range(7)))
    quiet_start: str = "22:00"
    quiet_end: str = "07:00"
    snoozed_until: str | None = None

    @classmethod
    def from_dict(cls, kind: str, values: dict) -> "ReminderSettings":
        if kind not in KINDS:
            raise ValueError(f"Unknown reminder kind {kind!r}.")
        allowed = set(cls.__dataclass_fields__) - {"kind"}
        unknown = set(values) - allowed
        if unknown:
            raise ValueError(f"Unknown setting(s): {', '.join(sorted(unknown))}.")
        settings = cls(kind=kind, **{**DEFAULTS[kind], **values})
        settings.check()
        return settings

    def check(self) -> None:
        for name in ("time", "window_start", "window_end", "quiet_start", "quiet_end"):
            _clock(getattr(self, name), name)
        if not isinstance(self.enabled, bool):
            raise ValueError("enabled must be true or false.")
        if not (isinstance(self.interval_minutes, int) and 30 <= self.interval_minutes <= 720):
            raise ValueError("interval_minutes must be between 30 and 720.")
        if not (isinstance(self.minutes_before_bed, int) and 0 <= self.minutes_before_bed <= 180):
            raise ValueError("minutes_before_bed must be between 0 and 180.")
        if not isinstance(self.weekdays, list) or not all(d in range(7) for d in self.weekdays):
            raise ValueError("weekdays must list days from 0 (Monday) to 6 (Sunday).")
        if self.snoozed_until is not None:
            try:
                moment = datetime.fromisoformat(self.snoozed_until.replace("Z", "+00:00"))
            except (ValueError, AttributeError):
                raise ValueError("snoozed_until must be a date and time.")
            if moment.tzinfo is None:
                raise ValueError("snoozed_until needs a UTC offset.")

    def to_dict(self) -> dict:
        values = asdict(self)
        values.pop("kind")
        return values


@dataclass(frozen=True)
class Occurrence:
    kind: str
    due_utc: datetime
    local_date: date
    key: str  # the same occurrence always has the same key (wall time, not instant)


def wall_to_utc(day: date, clock: time, zone: ZoneInfo) -> datetime:
    """A wall-clock time in a zone. fold=0 makes an ambiguous fall-back time the first of the two,
    and moves a time inside a spring-forward gap forward by the gap (01:30 becomes 02:30)."""
    return datetime.combine(day, clock, zone).astimezone(timezone.utc)


def _in_quiet_hours(clock: time, start: time, end: time) -> bool:
    if start == end:
        return False
    if start < end:
        return start <= clock < end
    return clock >= start or clock < end  # crosses midnight


def _daily_clocks(settings: ReminderSettings, bedtime: str, cutoff_time: str | None) -> list[time]:
    if settings.kind == "hydration":
        start, end = _clock(settings.window_start, "window_start"), _clock(settings.window_end, "window_end")
        minutes, last = start.hour * 60 + start.minute, end.hour * 60 + end.minute
        clocks = []
        while minutes <= last:
            clocks.append(time(minutes // 60, minutes % 60))
            minutes += settings.interval_minutes
        return clocks
    if settings.kind == "wind_down":
        bed = datetime.combine(date(2000, 1, 2), _clock(bedtime, "bedtime"))
        return [(bed - timedelta(minutes=settings.minutes_before_bed)).time()]
    if settings.kind == "caffeine_cutoff":
        return [_clock(cutoff_time, "cutoff_time")] if cutoff_time else []
    return [_clock(settings.time, "time")]


def occurrences(settings: ReminderSettings, tz_name: str, start_utc: datetime, end_utc: datetime, *,
                bedtime: str = "22:30", cutoff_time: str | None = None) -> list[Occurrence]:
    """Every occurrence due in [start_utc, end_utc), in order, quiet hours and weekdays applied."""
    if not settings.enabled:
        return []
    try:
        zone = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"Unknown time zone {tz_name!r}.")
    quiet = (_clock(settings.quiet_start, "quiet_start"), _clock(settings.quiet_end, "quiet_end"))
    found = []
    day = start_utc.astimezone(zone).date() - timedelta(days=1)
    last_day = end_utc.astimezone(zone).date() + timedelta(days=1)
    while day <= last_day:
        if day.weekday() in settings.weekdays:
            for clock in _daily_clocks(settings, bedtime, cutoff_time):
                if settings.kind != "wind_down" and _in_quiet_hours(clock, *quiet):
                    continue  # the wind-down is meant for the edge of the night itself
                due = wall_to_utc(day, clock, zone)
                if start_utc <= due < end_utc:
                    found.append(Occurrence(settings.kind, due, day,
                                            f"{settings.kind}:{day.isoformat()}T{clock.strftime('%H:%M')}"))
        day += timedelta(days=1)
    snoozed = _snoozed(settings)
    if snoozed:
        found = [o for o in found if o.due_utc >= snoozed]
        if start_utc <= snoozed < end_utc:
            local = snoozed.astimezone(zone)
            found.insert(0, Occurrence(settings.kind, snoozed, local.date(),
                                       f"{settings.kind}:snooze:{snoozed.strftime('%Y-%m-%dT%H:%M')}"))
    return sorted(found, key=lambda o: o.due_utc)


def _snoozed(settings: ReminderSettings) -> datetime | None:
    if not settings.snoozed_until:
        return None
    return datetime.fromisoformat(settings.snoozed_until.replace("Z", "+00:00")).astimezone(timezone.utc)


@dataclass(frozen=True)
class HabitContext:
    """What the tracker knows when a reminder is due."""
    minutes_since_water: float | None = None
    water_goal_met: bool = False
    breathing_done_today: bool = False
    twitch_logged_today: bool = False
    caffeine_today_mg: float = 0


def should_skip(kind: str, interval_minutes: int, context: HabitContext) -> str | None:
    """A reason not to send (the habit is done), or None."""
    if kind == "hydration":
        if context.water_goal_met:
            return "water goal already met today"
        if context.minutes_since_water is not None and context.minutes_since_water < interval_minutes:
            return "water logged recently"
    if kind == "breathing" and context.breathing_done_today:
        return "breathing already done today"
    if kind == "checkin" and context.twitch_logged_today:
        return "twitch already logged today"
    if kind == "caffeine_cutoff" and context.caffeine_today_mg == 0:
        return "no caffeine today"
    return None
