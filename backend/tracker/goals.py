"""Default goals and drink presets, each from published guidance, and their validation."""
from dataclasses import asdict, dataclass, fields

# Water from drinks: the US National Academies (2004) put adequate total water at 3.7 L (men) and
# 2.7 L (women) a day, about 81% of it from drinks: about 3.0 L and 2.2 L.
WATER_PRESETS_ML = {"men": 3000, "women": 2200}
# Quick amounts for the water buttons, per unit system (mL, or US fl oz).
QUICK_WATER = {"metric": [150, 250, 500], "us": [8, 16]}
# Caffeine per serving, Mayo Clinic caffeine chart.
DRINKS = [
    {"id": "espresso", "label": "Espresso", "serving": "1 oz shot", "mg": 63},
    {"id": "brewed_coffee", "label": "Brewed coffee", "serving": "8 oz cup", "mg": 96},
    {"id": "instant_coffee", "label": "Instant coffee", "serving": "8 oz cup", "mg": 62},
    {"id": "black_tea", "label": "Black tea", "serving": "8 oz cup", "mg": 48},
    {"id": "green_tea", "label": "Green tea", "serving": "8 oz cup", "mg": 29},
    {"id": "cola", "label": "Cola", "serving": "8 oz", "mg": 33},
    {"id": "energy_drink", "label": "Energy drink", "serving": "8 oz", "mg": 79},
    {"id": "energy_shot", "label": "Energy shot", "serving": "2 oz", "mg": 200},
]


@dataclass(frozen=True)
class Goals:
    water_ml: int = WATER_PRESETS_ML["women"]
    # Up to 400 mg a day is not generally linked with harm in healthy adults (US FDA).
    caffeine_limit_mg: int = 400
    # Adults: 7 or more hours (AASM/SRS 2015); 7-9 hours for 18-64 (National Sleep Foundation 2015).
    sleep_min_hours: float = 7.0
    sleep_max_hours: float = 9.0
    # Five minutes a day of breathwork (Balban et al. 2023).
    breathing_minutes: int = 5
    # Average caffeine half-life about 5 h, range 1.5-9.5 h (Institute of Medicine 2001).
    caffeine_half_life_h: float = 5.0
    bedtime: str = "22:30"
    # A round figure below the single 100 mg dose that EFSA (2015) says can disturb sleep.
    bedtime_caffeine_mg: int = 50
    # "Caffeine after a time" insight: the afternoon cut-off (Drake et al. 2013 advise none within 6 h of bed).
    caffeine_late_after: str = "14:00"

    LIMITS = {
        "water_ml": (500, 6000), "caffeine_limit_mg": (0, 1000), "sleep_min_hours": (3, 14),
        "sleep_max_hours": (3, 16), "breathing_minutes": (1, 120), "caffeine_half_life_h": (1.5, 9.5),
        "bedtime_caffeine_mg": (0, 400),
    }

    @classmethod
    def from_dict(cls, values: dict) -> "Goals":
        known = {f.name: f for f in fields(cls)}
        unknown = set(values) - set(known)
        if unknown:
            raise ValueError(f"Unknown goal(s): {', '.join(sorted(unknown))}.")
        clean = {}
        for name, value in values.items():
            default = getattr(cls, name)
            if isinstance(default, str):
                if not isinstance(value, str) or not _is_clock(value):
                    raise ValueError(f"{name} must be a time such as 22:30.")
                clean[name] = value
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ValueError(f"{name} must be a number.")
            low, high = cls.LIMITS[name]
            if not low <= value <= high:
                raise ValueError(f"{name} must be between {low} and {high}.")
            clean[name] = type(default)(value)
        goals = cls(**clean)
        if goals.sleep_min_hours > goals.sleep_max_hours:
            raise ValueError("sleep_min_hours must not be above sleep_max_hours.")
        return goals

    def to_dict(self) -> dict:
        return asdict(self)


def _is_clock(value: str) -> bool:
    parts = value.split(":")
    return (len(parts) == 2 and all(p.isdigit() and len(p) == 2 for p in parts)
            and int(parts[0]) < 24 and int(parts[1]) < 60)
