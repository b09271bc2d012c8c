"""The shared search cases (tests/js/search.test.js runs the same file on the app's search)."""
import json
from pathlib import Path

import pytest

from backend.articles.search import search

DATA = json.loads((Path(__file__).parent / "search_cases.json").read_text())


@pytest.mark.parametrize("case", DATA["cases"], ids=lambda c: repr(c["query"]))
def test_search_case(case):
    results = search(DATA["index"], case["query"])
    assert [[r["slug"], r["anchor"]] for r in results] == case["expect"]


def test_the_cases_cover_hits_and_misses():
    assert sum(1 for c in DATA["cases"] if c["expect"]) >= 10
    assert sum(1 for c in DATA["cases"] if not c["expect"]) >= 3
