"""Export formats: a JSON document that can be imported again, and a flat CSV for spreadsheets."""
import csv
import io
import json

from ..timeutil import iso_utc, now_utc

CSV_COLUMNS = ["id", "kind", "day", "occurred_at", "updated_at", "deleted", "amount_ml", "mg", "drink",
               "bedtime", "wake_time", "quality", "exercise", "duration_s", "location", "location_detail",
               "intensity", "notes", "answers"]


def export_document(user, entries: list[dict], goals: dict) -> dict:
    return {"format": "steady-export", "version": 1, "exported_at": iso_utc(now_utc()),
            "profile": {"time_zone": user.time_zone, "units": user.units}, "goals": goals,
            "entries": entries}


def export_csv(entries: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for entry in entries:
        row = {key: entry[key] for key in ("id", "kind", "day", "occurred_at", "updated_at", "deleted")}
        data = dict(entry["data"])
        if "answers" in data:
            data["answers"] = json.dumps(data["answers"], sort_keys=True)
        row.update(data)
        writer.writerow(row)
    return out.getvalue()
