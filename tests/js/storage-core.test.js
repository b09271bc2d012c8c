import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../frontend/js/lib/storage-core.js';

const { backoffDelay, classify, newer, dayOf } = globalThis.SteadyCore;

test('answers are classified for the outbox', () => {
  assert.equal(classify(0), 'retry');
  assert.equal(classify(200), 'done');
  assert.equal(classify(201), 'done');
  assert.equal(classify(500), 'retry');
  assert.equal(classify(503), 'retry');
  assert.equal(classify(429), 'retry');
  assert.equal(classify(408), 'retry');
  assert.equal(classify(401), 'auth');
  assert.equal(classify(400), 'rejected');
  assert.equal(classify(404), 'rejected');
  assert.equal(classify(409), 'rejected');
});

test('backoff doubles with jitter and is capped at five minutes', () => {
  const mid = () => 0.5;
  assert.equal(backoffDelay(1, mid), 2000);
  assert.equal(backoffDelay(2, mid), 4000);
  assert.equal(backoffDelay(3, mid), 8000);
  assert.equal(backoffDelay(30, mid), 300000);
  assert.equal(backoffDelay(1, () => 0), 1500);
  assert.equal(backoffDelay(1, () => 1), 2500);
});

test('last write wins compares instants, not strings', () => {
  const a = { updated_at: '2026-11-24T10:00:00.000Z' };
  const b = { updated_at: '2026-11-24T11:00:00+02:00' }; // 09:00Z
  assert.equal(newer(a, b), true);
  assert.equal(newer(b, a), false);
  assert.equal(newer(a, a), false);
  assert.equal(newer(a, undefined), true);
});

test('an entry keeps the local day of its own offset', () => {
  assert.equal(dayOf({ occurred_at: '2026-11-24T23:30:00-08:00' }), '2026-11-24');
  assert.equal(dayOf({ occurred_at: '2026-11-25T00:10:00+13:00' }), '2026-11-25');
});
