import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { README, withRules } from '../scripts/rules-doc';
import { RULES } from '../server/src/core';

describe('README', () => {
  const readme = readFileSync(README, 'utf8');
  it('documents every rule with its example message (run `npm run docs:rules` to update)', () => {
    assert.equal(readme, withRules(readme));
    for (const r of RULES) assert.ok(readme.includes(`<a id="rule-${r.id}"></a>`), r.id);
  });
  it('gives the two commands a newcomer runs', () => {
    assert.ok(readme.includes('npm ci && npx eqplan check samples'));
    assert.ok(readme.includes('npm test'));
  });
});
