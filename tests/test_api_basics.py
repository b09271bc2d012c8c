"""The API's common ground: one error shape, no 500 on bad input, an OpenAPI document that matches."""
import pytest

from backend.api.openapi import api_rules, openapi_path


def test_openapi_document_lists_exactly_the_routes(app, api):
    document = api.get("/api/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    expected = {}
    for rule, _view in api_rules(app):
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            expected.setdefault(openapi_path(rule.rule), set()).add(method.lower())
    documented = {path: set(ops) for path, ops in document["paths"].items()}
    assert documented == expected
    for path, operations in document["paths"].items():
        for operation in operations.values():
            assert operation["summary"], path


@pytest.mark.parametrize("payload", [
    "not json", "[1, 2", "null", "[]", '{"email": 5, "password": []}', '{"email": "a@b.co"}',
    '{"email": "x@example.com", "password": "' + "p" * 5000 + '"}', '{"unexpected": true}',
])
def test_bad_sign_up_bodies_give_a_clear_4xx(api, payload):
    response = api.post("/api/auth/signup", data=payload, headers={"Content-Type": "application/json"})
    assert 400 <= response.status_code < 500
    body = response.get_json()
    assert set(body) == {"error", "message", "fields"}
    assert body["message"]


def test_unknown_api_route_and_wrong_method_use_the_error_shape(api):
    missing = api.get("/api/nothing-here")
    assert missing.status_code == 404 and missing.get_json()["error"] == "not_found"
    wrong = api.put("/api/auth/csrf", {})
    assert wrong.status_code == 405 and set(wrong.get_json()) == {"error", "message", "fields"}


def test_security_headers_on_pages_and_api(api):
    page = api.get("/")
    csp = page.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert api.get("/api/auth/csrf").headers["Cache-Control"] == "no-store"
