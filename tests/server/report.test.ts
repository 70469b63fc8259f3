/**
 * `eqplan/report` (server/src/features/report.ts): the report data comes from
 * the same check as the document's diagnostics, so Export Report lists
 * exactly what the Problems panel shows.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { contextForText } from '../../server/src/features/context';
import { diagnostics, ruleDocsLink } from '../../server/src/features/diagnostics';
import { planReport } from '../../server/src/features/report';
import { planSummary } from '../../server/src/features/summary';

const docs = ruleDocsLink('https://example.org/README.md');
const sample = (name: string) => readFileSync(path.join(__dirname, '..', '..', 'samples', name), 'utf8');

describe('eqplan/report', () => {
  it('lists the same findings as the diagnostics, with the summary the preview draws', () => {
    const ctx = contextForText(sample('luton-workforce-2024.eqplan.yaml'), { localToday: '2024-01-31' });
    const report = planReport(ctx);
    const diags = diagnostics(ctx, docs);
    assert.ok(diags.length > 0, 'the sample has findings to report');
    assert.deepEqual(
      report.findings,
      diags.map((d) => ({ rule: d.code, severity: ['error', 'warning', 'information', 'hint'][(d.severity ?? 1) - 1], message: d.message, line: d.range.start.line, character: d.range.start.character })),
    );
    assert.deepEqual(report.summary, planSummary(ctx));
  });

  it('has no summary for a file that does not read as a plan, and says why in its findings', () => {
    const ctx = contextForText('eqplan: 1\norganisation: [unclosed\n');
    const report = planReport(ctx);
    assert.equal(report.summary, null);
    assert.ok(report.findings.some((f) => f.rule === 'yaml-syntax' && f.severity === 'error'), JSON.stringify(report.findings));
  });
});
