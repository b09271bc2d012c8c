"""The red-flag rules over the shared case table (tests/js/triage.test.js runs the same table on
the app's engine), and the rule file's own checks."""
import copy
import json
from datetime import date
from pathlib import Path

import pytest

from backend.triage.engine import RULES_PATH, evaluate, load_rules, validate_rules

CASES = json.loads((Path(__file__).parent / "triage_cases.json").read_text())
RULES = load_rules()


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["name"])
def test_case(case):
    result = evaluate(RULES, case["answers"], case["entries"], date.fromisoformat(case["today"]))
    assert result["level"] == case["expect_level"]
    assert sorted(f["id"] for f in result["findings"]) == sorted(case["expect_findings"])
    top = [f["label"] for f in result["findings"] if f["level"] == result["level"]]
    assert result["reasons"] == top and (result["reasons"] or result["level"] == "self_care")


def test_the_table_covers_every_level_question_and_history_rule():
    assert len(CASES) >= 40
    assert {c["expect_level"] for c in CASES} == {"emergency", "urgent", "see_doctor", "self_care"}
    alone = {c["name"].removesuffix(" alone") for c in CASES if c["name"].endswith(" alone")}
    assert alone == {q["id"] for q in RULES["questions"]}
    history = {f["id"] for f in RULES["findings"] if "history" in f["when"]}
    assert history <= {f for c in CASES for f in c["expect_findings"]}
    assert {c["id"] for c in RULES["combinations"]} <= {f for c in CASES for f in c["expect_findings"]}


def test_every_finding_links_to_an_existing_article_section():
    from backend.articles.api import ARTICLES_DIR
    from backend.articles.content import load_library

    library = load_library(ARTICLES_DIR)
    for item in RULES["findings"] + RULES["combinations"]:
        slug, _, anchor = item["article"].removeprefix("/articles/").partition("#")
        assert anchor in {h["anchor"] for h in library.by_slug[slug].headings}, item["id"]


def test_wording_never_names_a_disease_as_the_cause():
    text = json.dumps(RULES).lower()
    for word in ["als", "motor neurone", "sclerosis", "stroke is likely", "you have a", "nothing to worry"]:
        assert f" {word} " not in text.replace('"', " "), word


@pytest.mark.parametrize("breakage, message", [
    (lambda r: r["levels"].pop("urgent"), "levels"),
    (lambda r: r["findings"][0].update(level="soon"), "unknown level"),
    (lambda r: r["findings"][0]["when"].update(answer="itchy_nose"), "unknown question"),
    (lambda r: r["findings"][-1]["when"].update(history="moon_phase"), "unknown condition"),
    (lambda r: r["findings"][0].update(article="https://example.org"), "article"),
    (lambda r: r["combinations"][0]["all_of"].append(["no_such_finding"]), "missing finding"),
    (lambda r: r["findings"].append(copy.deepcopy(r["findings"][0])), "duplicate"),
])
def test_validate_rules_names_the_problem(breakage, message):
    broken = json.loads(RULES_PATH.read_text())
    breakage(broken)
    with pytest.raises(ValueError, match=message):
        validate_rules(broken)
