import * as assert from 'node:assert/strict';
import {
  actionLists,
  actionsPerOwner,
  deadlinesByMonth,
  headlineFigures,
  ragByObjective,
  shortLabel,
  statusLine,
  targetChart,
  wrapLabel,
  barVisitOrder,
} from '../../client/preview/chartData';
import { dayNumber, ukDate, ukDateOfDay, ukMonth, withUnit } from '../../client/preview/format';
import { checkSample } from './fixtures';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('preview chart data', () => {
  const leicester = checkSample('leicester-2019-20.eqplan.yaml').summary;
  const luton = checkSample('luton-workforce-2024.eqplan.yaml').summary;

  it('writes dates the UK way', () => {
    assert.equal(ukDate('2022-11-30'), '30 Nov 2022');
    assert.equal(ukDate('2019-07-01'), '1 Jul 2019');
    assert.equal(ukDate('2022-11'), 'Nov 2022');
    assert.equal(ukMonth('2020-03'), 'Mar 2020');
    assert.equal(ukDate('ongoing'), 'ongoing');
    assert.equal(ukDateOfDay(dayNumber('2024-02-29')), '29 Feb 2024');
    assert.equal(withUnit(31.6, '%'), '31.6%');
    assert.equal(withUnit(120, '£'), '£120');
    assert.equal(withUnit(12, 'days'), '12 days');
  });

  it('counts RAG by objective, adding up to the plan’s totals', () => {
    const m = ragByObjective(leicester);
    // A printed chart says what each objective is: its id, then its title in at most two short lines.
    assert.deepEqual(m.labels[0], ['P1', 'Design, commission and', 'deliver services that…']);
    assert.deepEqual(m.labels.map((l) => (Array.isArray(l) ? l[0] : l)), ['P1', 'P2', 'P3', 'P4']);
    assert.ok(m.labels.every((l) => Array.isArray(l) && l.length <= 3 && l.every((line) => line.length <= 23)));
    const by = Object.fromEntries(m.series.map((s) => [s.key, sum(s.values)]));
    // Every Leicester action has a RAG, so there is no "No RAG given" series (or legend entry).
    assert.equal(leicester.totals.rag.none, 0);
    assert.deepEqual(by, { red: leicester.totals.rag.red, amber: leicester.totals.rag.amber, green: leicester.totals.rag.green });
    assert.equal(m.series.find((s) => s.key === 'red')?.values[2], 1, 'P3 has the red action');
    assert.equal(m.table.rows.length, 4);
    assert.match(m.table.rows[0][0], /^P1: Design, commission/);
    // A click on P3's red bar reveals P3's red action, which sits inside P3.
    const p3 = leicester.objectives[2];
    const src = m.series.find((s) => s.key === 'red')!.reveal[2]!;
    assert.ok(src.line > p3.source.line && src.line < p3.source.endLine);
  });

  it('keeps a "No RAG given" series when an action has no RAG, and ids only for many objectives', () => {
    const many = structuredClone(leicester);
    many.totals.rag.none = 1;
    many.objectives[0].rag.none = 1;
    many.objectives = Array.from({ length: 8 }, (_x, i) => ({ ...many.objectives[i % 4], id: `O${i + 1}` }));
    const m = ragByObjective(many);
    assert.deepEqual(m.series.map((s) => s.key), ['red', 'amber', 'green', 'none']);
    assert.deepEqual(m.labels, ['O1', 'O2', 'O3', 'O4', 'O5', 'O6', 'O7', 'O8']);
  });

  it('wraps a label into short lines at spaces', () => {
    assert.deepEqual(wrapLabel('Workforce', 22, 2), ['Workforce']);
    assert.deepEqual(wrapLabel('Understanding and working with your communities', 22, 2), ['Understanding and', 'working with your…']);
  });

  it('counts deadlines by quarter when a plan spans more than two years, and tables only dated months', () => {
    const m = deadlinesByMonth(luton);
    assert.ok(luton.deadlinesByMonth.length > 24, 'the Luton plan runs over more than two years of deadlines');
    assert.equal(m.title, 'Deadlines by quarter');
    assert.equal(m.categoryAxisTitle, 'Quarter the action is due');
    assert.equal(m.labels[0], 'Oct–Dec 2020');
    assert.ok(m.labels.length <= Math.ceil(luton.deadlinesByMonth.length / 3) + 1);
    const total = (xs: { overdue: number; upcoming: number; closed: number }[]) => sum(xs.map((b) => b.overdue + b.upcoming + b.closed));
    assert.equal(sum(m.series.flatMap((s) => s.values)), total(luton.deadlinesByMonth), 'no deadline is lost by grouping');
    assert.equal(sum(m.series.find((s) => s.key === 'overdue')!.values), luton.totals.overdue);
    assert.ok(m.table.rows.every((r) => r.slice(1).some((c) => c !== '0')), 'the table has no empty rows');
    assert.equal(m.table.rows.length, m.table.reveal?.length);
    // The overdue bar still reveals an overdue action of that quarter.
    const overdue = m.series.find((s) => s.key === 'overdue')!;
    overdue.values.forEach((v, i) => assert.equal(!!overdue.reveal[i], v > 0));
  });

  it('walks the bars with the keyboard category by category, skipping empty ones', () => {
    assert.deepEqual(barVisitOrder([[1, 0, 2], [0, 3, 1]], 3), [
      { datasetIndex: 0, index: 0 },
      { datasetIndex: 1, index: 1 },
      { datasetIndex: 0, index: 2 },
      { datasetIndex: 1, index: 2 },
    ]);
    assert.deepEqual(barVisitOrder([[0, 0]], 2), []);
  });

  it('buckets deadlines by month, overdue apart', () => {
    const m = deadlinesByMonth(leicester);
    assert.equal(m.labels[0], 'Jul 2019');
    const overdue = m.series.find((s) => s.key === 'overdue')!;
    assert.equal(sum(overdue.values), leicester.totals.overdue);
    overdue.values.forEach((v, i) => assert.equal(!!overdue.reveal[i], v > 0, `month ${m.labels[i]}: a bar with overdue actions reveals one`));
    assert.match(m.description, /3 actions overdue as at 30 Nov 2019/);
    assert.equal(m.valueAxisTitle, 'Number of actions');
    assert.equal(m.categoryAxisTitle, 'Month the action is due');
  });

  it('counts actions per owner', () => {
    const m = actionsPerOwner(leicester);
    assert.equal(m.horizontal, true);
    const total = sum(m.series.flatMap((s) => s.values));
    assert.equal(total, leicester.totals.actions);
    assert.ok(m.labels.every((l) => l.length <= 30), 'owner labels fit beside the bars');
    assert.ok(m.longLabels.some((l) => l.length > 30), 'the tooltip keeps the long names');
  });

  it('lists overdue and unowned actions', () => {
    const lists = actionLists(leicester);
    assert.deepEqual(lists.overdue.map((r) => r.id), leicester.overdue);
    assert.equal(lists.overdue[0].due, '31 Jul 2019');
    assert.match(lists.overdue[0].when, /^122 days overdue$/);
    assert.deepEqual(lists.unowned.map((r) => r.id), ['3b']);
    assert.equal(statusLine(leicester), '3 overdue, 1 unowned');
    assert.deepEqual(
      headlineFigures(leicester).map((f) => `${f.value} ${f.label}`),
      ['22 actions', '19 open', '3 done', '3 overdue', '1 due soon', '1 unowned'],
    );
  });

  it('draws a target against its trajectory, baseline and benchmark', () => {
    assert.ok(luton.targets.length > 0);
    for (const t of luton.targets) {
      const m = targetChart(t, luton.asOf);
      assert.equal(m.milestones.length, t.milestones.length + (t.baseline ? 1 : 0));
      assert.deepEqual(m.milestones.map((p) => p.x), [...m.milestones.map((p) => p.x)].sort((a, b) => a - b), 'the trajectory runs in date order');
      assert.equal(m.actuals.length, t.actuals.length);
      for (const p of [...m.milestones, ...m.actuals]) assert.ok(p.x >= m.xMin && p.x <= m.xMax);
      assert.equal(m.benchmark?.value, t.benchmark?.value);
      assert.ok(m.table.rows.length >= t.milestones.length + t.actuals.length);
      assert.equal(m.valueAxisTitle, t.unit === '%' ? 'Percentage (%)' : m.valueAxisTitle);
    }
  });

  it('shortens long labels at a word', () => {
    assert.equal(shortLabel('Equalities Team'), 'Equalities Team');
    assert.equal(shortLabel('Leicester, Leicestershire and Rutland cross-organisational steering group'), 'Leicester, Leicestershire and…');
  });
});
