"""Request and response shapes for accounts and profiles."""
import re
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator

EMERGENCY_NUMBER = re.compile(r"^[0-9+*#]{2,16}$")


def check_time_zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError("Unknown time zone; use a name such as Europe/London.")
    return value


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ProfileFields(Strict):
    display_name: str | None = Field(default=None, max_length=80)
    time_zone: str | None = Field(default=None, max_length=64)
    units: Literal["metric", "us"] | None = None
    emergency_number: str | None = Field(default=None, max_length=16)

    @field_validator("time_zone")
    @classmethod
    def _zone(cls, value):
        return None if value is None else check_time_zone(value)

    @field_validator("emergency_number")
    @classmethod
    def _number(cls, value):
        if value is not None and not EMERGENCY_NUMBER.match(value):
            raise ValueError("Use digits only, for example 112, 999, 911 or 000.")
        return value


class SignUp(ProfileFields):
    email: EmailStr = Field(max_length=254)
    password: str = Field(min_length=8, max_length=256)


class SignIn(Strict):
    email: str = Field(min_length=1, max_length=254)
    password: str = Field(min_length=1, max_length=256)
    next: str | None = Field(default=None, max_length=2000)


class ChangePassword(Strict):
    current_password: str = Field(min_length=1, max_length=256)
    new_password: str = Field(min_length=8, max_length=256)


class DeleteAccount(Strict):
    password: str = Field(min_length=1, max_length=256)


class Profile(BaseModel):
    id: int
    email: str
    display_name: str
    time_zone: str
    units: Literal["metric", "us"]
    emergency_number: str


class SessionState(BaseModel):
    signed_in: bool
    user: Profile | None


class SignedIn(BaseModel):
    user: Profile
    redirect: str
    csrf_token: str


class CsrfToken(BaseModel):
    csrf_token: str
