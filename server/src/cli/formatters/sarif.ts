/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`).
 * Every rule is listed in `tool.driver.rules`; results point at files relative
 * to `%SRCROOT%` (the folder eqplan ran in). `partialFingerprints` stay the
 * same from day to day, so an overdue action is one alert, not a new one each
 * morning when "62 days ago" becomes "63 days ago".
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, RuleInfo, Severity } from '../../core';
import type { FileResult } from '../results';
import { oneBased } from './shared';
import type { Formatter } from './types';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export const formatSarif: Formatter = (results, ctx) => {
  const ruleIndex = new Map(ctx.rules.map((r, i) => [r.id, i]));
  const sarifResults = results.flatMap((r) => r.findings.map((f) => toResult(r, f, ruleIndex, ctx.cwd)));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'eqplan',
            version: ctx.version,
            semanticVersion: ctx.version,
            rules: ctx.rules.map(toRule),
          },
        },
        originalUriBaseIds: {
          '%SRCROOT%': { description: { text: 'The folder eqplan was run in (the repository root in CI).' } },
        },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function toRule(rule: RuleInfo) {
  return {
    id: rule.id,
    // SARIF wants `name` to differ from `id`; a readable name from the title: "ActionIsOverdue".
    name: pascalCase(rule.title),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: {
      text: `${rule.description}\nExample: ${rule.example}`,
      markdown: `**${rule.title}** (\`${rule.id}\`, default severity: ${rule.defaultSeverity})\n\n${rule.description}\n\nExample message:\n\n> ${rule.example}`,
    },
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: { tags: ['equality-plan'] },
  };
}

function toResult(r: FileResult, f: Finding, ruleIndex: Map<string, number>, cwd: string) {
  const p = oneBased(f);
  const index = ruleIndex.get(f.rule);
  // Files under the working folder are relative to %SRCROOT%; others (typed as `../x` or absolute) get a file: URI.
  const underRoot = !path.isAbsolute(r.file) && !r.file.startsWith('../');
  const artifactLocation = underRoot ? { uri: encodePath(r.file), uriBaseId: '%SRCROOT%' } : { uri: pathToFileURL(path.resolve(cwd, r.file)).href };
  return {
    ruleId: f.rule,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation,
          region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: Math.max(p.endColumn, p.endLine === p.line ? p.column : 1) },
        },
      },
    ],
    partialFingerprints: { 'eqplanFinding/v1': fingerprint(r.file, f) },
  };
}

/**
 * Rule + file + JSON path + the message with its numbers blanked ("62 days
 * ago" changes daily). Findings without a plan path (syntax errors, comments)
 * also use their line, so two of them in one file stay apart.
 */
export function fingerprint(file: string, f: Finding): string {
  const message = f.message.replace(/\d+/g, '#');
  const where = f.path === '' ? `line ${f.range.start.line}` : f.path;
  return createHash('sha256').update([f.rule, file, where, message].join('\u0000')).digest('hex').slice(0, 32);
}

function pascalCase(text: string): string {
  return text.split(/[^A-Za-z0-9]+/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}


/** A path as a URI reference: spaces and other unsafe characters, `#` and `?` percent-encoded. */
function encodePath(p: string): string {
  return encodeURI(p).replace(/#/g, '%23').replace(/\?/g, '%3F');
}
