"""Accounts through the API: sign up, sign in, sessions, CSRF, rate limits, profile, deletion."""
from sqlalchemy import select

from backend.accounts.models import User
from backend.extensions import db


def test_sign_up_signs_in_and_returns_location(api):
    response = api.post("/api/auth/signup", {"email": "Ana@Example.com", "password": "long enough pw",
                                             "time_zone": "Europe/Berlin", "emergency_number": "112"})
    assert response.status_code == 201
    assert response.headers["Location"].endswith("/api/auth/me")
    me = api.get("/api/auth/me").get_json()
    assert me["email"] == "ana@example.com"
    assert me["time_zone"] == "Europe/Berlin"
    assert me["units"] == "metric"


def test_session_state_answers_signed_out_and_signed_in_without_an_error(api):
    assert api.get("/api/auth/session").get_json() == {"signed_in": False, "user": None}
    api.sign_up("state@example.com", "long enough pw")
    state = api.get("/api/auth/session")
    assert state.status_code == 200 and state.headers["Cache-Control"] == "no-store"
    assert state.get_json()["signed_in"] is True and state.get_json()["user"]["email"] == "state@example.com"
    api.post("/api/auth/signout")
    assert api.get("/api/auth/session").get_json()["signed_in"] is False


def test_password_is_hashed_with_argon2id(api, app):
    api.sign_up("hash@example.com", "my secret words")
    with app.app_context():
        stored = db.session.scalar(select(User.password_hash))
    assert stored.startswith("$argon2id$")
    assert "my secret words" not in stored


def test_duplicate_email_gives_409(api, make_api):
    api.sign_up("dup@example.com")
    response = make_api().post("/api/auth/signup", {"email": "DUP@example.com", "password": "another pw 1"})
    assert response.status_code == 409
    assert response.get_json()["error"] == "email_taken"


def test_sign_in_error_is_the_same_for_unknown_email_and_wrong_password(api, make_api):
    api.sign_up("known@example.com", "right password")
    wrong = make_api().post("/api/auth/signin", {"email": "known@example.com", "password": "nope nope"})
    unknown = make_api().post("/api/auth/signin", {"email": "ghost@example.com", "password": "nope nope"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.get_json() == unknown.get_json()


def test_sign_in_out_and_who_am_i(api, make_api):
    api.sign_up("io@example.com", "right password")
    other = make_api()
    assert other.get("/api/auth/me").status_code == 401
    assert other.post("/api/auth/signin", {"email": "io@example.com", "password": "right password"}).status_code == 200
    assert other.get("/api/auth/me").get_json()["email"] == "io@example.com"
    assert other.post("/api/auth/signout").status_code == 204
    assert other.get("/api/auth/me").status_code == 401


def test_next_redirect_only_to_this_site(api, make_api):
    api.sign_up("next@example.com", "right password")
    cases = {"/history?week=2": "/history?week=2", "https://evil.example/": "/", "//evil.example": "/",
             "/\\evil.example": "/", "javascript:alert(1)": "/", None: "/"}
    for target, expected in cases.items():
        client = make_api()
        body = {"email": "next@example.com", "password": "right password"}
        if target is not None:
            body["next"] = target
        assert client.post("/api/auth/signin", body).get_json()["redirect"] == expected, target


def test_state_changing_requests_need_the_csrf_token(api):
    api.sign_up("csrf@example.com")
    assert api.patch("/api/profile", {"display_name": "X"}, csrf=False).status_code == 403
    bad = api.patch("/api/profile", {"display_name": "X"}, headers={"X-CSRF-Token": "forged"})
    assert bad.status_code == 403 and bad.get_json()["error"] == "csrf_failed"
    cross = api.patch("/api/profile", {"display_name": "X"}, headers={"Origin": "https://evil.example"})
    assert cross.status_code == 403
    assert api.patch("/api/profile", {"display_name": "X"}).status_code == 200


def test_sign_in_is_rate_limited_per_address(app, api, make_api):
    api.sign_up("limit@example.com", "right password")
    attacker = make_api()
    for _ in range(app.config["SIGN_IN_LIMIT_PER_ADDRESS"]):
        assert attacker.post("/api/auth/signin", {"email": "limit@example.com", "password": "guess"}).status_code == 401
    blocked = make_api().post("/api/auth/signin", {"email": "limit@example.com", "password": "right password"},
                              environ_base={"REMOTE_ADDR": "10.9.9.9"})
    assert blocked.status_code == 429
    assert int(blocked.headers["Retry-After"]) > 0
    assert blocked.get_json()["error"] == "too_many_attempts"


def test_sign_in_is_rate_limited_per_client(app, make_api):
    client = make_api()
    for i in range(app.config["SIGN_IN_LIMIT_PER_CLIENT"]):
        client.post("/api/auth/signin", {"email": f"spray{i}@example.com", "password": "guess"})
    assert client.post("/api/auth/signin", {"email": "fresh@example.com", "password": "x"}).status_code == 429


def test_session_cookie_flags(api, app):
    response = api.post("/api/auth/signup", {"email": "cookie@example.com", "password": "long enough pw"})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    secure = app.test_client().get("/api/auth/csrf", base_url="https://steady.test")
    assert "Secure" in secure.headers["Set-Cookie"]


def test_profile_update_and_validation(user_api):
    ok = user_api.patch("/api/profile", {"time_zone": "America/New_York", "units": "us", "emergency_number": "911"})
    assert ok.status_code == 200 and ok.get_json()["units"] == "us"
    bad = user_api.patch("/api/profile", {"time_zone": "Mars/Olympus", "units": "cubits", "emergency_number": "call me"})
    assert bad.status_code == 400
    body = bad.get_json()
    assert set(body["fields"]) == {"time_zone", "units", "emergency_number"}
    assert user_api.get("/api/profile").get_json()["time_zone"] == "America/New_York"


def test_change_password_signs_out_other_devices(api, make_api):
    api.sign_up("pw@example.com", "old password")
    phone = make_api()
    phone.post("/api/auth/signin", {"email": "pw@example.com", "password": "old password"})
    assert api.put("/api/auth/password", {"current_password": "wrong", "new_password": "new password"}).status_code == 400
    assert api.put("/api/auth/password", {"current_password": "old password", "new_password": "new password"}).status_code == 204
    assert api.get("/api/auth/me").status_code == 200
    assert phone.get("/api/auth/me").status_code == 401
    fresh = make_api()
    assert fresh.post("/api/auth/signin", {"email": "pw@example.com", "password": "new password"}).status_code == 200


def test_delete_account_removes_the_user(api, app):
    api.sign_up("bye@example.com", "right password")
    assert api.delete("/api/auth/account", {"password": "wrong"}).status_code == 400
    assert api.delete("/api/auth/account", {"password": "right password"}).status_code == 204
    assert api.get("/api/auth/me").status_code == 401
    with app.app_context():
        assert db.session.scalar(select(User).where(User.email == "bye@example.com")) is None
