import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { search, stem } from '../../frontend/js/lib/search.js';

const data = JSON.parse(readFileSync(new URL('../search_cases.json', import.meta.url), 'utf8'));

for (const c of data.cases) {
  test(`search ${JSON.stringify(c.query)} gives the same results as the server`, () => {
    assert.deepEqual(search(data.index, c.query).map((r) => [r.slug, r.anchor]), c.expect);
  });
}

test('stemming joins word forms', () => {
  assert.equal(stem('twitches'), stem('twitching'));
  assert.equal(stem('studies'), 'study');
  assert.equal(stem('glass'), 'glass');
});
