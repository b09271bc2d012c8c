"""Build the OpenAPI 3.1 document from the app's own routes, so it cannot drift from them."""
import re

from flask import Flask
from pydantic import BaseModel

ERROR_SCHEMA = {
    "type": "object",
    "required": ["error", "message", "fields"],
    "properties": {
        "error": {"type": "string", "description": "A stable machine-readable code."},
        "message": {"type": "string", "description": "A sentence for the person."},
        "fields": {"type": "object", "additionalProperties": {"type": "string"},
                   "description": "Per-field messages, keyed by field name."},
    },
}

_CONVERTER = re.compile(r"<(?:[a-z_]+:)?([a-zA-Z_][a-zA-Z0-9_]*)>")


def openapi_path(rule: str) -> str:
    return _CONVERTER.sub(r"{\1}", rule)


def _schema_ref(model: type[BaseModel], components: dict) -> dict:
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    for name, sub in schema.pop("$defs", {}).items():
        components.setdefault(name, sub)
    components.setdefault(model.__name__, schema)
    return {"$ref": f"#/components/schemas/{model.__name__}"}


def _query_parameters(model: type[BaseModel]) -> list[dict]:
    schema = model.model_json_schema()
    required = set(schema.get("required", []))
    return [{"name": name, "in": "query", "required": name in required, "schema": prop}
            for name, prop in schema.get("properties", {}).items()]


def api_rules(app: Flask):
    """Every API rule with its view, skipping HEAD/OPTIONS that Flask adds itself."""
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/"):
            yield rule, app.view_functions[rule.endpoint]


def build_document(app: Flask) -> dict:
    components: dict = {"Error": ERROR_SCHEMA}
    paths: dict = {}
    for rule, view in sorted(api_rules(app), key=lambda item: item[0].rule):
        meta = getattr(view, "api_meta", None)
        if not meta or "summary" not in meta:
            raise RuntimeError(f"API route {rule.rule} has no documentation")
        path = paths.setdefault(openapi_path(rule.rule), {})
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            operation: dict = {
                "operationId": f"{rule.endpoint}.{method.lower()}",
                "summary": meta["summary"],
                "tags": [meta["tag"]],
                "parameters": [{"name": arg, "in": "path", "required": True,
                                "schema": {"type": "string"}} for arg in sorted(rule.arguments)],
                "responses": {
                    str(meta["status"]): {"description": "Success"},
                    "4XX": {"description": "Client error",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                },
            }
            if meta.get("description"):
                operation["description"] = meta["description"]
            if meta.get("response"):
                operation["responses"][str(meta["status"])]["content"] = {
                    "application/json": {"schema": _schema_ref(meta["response"], components)}}
            if meta.get("query"):
                operation["parameters"] += _query_parameters(meta["query"])
            if meta.get("body") and method in {"POST", "PUT", "PATCH", "DELETE"}:
                operation["requestBody"] = {"required": True, "content": {
                    "application/json": {"schema": _schema_ref(meta["body"], components)}}}
            operation["security"] = [{"session": []}] if meta.get("auth") else []
            path[method.lower()] = operation
    return {
        "openapi": "3.1.0",
        "info": {"title": "Steady API", "version": "1",
                 "description": "The JSON API behind the Steady app. State-changing requests "
                                "need the X-CSRF-Token header from GET /api/auth/csrf."},
        "paths": paths,
        "components": {
            "schemas": components,
            "securitySchemes": {"session": {"type": "apiKey", "in": "cookie", "name": "steady_session"}},
        },
    }
