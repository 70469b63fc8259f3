/**
 * The pure importer (server/src/core/import): tables in, plan text and report
 * out, with no files. Each test builds the blocks a reader would give.
 */
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { fieldForHeader, importPlan, ragFromColour, ragFromText, readDeadline, type SourceBlock, type SourceCell, type SourceDocument } from '../../server/src/core/import';

const TODAY = '2023-01-31';

function cell(text: string, extra: Partial<SourceCell> = {}): SourceCell {
  return { lines: text === '' ? [] : text.split('\n'), ...extra };
}

function table(rows: (string | SourceCell)[][], label = 'table 1'): SourceBlock {
  return { kind: 'table', label, rows: rows.map((r) => ({ cells: r.map((c) => (typeof c === 'string' ? cell(c) : c)) })) };
}

function doc(blocks: SourceBlock[]): SourceDocument {
  return { fileName: 'plan.docx', format: 'docx', blocks };
}

interface PlanShape {
  organisation: string;
  title: string;
  owners?: Record<string, { name: string }>;
  objectives: { id: string; title: string; lead?: string; aspirations?: string[]; actions: Record<string, unknown>[] }[];
}

function imported(blocks: SourceBlock[]): { plan: PlanShape; text: string; outcome: ReturnType<typeof importPlan> } {
  const outcome = importPlan(doc(blocks), { today: TODAY });
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.reason);
  return { plan: parse(outcome.text) as PlanShape, text: outcome.text, outcome };
}

const HEADER = ['Ref', 'Action', 'By when', 'Responsible officer', 'RAG'];

describe('eqplan import: headers', () => {
  it('reads headers whatever their case and punctuation', () => {
    assert.equal(fieldForHeader('HOW WILL WE MEASURE SUCCESS'), 'measure');
    assert.equal(fieldForHeader('  how will we measure success?  '), 'measure');
    assert.equal(fieldForHeader('What are the gaps / what needs to be done?'), 'action');
    assert.equal(fieldForHeader('No.'), 'id');
    assert.equal(fieldForHeader('#'), 'id');
    assert.equal(fieldForHeader('By whom'), 'owner');
    assert.equal(fieldForHeader('Timescale'), 'due');
    assert.equal(fieldForHeader('Colour of the sky'), undefined);
  });

  it('keeps an unknown column as an x- field and reads a repeated header row once', () => {
    const { plan, outcome } = imported([
      { kind: 'heading', text: 'Test Borough Council Equality Plan', level: 0 },
      table([
        [...HEADER, 'Equality strand'],
        ['1', 'Train managers', 'Nov 22', 'Head of HR', 'G', 'Race'],
        [...HEADER, 'Equality strand'],
        ['2', 'Publish the pay gap', '2023-03-31', 'Head of HR', 'Red', ''],
      ]),
    ]);
    const actions = plan.objectives[0].actions;
    assert.deepEqual(actions.map((a) => a.id), ['1', '2']);
    assert.equal(actions[0]['x-equality-strand'], 'Race');
    assert.ok(outcome.ok && outcome.report.notes.some((n) => /repeated once/.test(n.why)));
    assert.equal(plan.organisation, 'Test Borough Council');
  });
});

describe('eqplan import: values', () => {
  it('turns council deadlines into the format and keeps the words in a comment', () => {
    const { plan, text, outcome } = imported([table([HEADER, ['1', 'Do it', '31.3.23', 'Head of HR', 'A'], ['2', 'Do more', '2023/24', 'Head of HR', 'A'], ['3', 'Keep doing it', 'Bi-annual', 'Head of HR', 'A'], ['4', 'Think', 'Under development', 'Head of HR', 'A']])]);
    assert.deepEqual(plan.objectives[0].actions.map((a) => a.due), ['2023-03-31', '2024-03', 'ongoing', 'tbc']);
    assert.match(text, /due: 2023-03-31 {2}# "31\.3\.23" in the table/);
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.report.normalised.filter((n) => n.field === 'due').map((n) => `${n.from}->${n.to}`), ['31.3.23->2023-03-31', '2023/24->2024-03', 'Bi-annual->ongoing', 'Under development->tbc']);
  });

  it('keeps a deadline it cannot read as x-due-as-written, so missing-deadline flags it', () => {
    const { plan } = imported([table([HEADER, ['1', 'Do it', 'When funding allows', 'Head of HR', 'G']])]);
    assert.equal(plan.objectives[0].actions[0].due, undefined);
    assert.equal(plan.objectives[0].actions[0]['x-due-as-written'], 'When funding allows');
  });

  it('reads RAG from text, from a colour-only cell, and "Complete" as done', () => {
    assert.deepEqual(ragFromText('A/G'), { rag: 'amber', note: 'two ratings; the more cautious one, amber, is kept' });
    assert.equal(ragFromText('Completed')?.done, true);
    assert.equal(ragFromColour('FFC000'), 'amber');
    assert.equal(ragFromColour('92D050'), 'green');
    assert.equal(ragFromColour('C00000'), 'red');
    assert.equal(ragFromColour('D9D9D9'), undefined, 'grey header shading is not a rating');
    const { plan, text } = imported([
      table([HEADER, ['1', 'Do it', '2023-12', 'Head of HR', cell('', { fill: 'FF0000' })], ['2', 'Done it', '2022-12', 'Head of HR', 'Complete'], ['3', 'Unrated', '2023-12', 'Head of HR', cell('', { fill: 'FFFFFF' })]]),
    ]);
    const [a, b, c] = plan.objectives[0].actions;
    assert.equal(a.rag, 'red');
    assert.match(text, /rag: red {2}# from the cell's colour #FF0000/);
    assert.equal(b.status, 'done');
    assert.equal(b.rag, undefined);
    assert.equal(c.rag, undefined, 'a white cell with no text is left empty for missing-rag');
  });

  it('builds an owners registry, keeps placeholders as written, and gives every action an owner id', () => {
    const { plan } = imported([table([[...HEADER, 'Supporting services'], ['1', 'A', '2023', 'Head of HR', 'G', 'Finance, Legal'], ['2', 'B', '2023', 'head of HR', 'G', ''], ['3', 'C', '2023', 'All', 'G', 'TBC']])]);
    assert.deepEqual(Object.keys(plan.owners ?? {}), ['head-of-hr', 'finance', 'legal']);
    assert.deepEqual(plan.objectives[0].actions.map((a) => a.owner), ['head-of-hr', 'head-of-hr', 'All']);
    assert.deepEqual(plan.objectives[0].actions[2].support, ['TBC']);
  });
});

describe('eqplan import: rows and objectives', () => {
  it('takes objectives from headings, with the lead officer line and the aspirations', () => {
    const { plan } = imported([
      { kind: 'heading', text: 'Equality Improvement Plan', level: 0 },
      { kind: 'heading', text: 'Objective 2: Leadership', level: 1 },
      { kind: 'paragraph', text: 'Lead officer for the section: Chief Executive', bullet: false },
      { kind: 'paragraph', text: 'Our aspirations', bullet: false },
      { kind: 'paragraph', text: 'Leaders model inclusion', bullet: true },
      table([['Action', 'Lead'], ['Train councillors', 'Democratic Services']]),
    ]);
    const o = plan.objectives[0];
    assert.deepEqual([o.id, o.title, o.lead, o.aspirations], ['O2', 'Leadership', 'chief-executive', ['Leaders model inclusion']]);
    assert.equal(o.actions[0].id, 'O2.1', 'no Ref column: <objective>.<n>');
  });

  it('reports a row with no action, date, owner or RAG, and imports one that has an owner with a note', () => {
    const { plan, outcome } = imported([table([HEADER, ['1', 'Real action', '2023', 'HR', 'G'], ['', '', '', '', ''], ['2', '', '', 'HR', ''], ['3', '', '', '', '']])]);
    assert.deepEqual(plan.objectives[0].actions.map((a) => `${String(a.id)}:${String(a.action)}`), ['1:Real action', '2:TBC']);
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.report.skipped.map((s) => s.where), ['table 1, row 5']);
    assert.ok(outcome.report.notes.some((n) => n.where === 'table 1, row 4' && /TBC/.test(n.why)));
  });

  it('takes objectives from a column when asked', () => {
    const outcome = importPlan(doc([table([['Theme', 'Action', 'Lead'], ['Workforce', 'A', 'HR'], ['Services', 'B', 'HR'], ['Workforce', 'C', 'HR']])]), { today: TODAY, objectivesFrom: { kind: 'column', header: 'theme' } });
    assert.ok(outcome.ok);
    const plan = parse(outcome.text) as PlanShape;
    assert.deepEqual(plan.objectives.map((o) => `${o.title}:${o.actions.length}`), ['Workforce:2', 'Services:1']);
  });

  it('gives nothing to write, and says why, when no column is the action', () => {
    const outcome = importPlan(doc([table([['Name', 'Colour'], ['a', 'b']])]), { today: TODAY });
    assert.equal(outcome.ok, false);
    assert.match(outcome.ok ? '' : outcome.reason, /no row of plan\.docx could be read as an action/);
  });

  it('a cell merged down gives its value to every row it spans', () => {
    const { plan } = imported([table([HEADER, ['1', 'A', '2023', 'Head of HR', 'G'], ['2', 'B', '2023', cell('Head of HR', { merged: 'down' }), 'G']])]);
    assert.deepEqual(plan.objectives[0].actions.map((a) => a.owner), ['head-of-hr', 'head-of-hr']);
  });
});

describe('eqplan import: deadline phrases', () => {
  it('leaves canonical forms as they are', () => {
    for (const d of ['2023-03-31', '2023-03', '2023-Q2', '2023', 'ongoing', 'tbc']) assert.deepEqual(readDeadline(d), { due: d, canonical: true });
  });
});
