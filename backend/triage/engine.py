"""The red-flag rules engine. The rules are data (rules.json); this module only evaluates them.
frontend/js/lib/triage.js is the same engine for the app (offline too), and tests/triage_cases.json
runs against both so they can never disagree. No Flask here."""
import json
import re
from datetime import date, timedelta
from pathlib import Path

RULES_PATH = Path(__file__).with_name("rules.json")
HISTORY_RULES = {"twitch_day_span", "distinct_locations", "rising_intensity", "answer_logged"}
ARTICLE = re.compile(r"^/articles/[a-z0-9-]+(#[a-z0-9-]+)?$")


def load_rules(path: Path | None = None) -> dict:
    rules = json.loads((path or RULES_PATH).read_text())
    validate_rules(rules)
    return rules


def validate_rules(rules: dict) -> None:
    """Raises ValueError naming the first problem in a rule file."""
    levels = rules.get("levels") or {}
    if set(levels) != {"emergency", "urgent", "see_doctor", "self_care"}:
        raise ValueError("levels must be emergency, urgent, see_doctor and self_care")
    questions = {q["id"] for q in rules.get("questions", [])}
    ids = set()
    for finding in rules.get("findings", []):
        where = f"finding {finding.get('id')!r}"
        if finding.get("level") not in levels:
            raise ValueError(f"{where}: unknown level {finding.get('level')!r}")
        if not ARTICLE.match(finding.get("article", "")):
            raise ValueError(f"{where}: article must look like /articles/slug#anchor")
        when = finding.get("when") or {}
        if "answer" in when and "history" not in when:
            if when["answer"] not in questions:
                raise ValueError(f"{where}: unknown question {when['answer']!r}")
        elif when.get("history") not in HISTORY_RULES:
            raise ValueError(f"{where}: unknown condition {when!r}")
        elif when["history"] == "answer_logged" and when.get("answer") not in questions:
            raise ValueError(f"{where}: unknown question {when.get('answer')!r}")
        if finding["id"] in ids:
            raise ValueError(f"{where}: duplicate id")
        ids.add(finding["id"])
    for combo in rules.get("combinations", []):
        where = f"combination {combo.get('id')!r}"
        if combo.get("level") not in levels:
            raise ValueError(f"{where}: unknown level {combo.get('level')!r}")
        if not ARTICLE.match(combo.get("article", "")):
            raise ValueError(f"{where}: article must look like /articles/slug#anchor")
        for group in combo.get("all_of", []):
            missing = [name for name in group if name not in ids]
            if missing or not group:
                raise ValueError(f"{where}: names missing finding(s) {missing}")


def _twitches(entries: list[dict], today: date, lookback_days: int) -> list[tuple[date, dict]]:
    """Live twitch entries whose local day is within the last `lookback_days` days (today included)."""
    first = today - timedelta(days=lookback_days - 1)
    found = []
    for entry in entries:
        if entry.get("kind") != "twitch" or entry.get("deleted"):
            continue
        day = date.fromisoformat(entry["occurred_at"][:10])
        if first <= day <= today:
            found.append((day, entry))
    return found


def _mean(values):
    return sum(values) / len(values)


def _history_holds(when: dict, entries: list[dict], today: date) -> bool:
    rule = when["history"]
    if rule == "twitch_day_span":
        days = sorted({day for day, _ in _twitches(entries, today, when["lookback_days"])})
        return len(days) >= when["min_days"] and (days[-1] - days[0]).days + 1 >= when["min_span_days"]
    if rule == "distinct_locations":
        places = {e["data"]["location"] for _, e in _twitches(entries, today, when["lookback_days"])}
        return len(places) >= when["min_places"]
    if rule == "rising_intensity":
        recent_start = today - timedelta(days=when["recent_days"] - 1)
        window = _twitches(entries, today, when["recent_days"] + when["earlier_days"])
        recent = [e["data"]["intensity"] for day, e in window if day >= recent_start]
        earlier = [e["data"]["intensity"] for day, e in window if day < recent_start]
        if len(recent) < when["min_entries"] or len(earlier) < when["min_entries"]:
            return False
        return _mean(recent) - _mean(earlier) >= when["min_rise"]
    if rule == "answer_logged":
        return any((e["data"].get("answers") or {}).get(when["answer"]) is True
                   for _, e in _twitches(entries, today, when["lookback_days"]))
    raise ValueError(f"unknown history rule {rule!r}")


def _finding(item: dict, source: str) -> dict:
    return {"id": item["id"], "level": item["level"], "label": item["label"], "article": item["article"],
            "why": item.get("why", ""), "source": source}


def evaluate(rules: dict, answers: dict, entries: list[dict], today: date) -> dict:
    """The advice level for these answers and this log, with every finding that led to it."""
    rank = {name: level["rank"] for name, level in rules["levels"].items()}
    found = []
    for item in rules["findings"]:
        when = item["when"]
        if "history" in when:
            if _history_holds(when, entries, today):
                found.append(_finding(item, "history"))
        elif answers.get(when["answer"]) is True:
            found.append(_finding(item, "answer"))
    present = {f["id"] for f in found}
    for combo in rules["combinations"]:
        if all(any(name in present for name in group) for group in combo["all_of"]):
            found.append(_finding(combo, "combination"))
    found.sort(key=lambda f: (rank[f["level"]], f["id"]))
    level = found[0]["level"] if found else "self_care"
    return {"level": level, "findings": found,
            "reasons": [f["label"] for f in found if f["level"] == level],
            "rules_version": rules["version"]}
