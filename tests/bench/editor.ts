/**
 * Editor benchmark: typing into a 10,000-line plan, one character at a time,
 * as the language server sees it. After each keystroke it asks for completion
 * at the cursor and a hover just before it, through the document store and
 * the features (no JSON-RPC), and prints the time each took, with how many
 * whole-text parses, splices and checks the typing cost. Asserts nothing.
 *   npm run bench:editor
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { completion } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import { PlanStore } from '../../server/src/lsp/store';
import { generatePlan } from './generate';

const base = generatePlan(10, 84);
const options = { localToday: '2024-01-15' };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Types `typed` just after `anchor` (or, with `before`, just before it). */
function typing(name: string, anchor: string, typed: string, before = false): void {
  const store = new PlanStore();
  let doc = TextDocument.create('file:///big.eqplan.yaml', 'yaml', 1, base);
  void store.snapshot(doc, options)?.result; // opened and checked, as the server does on open
  const parsesBefore = store.parsesRun;
  let at = base.indexOf(anchor) + (before ? 0 : anchor.length);
  const completionTimes: number[] = [];
  const hoverTimes: number[] = [];
  for (const ch of typed) {
    const pos = doc.positionAt(at);
    doc = TextDocument.update(doc, [{ range: { start: pos, end: pos }, text: ch }], doc.version + 1);
    at += ch.length;
    let t = process.hrtime.bigint();
    completion(store.typingSnapshot(doc, options)!, doc.positionAt(at));
    completionTimes.push(ms(t));
    t = process.hrtime.bigint();
    store.answerQuickly(doc, options, doc.positionAt(at - 1), hover); // as the server answers a hover
    hoverTimes.push(ms(t));
  }
  console.log(
    name.padEnd(34),
    String(typed.length).padStart(5),
    median(completionTimes).toFixed(1).padStart(9),
    Math.max(...completionTimes).toFixed(1).padStart(8),
    median(hoverTimes).toFixed(1).padStart(9),
    Math.max(...hoverTimes).toFixed(1).padStart(8),
    String(store.parsesRun - parsesBefore).padStart(7),
    String(store.splicesRun).padStart(8),
    String(store.checksRun - 1).padStart(7),
  );
}

const full = process.hrtime.bigint();
new PlanStore().parsed(TextDocument.create('file:///x.eqplan.yaml', 'yaml', 1, base));
console.log(`plan: ${base.split('\n').length} lines, ${base.length} bytes; one whole-text parse takes ${ms(full).toFixed(0)} ms`);
console.log('');
console.log('typing'.padEnd(34), 'keys'.padStart(5), 'compl. ms'.padStart(9), 'max'.padStart(8), 'hover ms'.padStart(9), 'max'.padStart(8), 'parses'.padStart(7), 'splices'.padStart(8), 'checks'.padStart(7));
typing('inside an action', 'workshop series 500 ', 'more words');
typing('an objective title', 'Objective number 5 ', 'more words');
typing('the plan title', 'title: Equality Action Plan', ' more');
typing('an owner name', 'Human Resources', ' dept');
typing('a target title', 'title: Workforce from ethnic', ' more');
typing('a comment line at the top', 'eqplan: 1', '\n# comment');
typing('a new field in an action', 'characteristics: [race, disability]\n', '        support: [hr]\n');
typing('a line after an objective', '\n  - id: P4\n', '\n      - id: new', true);
typing('a new action', '        updates:\n          - { date: 2023-01-01, rag: amber, note: Planning under way }\n', '      - id: new\n        action: x\n');
console.log('');
console.log('goal (issue #3): completion and hover answer at once while typing; typing causes no checks before the pause.');
console.log('parses = whole-text parses while typing; splices = keystrokes parsed incrementally; checks = checks run while typing.');
