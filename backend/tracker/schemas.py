"""Validated shapes of tracker entries as the API receives them (one model per kind)."""
from datetime import date, datetime, timedelta, timezone
from datetime import date as Day
from typing import Annotated, Literal, Union
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..timeutil import now_utc

# How far from now an entry may be dated: older data is imported history, newer is a clock error.
OLDEST = timedelta(days=366 * 10)
NEWEST = timedelta(days=1)

DRINKS = Literal["brewed_coffee", "espresso", "instant_coffee", "black_tea", "green_tea", "cola",
                 "energy_drink", "energy_shot", "custom"]
EXERCISES = Literal["box", "4-7-8", "resonance", "cyclic_sigh"]
LOCATIONS = Literal["eyelid", "face", "arm", "hand", "leg", "foot", "back", "chest", "abdomen", "other"]
QUESTION_IDS = Literal["weakness", "muscle_shrinking", "severe_pain", "numbness_tingling",
                       "balance_coordination", "speech_swallowing", "vision_changes", "bowel_bladder",
                       "memory_concentration", "multiple_places", "face_drooping", "one_sided_weakness",
                       "sudden_speech_trouble", "trouble_breathing", "sudden_vision_balance_loss",
                       "severe_dehydration"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def check_instant(value: datetime, name: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} needs a UTC offset, for example 2026-03-01T08:00:00+01:00.")
    if abs(value.utcoffset()) > timedelta(hours=14):
        raise ValueError(f"{name} has an offset beyond ±14 hours.")
    now = now_utc()
    if value < now - OLDEST or value > now + NEWEST:
        raise ValueError(f"{name} is too far from today.")
    return value


class WaterData(Strict):
    amount_ml: int = Field(ge=1, le=5000)


class CaffeineData(Strict):
    mg: int = Field(ge=1, le=1000)
    drink: DRINKS = "custom"
    servings: float = Field(default=1, gt=0, le=20)


class SleepData(Strict):
    bedtime: datetime
    wake_time: datetime
    quality: int = Field(ge=1, le=5)

    @model_validator(mode="after")
    def _order(self):
        check_instant(self.bedtime, "bedtime")
        check_instant(self.wake_time, "wake_time")
        length = self.wake_time - self.bedtime
        if length <= timedelta(0):
            raise ValueError("wake_time must be after bedtime.")
        if length > timedelta(hours=24):
            raise ValueError("A night's sleep cannot be longer than 24 hours.")
        return self


class BreathingData(Strict):
    exercise: EXERCISES
    duration_s: int = Field(ge=10, le=4 * 3600)


class TwitchData(Strict):
    location: LOCATIONS
    location_detail: str | None = Field(default=None, max_length=120)
    intensity: int = Field(ge=1, le=5)
    duration_s: int | None = Field(default=None, ge=0, le=7 * 24 * 3600)
    notes: str | None = Field(default=None, max_length=2000)
    answers: dict[QUESTION_IDS, bool] = Field(default_factory=dict)


class _EntryBase(Strict):
    id: str | None = Field(default=None, max_length=36, description="May repeat the id in the path.")
    occurred_at: datetime
    updated_at: datetime
    deleted: bool = False

    @field_validator("occurred_at")
    @classmethod
    def _occurred(cls, value):
        return check_instant(value, "occurred_at")

    @field_validator("updated_at")
    @classmethod
    def _updated(cls, value):
        if value.tzinfo is None:
            raise ValueError("updated_at needs a UTC offset (use Z for UTC).")
        if value > now_utc() + NEWEST:
            raise ValueError("updated_at is in the future; check the device clock.")
        return value.astimezone(timezone.utc)


class WaterEntry(_EntryBase):
    kind: Literal["water"]
    data: WaterData


class CaffeineEntry(_EntryBase):
    kind: Literal["caffeine"]
    data: CaffeineData


class SleepEntry(_EntryBase):
    kind: Literal["sleep"]
    data: SleepData

    @model_validator(mode="after")
    def _wake_is_occurrence(self):
        if self.occurred_at != self.data.wake_time:
            raise ValueError("For sleep, occurred_at must equal data.wake_time.")
        return self


class BreathingEntry(_EntryBase):
    kind: Literal["breathing"]
    data: BreathingData


class TwitchEntry(_EntryBase):
    kind: Literal["twitch"]
    data: TwitchData


EntryBody = Annotated[Union[WaterEntry, CaffeineEntry, SleepEntry, BreathingEntry, TwitchEntry],
                      Field(discriminator="kind")]


class EntryIn(BaseModel):
    """The body of PUT /api/entries/<id>."""
    entry: EntryBody

    @model_validator(mode="before")
    @classmethod
    def _wrap(cls, value):
        return {"entry": value} if isinstance(value, dict) and "entry" not in value else value


class EntryOut(BaseModel):
    id: str
    kind: str
    occurred_at: str
    data: dict
    updated_at: str
    deleted: bool
    day: date


class ChangesQuery(Strict):
    since: int = Field(default=0, ge=0)
    limit: int = Field(default=500, ge=1, le=2000)


class RangeQuery(Strict):
    start: date
    end: date

    @model_validator(mode="after")
    def _span(self):
        if self.end < self.start:
            raise ValueError("end must not be before start.")
        if (self.end - self.start).days > 400:
            raise ValueError("Ask for at most 400 days at a time.")
        return self


class DayQuery(Strict):
    date: Day | None = None


def valid_entry_id(value: str) -> str:
    """Entry ids are UUIDs made on the device; returns the canonical lower-case form."""
    return str(UUID(value))
