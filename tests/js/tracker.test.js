import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { computeInsights } from '../../frontend/js/lib/insights.js';
import { caffeineAt, daySummary, latestDoseTime, localClock } from '../../frontend/js/lib/tracker.js';

const cases = JSON.parse(readFileSync(new URL('../tracker_cases.json', import.meta.url), 'utf8'));
const ms = (iso) => (iso ? Date.parse(iso) : null);

for (const c of cases) {
  test(c.name, () => {
    if (c.type === 'caffeine_at') {
      const got = caffeineAt(c.doses.map(([at, mg]) => [ms(at), mg]), ms(c.at), c.half_life_h);
      assert.ok(Math.abs(got - c.expect) < 0.01, `${got} != ${c.expect}`);
    } else if (c.type === 'latest_dose') {
      const got = latestDoseTime(c.doses.map(([at, mg]) => [ms(at), mg]), ms(c.bedtime), c.dose_mg, c.threshold_mg, c.half_life_h, ms(c.now));
      if (c.expect === null) assert.equal(got, null);
      else assert.ok(Math.abs(got - ms(c.expect)) < 60000);
    } else if (c.type === 'local_clock') {
      assert.equal(new Date(localClock(c.day, c.clock, c.zone)).toISOString(), new Date(c.expect).toISOString());
    } else if (c.type === 'day_summary') {
      const got = daySummary(c.entries, c.day, c.goals, new Date(c.now), c.zone);
      for (const [key, value] of Object.entries(c.expect)) assert.deepEqual(got[key], value, key);
    } else if (c.type === 'insights') {
      const got = computeInsights(c.entries, c.start, c.end, c.goals);
      const byFactor = Object.fromEntries(got.factors.map((f) => [f.factor, f]));
      for (const [factor, expected] of Object.entries(c.expect)) {
        for (const [key, value] of Object.entries(expected)) assert.equal(byFactor[factor][key], value, `${factor}.${key}`);
      }
    } else {
      assert.fail(`unknown case type ${c.type}`);
    }
  });
}
