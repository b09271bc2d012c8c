import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXERCISES, phaseAt, sessionLength, vibrationPattern } from '../../frontend/js/lib/breathing.js';

test('box breathing moves through its four phases of 4 seconds', () => {
  const box = EXERCISES.box;
  assert.deepEqual([0, 3999, 4000, 8000, 12000, 15999, 16000].map((t) => phaseAt(box, t).phase),
    ['in', 'in', 'hold', 'out', 'hold', 'hold', 'in']);
  assert.equal(phaseAt(box, 0).secondsLeftInPhase, 4);
  assert.equal(phaseAt(box, 3001).secondsLeftInPhase, 1);
  assert.equal(phaseAt(box, 16000).cycle, 1);
});

test('4-7-8 holds for 7 and breathes out for 8, four rounds', () => {
  const e = EXERCISES['4-7-8'];
  assert.equal(phaseAt(e, 4000).phase, 'hold');
  assert.equal(phaseAt(e, 10999).phase, 'hold');
  assert.equal(phaseAt(e, 11000).phase, 'out');
  assert.equal(phaseAt(e, 11000).secondsLeftInPhase, 8);
  assert.equal(sessionLength(e), 4 * 19 * 1000);
});

test('resonance is 5 in, 5 out, for 5 minutes', () => {
  const e = EXERCISES.resonance;
  assert.equal(phaseAt(e, 4999).phase, 'in');
  assert.equal(phaseAt(e, 5000).phase, 'out');
  assert.equal(sessionLength(e), 300000);
});

test('the cyclic sigh tops up before a long out-breath', () => {
  const e = EXERCISES.cyclic_sigh;
  assert.deepEqual([0, 2000, 3000, 8999, 9000].map((t) => phaseAt(e, t).phase), ['in', 'top-up', 'out', 'out', 'in']);
  assert.ok(phaseAt(e, 4500).progressInPhase > 0.2 && phaseAt(e, 4500).progressInPhase < 0.3);
});

test('vibration differs for in and out and is silent on holds', () => {
  assert.notDeepEqual(vibrationPattern('in'), vibrationPattern('out'));
  assert.deepEqual(vibrationPattern('hold'), []);
});
