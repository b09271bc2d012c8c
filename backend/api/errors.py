"""One error shape for every API failure: {"error", "message", "fields"}."""
import logging

from flask import Flask, jsonify, request
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)


class ApiError(Exception):
    """Raised by views for a client error; rendered as the common JSON shape."""

    def __init__(self, status: int, error: str, message: str, fields: dict | None = None,
                 headers: dict | None = None):
        super().__init__(message)
        self.status = status
        self.error = error
        self.message = message
        self.fields = fields or {}
        self.headers = headers or {}


def error_response(status: int, error: str, message: str, fields: dict | None = None,
                   headers: dict | None = None):
    response = jsonify({"error": error, "message": message, "fields": fields or {}})
    response.status_code = status
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def _is_api_request() -> bool:
    return request.path.startswith("/api/")


def _http_error_code(exc: HTTPException) -> str:
    return (exc.name or "error").lower().replace(" ", "_").replace("'", "")


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(ApiError)
    def handle_api_error(exc: ApiError):
        return error_response(exc.status, exc.error, exc.message, exc.fields, exc.headers)

    @app.errorhandler(HTTPException)
    def handle_http_error(exc: HTTPException):
        if not _is_api_request():
            return exc
        headers = {}
        if exc.code == 405 and exc.valid_methods:
            headers["Allow"] = ", ".join(exc.valid_methods)
        return error_response(exc.code or 500, _http_error_code(exc), exc.description or exc.name,
                              headers=headers)

    @app.errorhandler(Exception)
    def handle_unexpected(exc: Exception):
        log.exception("Unhandled error on %s %s", request.method, request.path)
        if _is_api_request():
            return error_response(500, "server_error", "Something went wrong on our side. Please try again.")
        return "Something went wrong on our side. Please try again.", 500
