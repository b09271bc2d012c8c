// Default goals and drink presets (the same figures and sources as backend/tracker/goals.py).

// Water from drinks (US National Academies 2004): about 3.0 L for men, 2.2 L for women.
export const WATER_PRESETS_ML = { men: 3000, women: 2200 };
export const QUICK_WATER = { metric: [150, 250, 500], us: [8, 16] };
// Caffeine per serving, Mayo Clinic caffeine chart.
export const DRINKS = [
  { id: 'espresso', label: 'Espresso', serving: '1 oz shot', mg: 63 },
  { id: 'brewed_coffee', label: 'Brewed coffee', serving: '8 oz cup', mg: 96 },
  { id: 'instant_coffee', label: 'Instant coffee', serving: '8 oz cup', mg: 62 },
  { id: 'black_tea', label: 'Black tea', serving: '8 oz cup', mg: 48 },
  { id: 'green_tea', label: 'Green tea', serving: '8 oz cup', mg: 29 },
  { id: 'cola', label: 'Cola', serving: '8 oz', mg: 33 },
  { id: 'energy_drink', label: 'Energy drink', serving: '8 oz', mg: 79 },
  { id: 'energy_shot', label: 'Energy shot', serving: '2 oz', mg: 200 },
];

export function defaultGoals() {
  return {
    water_ml: WATER_PRESETS_ML.women,
    caffeine_limit_mg: 400, // US FDA
    sleep_min_hours: 7.0, // AASM/SRS 2015; NSF 2015 (7-9 h for adults 18-64)
    sleep_max_hours: 9.0,
    breathing_minutes: 5, // Balban et al. 2023
    caffeine_half_life_h: 5.0, // Institute of Medicine 2001 (1.5-9.5 h)
    bedtime: '22:30',
    bedtime_caffeine_mg: 50, // below the 100 mg single dose EFSA (2015) links with poorer sleep
    caffeine_late_after: '14:00',
  };
}
