"""Caffeine in the body: each dose decays by half every half-life (a one-compartment model), and
all doses add up. Half-life 5 h on average, 1.5-9.5 h between people (Institute of Medicine 2001)."""
import math
from datetime import datetime, timedelta


def remaining(mg: float, taken: datetime, at: datetime, half_life_h: float) -> float:
    hours = (at - taken).total_seconds() / 3600
    return 0.0 if hours < 0 else mg * 0.5 ** (hours / half_life_h)


def caffeine_at(doses: list[tuple[datetime, float]], at: datetime, half_life_h: float) -> float:
    """Caffeine left at `at` from every dose taken at or before it."""
    return sum(remaining(mg, taken, at, half_life_h) for taken, mg in doses)


def latest_dose_time(doses, bedtime: datetime, dose_mg: float, threshold_mg: float,
                     half_life_h: float, now: datetime) -> datetime | None:
    """The latest time (not before now) a further dose still leaves the bedtime level at or under
    the threshold; None when even a dose now would be too much."""
    room = threshold_mg - caffeine_at(doses, bedtime, half_life_h)
    if room <= 0 or dose_mg <= 0:
        return None
    if dose_mg <= room:
        return bedtime  # even at bedtime it would stay under the threshold
    # dose * 0.5 ** (h / half_life) = room  =>  h = half_life * log2(dose / room)
    hours_before = half_life_h * math.log2(dose_mg / room)
    latest = bedtime - timedelta(hours=hours_before)
    return latest if latest >= now else None
