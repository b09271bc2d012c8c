"""Shared pieces of the JSON API: errors, request validation and the OpenAPI document."""
from .errors import ApiError, register_error_handlers
from .validation import documented, json_body, query_args

__all__ = ["ApiError", "register_error_handlers", "documented", "json_body", "query_args"]
