import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safeNext, matchRoute } from '../../frontend/js/lib/router.js';
import { emergencyNumberFor, regionOf, unitsFor } from '../../frontend/js/lib/preferences.js';
import { escapeHtml, html } from '../../frontend/js/lib/dom.js';

test('safeNext keeps paths on this site only', () => {
  assert.equal(safeNext('/history?week=2#top'), '/history?week=2#top');
  for (const bad of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)',
    ' //evil.example', 'history', '', null, undefined, 42, '/\tevil']) {
    assert.equal(safeNext(bad), '/', String(bad));
  }
  assert.equal(safeNext('https://evil.example', '/settings'), '/settings');
});

test('matchRoute matches fixed and parameter segments', () => {
  const routes = [{ path: '/' }, { path: '/articles' }, { path: '/articles/:slug' }];
  assert.equal(matchRoute(routes, '/').route.path, '/');
  assert.equal(matchRoute(routes, '/articles/').route.path, '/articles');
  assert.deepEqual(matchRoute(routes, '/articles/faq').params, { slug: 'faq' });
  assert.equal(matchRoute(routes, '/articles/faq/more'), null);
  assert.equal(matchRoute(routes, '/nothing'), null);
});

test('emergency number and units follow the locale region', () => {
  assert.equal(regionOf('en-GB'), 'GB');
  assert.equal(regionOf('zh-Hant-TW'), 'TW');
  assert.equal(regionOf('fr'), '');
  assert.equal(emergencyNumberFor('en-GB'), '999');
  assert.equal(emergencyNumberFor('en-US'), '911');
  assert.equal(emergencyNumberFor('en-AU'), '000');
  assert.equal(emergencyNumberFor('de-DE'), '112');
  assert.equal(emergencyNumberFor('fr'), '112');
  assert.equal(unitsFor('en-US'), 'us');
  assert.equal(unitsFor('en-GB'), 'metric');
});

test('html escapes interpolated values', () => {
  assert.equal(escapeHtml('<a href="x">&\'</a>'), '&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
  const name = '<img src=x onerror=alert(1)>';
  assert.equal(html`<p>${name}</p>`.__html, '<p>&lt;img src=x onerror=alert(1)&gt;</p>');
  assert.equal(html`<ul>${['a', 'b'].map((x) => html`<li>${x}</li>`)}</ul>`.__html, '<ul><li>a</li><li>b</li></ul>');
});
