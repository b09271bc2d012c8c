"""Request validation with pydantic, plus the metadata the OpenAPI document is built from.

Views declare their body and query models with `json_body` / `query_args`; the parsed model is
passed to the view as `body` / `query`. Every API view is also marked with `documented` so that
`openapi.build_document` can describe it.
"""
from functools import wraps
from typing import Any, Callable

from flask import request
from pydantic import BaseModel, ValidationError

from .errors import ApiError


def _fields_from(exc: ValidationError) -> dict[str, str]:
    fields: dict[str, str] = {}
    for problem in exc.errors():
        name = ".".join(str(part) for part in problem["loc"]) or "body"
        message = problem["msg"]
        if message.startswith("Value error, "):
            message = message[len("Value error, "):]
        fields.setdefault(name, message)
    return fields


def parse_model(model: type[BaseModel], data: Any, what: str) -> BaseModel:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ApiError(400, "invalid_request", f"Some of the {what} is not valid.", _fields_from(exc))


def _meta(view: Callable) -> dict:
    """The view's API metadata; `functools.wraps` carries it to every wrapper."""
    if not hasattr(view, "api_meta"):
        view.api_meta = {}
    return view.api_meta


def json_body(model: type[BaseModel]):
    """Parse the JSON body into `model`; bad JSON or bad values give a 400 with per-field messages."""

    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            data = request.get_json(silent=True)
            if data is None:
                raise ApiError(400, "invalid_json", "The request body must be a JSON document.")
            kwargs["body"] = parse_model(model, data, "information sent")
            return view(*args, **kwargs)

        _meta(wrapper)["body"] = model
        return wrapper

    return decorator


def query_args(model: type[BaseModel]):
    """Parse the query string into `model` (repeated keys become lists)."""

    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            raw = {key: values if len(values) > 1 else values[0]
                   for key, values in request.args.lists()}
            kwargs["query"] = parse_model(model, raw, "query")
            return view(*args, **kwargs)

        _meta(wrapper)["query"] = model
        return wrapper

    return decorator


def documented(summary: str, *, tag: str, response: type[BaseModel] | None = None,
               status: int = 200, auth: bool = True, description: str = ""):
    """Describe an API view for the OpenAPI document (outermost decorator under the route)."""

    def decorator(view):
        _meta(view).update(summary=summary, tag=tag, response=response, status=status, auth=auth,
                    description=description)
        return view

    return decorator
