/** Summaries and the preview bundle for the report tests. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { findingRows, reportHtml, type ReportInput } from '../../client/preview/page';
import { checkPlan, type CheckResult } from '../../server/src/core';

export const REPO = path.resolve(__dirname, '..', '..');

export function checkSample(name: string): CheckResult & { summary: NonNullable<CheckResult['summary']> } {
  const result = checkPlan(readFileSync(path.join(REPO, 'samples', name), 'utf8'), {});
  if (!result.summary) throw new Error(`${name} has no summary`);
  return result as CheckResult & { summary: NonNullable<CheckResult['summary']> };
}

/** A plan whose text tries to inject markup and script everywhere plan text is shown. */
export const HOSTILE_PLAN = `eqplan: 1
organisation: "Evil <b>Council</b>"
title: "<img src=x onerror=alert(1)>"
asOf: 2024-06-30
owners:
  x: { name: "\\"><svg onload=alert(3)>" }
objectives:
  - id: "O1<script>alert(4)</script>"
    title: "</script><script>alert(2)</script>"
    actions:
      - id: A1
        action: "<img src=x onerror=alert(5)> & more"
        owner: x
        due: 2024-01-31
        rag: green
        measure: "<iframe src=https://example.org>"
      - id: A2
        action: Second action
        owner: tbc
        due: 2024-12
        rag: amber
        measure: Something
targets:
  - id: t1
    title: "<style>body{display:none}</style>Target"
    unit: "%"
    direction: up
    milestones:
      - { date: 2024-03-31, value: 10 }
    actuals:
      - { date: 2024-04-30, value: 8 }
`;

export function hostileResult(): CheckResult & { summary: NonNullable<CheckResult['summary']> } {
  const result = checkPlan(HOSTILE_PLAN, {});
  if (!result.summary) throw new Error('the hostile plan has no summary');
  return result as CheckResult & { summary: NonNullable<CheckResult['summary']> };
}

let previewScript: string | undefined;

/** The preview bundle, built fresh from client/preview (what dist/webview/preview.js holds after `npm run build`). */
export function previewBundle(): string {
  if (previewScript) return previewScript;
  const out = buildSync({
    entryPoints: [path.join(REPO, 'client', 'preview', 'main.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  previewScript = out.outputFiles[0].text;
  return previewScript;
}

/** Reads the page state back out of a report's `data-state` attribute. */
export function stateOf(html: string): unknown {
  const m = /data-state="([^"]*)"/.exec(html);
  if (!m) throw new Error('no data-state attribute');
  const text = m[1].replace(/&(amp|lt|gt|quot|#39);/g, (_all, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] as string);
  return JSON.parse(text);
}

/** A check result's report page, as `eqplan report` and Export Report make it (the date and nonce fixed unless given). */
export function reportOf(
  result: CheckResult & { summary: NonNullable<CheckResult['summary']> },
  extra: Partial<Omit<ReportInput, 'summary' | 'findings'>> & { script?: string; nonce?: string } = {},
): string {
  const { script = '', nonce = 'TESTNONCE', ...input } = extra;
  return reportHtml({ summary: result.summary, findings: findingRows(result.findings), generated: '2024-07-01', ...input }, { nonce, script });
}
