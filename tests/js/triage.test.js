import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { evaluate } from '../../frontend/js/lib/triage.js';

const rules = JSON.parse(readFileSync(new URL('../../backend/triage/rules.json', import.meta.url), 'utf8'));
const cases = JSON.parse(readFileSync(new URL('../triage_cases.json', import.meta.url), 'utf8'));

for (const c of cases) {
  test(`triage: ${c.name}`, () => {
    const result = evaluate(rules, c.answers, c.entries, c.today);
    assert.equal(result.level, c.expect_level);
    assert.deepEqual(result.findings.map((f) => f.id).sort(), [...c.expect_findings].sort());
  });
}

test('the rule file has the four levels', () => {
  assert.deepEqual(Object.keys(rules.levels).sort(), ['emergency', 'see_doctor', 'self_care', 'urgent']);
});
