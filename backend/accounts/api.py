"""Account API: sign up, sign in and out, who am I, profile, password and account deletion."""
from datetime import timedelta

from flask import Blueprint, current_app, jsonify, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy import func, select

from ..api import ApiError, documented, json_body
from ..extensions import db, login_manager
from ..security import csrf_token, safe_next
from . import throttle
from .models import User, new_session_token
from .passwords import hash_password, needs_rehash, verify_password
from .schemas import (ChangePassword, CsrfToken, DeleteAccount, Profile, ProfileFields, SessionState,
                      SignedIn, SignIn, SignUp)

bp = Blueprint("accounts", __name__, url_prefix="/api")

SIGN_IN_FAILED = "That email and password do not match an account."


@login_manager.user_loader
def load_user(login_id: str):
    user_id, _, token = login_id.partition(":")
    if not user_id.isdigit():
        return None
    user = db.session.get(User, int(user_id))
    return user if user is not None and user.session_token == token else None


@login_manager.unauthorized_handler
def unauthorized():
    raise ApiError(401, "not_signed_in", "Please sign in to continue.")


def _limits() -> throttle.Limits:
    config = current_app.config
    return throttle.Limits(config["SIGN_IN_LIMIT_PER_ADDRESS"], config["SIGN_IN_LIMIT_PER_CLIENT"],
                           timedelta(seconds=config["SIGN_IN_WINDOW_SECONDS"]))


def _start_session(user: User) -> str:
    """A fresh session on every sign-in (no fixation), with a new CSRF token."""
    session.clear()
    login_user(user)
    session.permanent = True
    return csrf_token()


def _apply_profile(user: User, fields: ProfileFields) -> None:
    for name in ("display_name", "time_zone", "units", "emergency_number"):
        value = getattr(fields, name)
        if value is not None:
            setattr(user, name, value)


@bp.get("/auth/csrf")
@documented("Get the CSRF token to send as X-CSRF-Token", tag="accounts", auth=False, response=CsrfToken)
def get_csrf():
    return {"csrf_token": csrf_token()}


@bp.post("/auth/signup")
@documented("Create an account and sign in", tag="accounts", auth=False, status=201, response=SignedIn)
@json_body(SignUp)
def sign_up(body: SignUp):
    email = body.email.lower()
    if db.session.scalar(select(User.id).where(func.lower(User.email) == email)) is not None:
        raise ApiError(409, "email_taken", "An account with this email already exists. Try signing in.",
                       {"email": "Already registered."})
    user = User(email=email, password_hash=hash_password(body.password))
    _apply_profile(user, body)
    db.session.add(user)
    db.session.commit()
    token = _start_session(user)
    response = jsonify({"user": user.profile(), "redirect": "/", "csrf_token": token})
    response.status_code = 201
    response.headers["Location"] = url_for("accounts.who_am_i")
    return response


@bp.post("/auth/signin")
@documented("Sign in with email and password", tag="accounts", auth=False, response=SignedIn,
            description="Failed attempts are limited per address and per client; the error never "
                        "says whether the address has an account.")
@json_body(SignIn)
def sign_in(body: SignIn):
    client = request.remote_addr or "unknown"
    wait = throttle.retry_after(body.email, client, _limits())
    if wait is not None:
        raise ApiError(429, "too_many_attempts",
                       f"Too many sign-in attempts. Please wait {max(1, wait // 60)} minute(s) and try again.",
                       headers={"Retry-After": str(wait)})
    user = db.session.scalar(select(User).where(func.lower(User.email) == body.email.strip().lower()))
    if not verify_password(user.password_hash if user else None, body.password):
        throttle.record_failure(body.email, client)
        raise ApiError(401, "sign_in_failed", SIGN_IN_FAILED)
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(body.password)
        db.session.commit()
    throttle.clear_address(body.email, _limits())
    token = _start_session(user)
    return {"user": user.profile(), "redirect": safe_next(body.next), "csrf_token": token}


@bp.post("/auth/signout")
@documented("Sign out of this device", tag="accounts", status=204, auth=False)
def sign_out():
    logout_user()
    session.clear()
    return "", 204


@bp.get("/auth/session")
@documented("Whether this device is signed in, and as whom (never a 401, so the app can ask on every "
            "start without an error for people who are not signed in)", tag="accounts",
            response=SessionState, auth=False)
def session_state():
    if current_user.is_authenticated:
        return {"signed_in": True, "user": current_user.profile()}
    return {"signed_in": False, "user": None}


@bp.get("/auth/me")
@documented("Who am I: the signed-in person's profile", tag="accounts", response=Profile)
@login_required
def who_am_i():
    return current_user.profile()


@bp.put("/auth/password")
@documented("Change password (signs out every other device)", tag="accounts", status=204)
@login_required
@json_body(ChangePassword)
def change_password(body: ChangePassword):
    if not verify_password(current_user.password_hash, body.current_password):
        raise ApiError(400, "wrong_password", "The current password is not right.",
                       {"current_password": "Not right."})
    current_user.password_hash = hash_password(body.new_password)
    current_user.session_token = new_session_token()
    db.session.commit()
    _start_session(current_user)
    return "", 204


@bp.delete("/auth/account")
@documented("Delete the account and everything stored with it", tag="accounts", status=204)
@login_required
@json_body(DeleteAccount)
def delete_account(body: DeleteAccount):
    if not verify_password(current_user.password_hash, body.password):
        raise ApiError(400, "wrong_password", "The password is not right.", {"password": "Not right."})
    user = db.session.get(User, current_user.id)
    logout_user()
    db.session.delete(user)
    db.session.commit()
    session.clear()
    return "", 204


@bp.get("/profile")
@documented("Read the profile", tag="accounts", response=Profile)
@login_required
def get_profile():
    return current_user.profile()


@bp.patch("/profile")
@documented("Change display name, time zone, units or emergency number", tag="accounts", response=Profile)
@login_required
@json_body(ProfileFields)
def update_profile(body: ProfileFields):
    _apply_profile(current_user, body)
    db.session.commit()
    return current_user.profile()
