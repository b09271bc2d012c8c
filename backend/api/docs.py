"""Serves the OpenAPI document describing every route under /api/."""
from flask import Blueprint, current_app

from .openapi import build_document
from .validation import documented

bp = Blueprint("api_docs", __name__, url_prefix="/api")


@bp.get("/openapi.json")
@documented("This OpenAPI document", tag="meta", auth=False)
def openapi_document():
    return build_document(current_app)


@bp.get("/health")
@documented("Liveness check for load balancers and monitoring", tag="meta", auth=False)
def health():
    return {"status": "ok"}
