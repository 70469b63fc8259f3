/**
 * Hostile and odd plans (issue 11): inputs that crashed or misled the engine.
 * Each test failed before its fix.
 */
import assert from 'node:assert/strict';
import { checkPlan, hasPlanMarker as looksLikePlan, parsePlan, type Finding } from '../../server/src/core';
import { reparsePlan } from '../../server/src/core/reparse';
import { action, planWith } from './helpers';

const check = (text: string): Finding[] => checkPlan(text, { localToday: '2024-01-01' }).findings;

/** Every name an object inherits from `Object.prototype`, and a few spellings of them. */
const PROTOTYPE_NAMES = [...Object.getOwnPropertyNames(Object.prototype), 'Constructor', 'prototype', 'toJSON'];

describe('hostile plans', () => {
  describe('fields named like JavaScript object properties', () => {
    for (const name of PROTOTYPE_NAMES) {
      it(`\`${name}\` as a field is an unknown field, at the top, in an action, an owner and a target`, () => {
        const text = planWith(action({ [name]: 'red' }), {
          head: `${name}: x\nowners:\n  team: { name: Team, ${name}: y }`,
          targets: `- id: T1\n  title: Staff\n  direction: up\n  ${name}: z\n  milestones:\n    - { date: 2025-03-31, value: 5, ${name}: 1 }`,
        });
        const found = check(text);
        const unknown = found.filter((f) => f.rule === 'schema' && f.message.includes(`field \`${name}\` that eqplan does not know`));
        assert.equal(unknown.length, 5, JSON.stringify(found.map((f) => f.message), null, 1));
      });
    }
    for (const name of PROTOTYPE_NAMES) {
      it(`\`${name}\` as a value is read as plain text`, () => {
        const text = planWith(action({ rag: name, status: name, owner: name, due: name }) + `\n  characteristics: [${name}]`);
        const found = check(text);
        assert.ok(found.some((f) => f.message.includes(`not \`${name}\``)), JSON.stringify(found.map((f) => f.message), null, 1));
        for (const f of found) assert.doesNotMatch(f.message, /\[object|undefined|NaN|function|native code/);
      });
    }
  });

  describe('Unicode line and paragraph separators are characters of their line, not line breaks', () => {
    for (const sep of ['\u2028', '\u2029']) {
      const name = `U+${sep.charCodeAt(0).toString(16).toUpperCase()}`;
      it(`a plan marker after ${name} is not at the start of a line`, () => {
        assert.equal(looksLikePlan(`title: Plan${sep}eqplan: 1\n`), false);
        assert.equal(looksLikePlan(`eqplan: 1 # version${sep}one\n`), true);
      });
      it(`a value with \`: \` on a line holding ${name} gets the put-it-in-quotes message`, () => {
        const found = check(`eqplan: 1\ntitle: Equality plan: 2024${sep}update\n`);
        const f = found.find((x) => x.rule === 'yaml-syntax');
        assert.ok(f, JSON.stringify(found));
        assert.match(f.message, /contains `: `/);
      });
      it(`a suppression skips a comment line that holds ${name}`, () => {
        const text = planWith(action({ due: '2023-11-30', rag: 'amber' }).replace('  due:', `  # eqplan-disable-next-line overdue -- agreed at Cabinet\n  # see the minutes${sep}of 3 May\n  due:`));
        const found = check(text);
        assert.equal(found.filter((x) => x.rule === 'overdue').length, 0, JSON.stringify(found.map((x) => x.message)));
      });
    }
  });

  describe('a set of fields or a list where one value is expected', () => {
    const cases: [string, string, RegExp][] = [
      ['rag', '{name: red}', /Action 1a's `rag` must be red, amber or green, not a set of fields\.$/],
      ['status', '{a: 1}', /`status` must be .*, not a set of fields\.$/],
      ['rag', '[red]', /`rag` must be red, amber or green, not a list\.$/],
      ['status', '[1, 2]', /`status` must be .*, not a list\.$/],
    ];
    for (const [field, value, expected] of cases) {
      it(`\`${field}: ${value}\` says what was found`, () => {
        const found = check(planWith(action({ [field]: value })));
        const f = found.find((x) => x.rule === 'schema' && x.message.includes(`\`${field}\``));
        assert.ok(f, JSON.stringify(found.map((x) => x.message)));
        assert.match(f.message, expected);
        assert.deepEqual(f.fixes, [], 'no value to change it to');
      });
    }
    it('a direction and a characteristic that are sets of fields', () => {
      const text = planWith(action() + '\n  characteristics: [{x: race}, [age], race]', { targets: '- id: T1\n  title: Staff\n  direction: {up: 1}\n  milestones:\n    - { date: 2025-03-31, value: 5 }' });
      const messages = check(text).map((x) => x.message);
      assert.ok(messages.some((m) => /`direction` must be up or down, not a set of fields\.$/.test(m)), JSON.stringify(messages));
      assert.ok(messages.some((m) => /^A set of fields is not one of the protected characteristics/.test(m)), JSON.stringify(messages));
      assert.ok(messages.some((m) => /^A list is not one of the protected characteristics/.test(m)), JSON.stringify(messages));
      for (const m of messages) assert.doesNotMatch(m, /\[object|Did you mean `age`/);
    });
  });

  describe('a field that appears twice is marked on the whole repeated key', () => {
    const cases: [string, string][] = [
      ['after a value', 'eqplan: 1\ntitle: A\ntitle: B\n'],
      ['after an empty value', 'eqplan: 1\nasOf:\ntitle: A\ntitle: B\n'],
      ['after an empty value in an action', planWith(action({ due: '', owner: 'hr' }).replace('  owner: hr', '  owner: hr\n  due:\n  owner: hr'))],
      ['after an empty value, keys in quotes', 'eqplan: 1\ntitle: A\nasOf:\n"title": B\n'],
    ];
    for (const [name, lf] of cases) {
      for (const [eolName, eol] of [['LF', '\n'], ['CRLF', '\r\n']]) {
        it(`${name} (${eolName} line ends)`, () => {
          const text = lf.replace(/\n/g, eol);
          const f = check(text).find((x) => x.rule === 'yaml-syntax');
          assert.ok(f);
          assert.match(f.message, /appears twice/);
          const lines = text.split(/\r\n|\r|\n/);
          const line = lines[f.range.start.line];
          assert.equal(f.range.end.line, f.range.start.line, 'on one line');
          const marked = line.slice(f.range.start.character, f.range.end.character);
          assert.match(marked, /^("title"|title|owner)$/, `marked ${JSON.stringify(marked)} on line ${JSON.stringify(line)}`);
          // The repeated one: the last line with that key.
          const last = lines.map((l, i) => [l, i] as const).filter(([l]) => l.includes(`${marked}:`)).pop();
          assert.equal(f.range.start.line, last?.[1]);
        });
      }
    }
  });

  describe('nesting depth is measured, not found by a stack overflow', () => {
    /** Runs `fn` with `frames` calls already on the stack, as after many other plans in one run. */
    function withLessStack<T>(frames: number, fn: () => T): T {
      const down = (n: number): T => (n === 0 ? fn() : [down(n - 1)][0]);
      return down(frames);
    }
    const flow = (depth: number) => `eqplan: 1\nobjectives: []\nx-deep: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    const block = (depth: number) => `eqplan: 1\nobjectives: []\nx-deep:\n${Array.from({ length: depth }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')} 1\n`;
    const deep = (found: Finding[]) => found.filter((f) => /nested too deeply/.test(f.message));
    for (const [name, make] of [['brackets', flow], ['indentation', block]] as const) {
      it(`${name}: 100 levels (the plan and 99 below it) are read; 101 are too deep, with one finding where the 101st starts`, () => {
        assert.deepEqual(deep(check(make(99))), []);
        const found = deep(check(make(100)));
        assert.equal(found.length, 1);
        assert.equal(found[0].rule, 'yaml-syntax');
        assert.equal(found[0].range.start.line, name === 'brackets' ? 2 : 102);
      });
      it(`${name}: the same findings with a nearly full stack as with an empty one`, () => {
        for (const depth of [99, 100, 1500, 3000]) {
          const text = make(depth);
          const alone = JSON.stringify(check(text));
          let busy = '';
          let frames = 0;
          // As many frames as the stack takes while still leaving room for a check of a plain plan.
          for (frames = 1000; ; frames += 1000) {
            try {
              withLessStack(frames + 2000, () => 0);
            } catch {
              break;
            }
          }
          busy = withLessStack(Math.max(0, frames - 3000), () => JSON.stringify(check(text)));
          assert.equal(busy, alone, `depth ${depth}`);
        }
      });
    }
    it('an edit that nests a field of an action one level too deep reads as a full parse does', () => {
      // The plan, objectives, an objective, its actions and the action: 5 levels, then 95 lists: 100 in all.
      // Twenty other actions, so that the incremental parse re-reads only the edited field.
      const others = Array.from({ length: 20 }, (_, i) => action({ id: `2${String.fromCharCode(97 + i)}` })).join('\n');
      const at = (n: number) => planWith(`${action({ 'x-deep': `${'['.repeat(n)}${']'.repeat(n)}` })}\n${others}`);
      const spliced = reparsePlan(parsePlan(at(95)), at(96));
      const full = parsePlan(at(96));
      assert.equal(full.readable, false);
      assert.deepEqual(spliced.syntax, full.syntax);
      assert.equal(spliced.readable, false);
      assert.deepEqual(reparsePlan(parsePlan(at(94)), at(95)).syntax, []);
    });
  });

  it('a `{ }` used as a key gives findings and no console warning (found by the fuzzer)', async () => {
    const warnings: string[] = [];
    const listen = (w: Error) => warnings.push(w.message);
    process.on('warning', listen);
    try {
      const found = check('eqplan: 1\n? { measure: Forty staff trained }\n: x\nobjectives: []\n');
      assert.ok(found.length > 0);
      // Warnings are emitted on the next turn of the event loop.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listen);
    }
    assert.deepEqual(warnings, []);
  });

  it('a value that is a set of fields named toString or valueOf is named, not turned into text (found by the fuzzer)', () => {
    const plan = 'eqplan: 1\norganisation: A\ntitle: B\nobjectives:\n  - id: P1\n    title: T\n    actions:\n      - { id: 1a, action: Do, owner: x, due: { toString: x, valueOf: y }, rag: { toString: 1 }, measure: m }\n';
    const result = checkPlan(plan, { localToday: '2024-01-01' });
    const messages = result.findings.map((f) => f.message);
    // The summary the preview draws reads the same value.
    assert.match(JSON.stringify(result.summary), /"due":"a set of fields"/);
    assert.ok(messages.includes('`due` in action 1a should be text, not a set of fields.'), messages.join('\n'));
    assert.ok(messages.includes("Action 1a's `rag` must be red, amber or green, not a set of fields."), messages.join('\n'));
  });
});
