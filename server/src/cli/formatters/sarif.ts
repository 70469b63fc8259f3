/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`).
 * Every rule is listed in `tool.driver.rules`; results point at files relative
 * to `%SRCROOT%` (the folder eqplan ran in). `partialFingerprints` stay the
 * same from day to day, so an overdue action is one alert, not a new one each
 * morning when "1 day ago" becomes "2 days ago", and the same when other
 * actions are added above it: they are built from ids (`action:1d/due`), not
 * from positions or message text. Each location's `logicalLocations` name
 * the same place.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, RuleInfo, Severity } from '../../core';
import type { FileResult } from '../results';
import { logicalPlace, type LogicalPlace } from './logical';
import { oneBased } from './shared';
import type { Formatter } from './types';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export const formatSarif: Formatter = (results, ctx) => {
  const ruleIndex = new Map(ctx.rules.map((r, i) => [r.id, i]));
  const sarifResults = results.flatMap((r) => {
    const fps = fingerprints(r);
    return r.findings.map((f, i) => toResult(r, f, ruleIndex, ctx.cwd, fps[i]));
  });
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

function toResult(r: FileResult, f: Finding, ruleIndex: Map<string, number>, cwd: string, fp: { place: LogicalPlace; hash: string }) {
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
        ...(f.path === '' ? {} : { logicalLocations: [logicalLocation(fp.place)] }),
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fp.hash },
  };
}

/** v2: from ids, not JSON pointers and messages (v1). A new key, so code scanning does not mix the two. */
export const FINGERPRINT_KEY = 'eqplanFinding/v2';

/**
 * Rules that can report several different problems about one place (a
 * missing `title` and a missing `id` of one target): their message, numbers
 * blanked, tells those apart. No other rule's message goes in, as messages
 * change with the date ("due in 3 days", "1 day ago", "yesterday").
 */
const MESSAGE_IN_FINGERPRINT: ReadonlySet<string> = new Set(['yaml-syntax', 'schema', 'bad-suppression']);

/**
 * One fingerprint per finding of a file: rule + file + logical place
 * (`action:1d/due`, see logical.ts), plus the message for the rules above.
 * Findings that would still share one are numbered in file order.
 */
export function fingerprints(r: FileResult): { place: LogicalPlace; hash: string }[] {
  const seen = new Map<string, number>();
  return r.findings.map((f) => {
    const place = logicalPlace(f, r.summary);
    const parts = [f.rule, r.file, f.path === '' ? '' : place.name];
    if (MESSAGE_IN_FINGERPRINT.has(f.rule) || f.path === '') parts.push(f.message.replace(/\d+/g, '#'));
    const key = parts.join('\u0000');
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return { place, hash: createHash('sha256').update(n === 1 ? key : `${key}\u0000${n}`).digest('hex').slice(0, 32) };
  });
}

/** `action:1d/due` as a SARIF logical location named after its last part. */
function logicalLocation(place: LogicalPlace) {
  const name = place.name.split(/[/:]/).pop() || place.name;
  const kind = place.item && place.name === `${place.item.kind}:${place.item.id}` ? 'object' : /^\d+$/.test(name) ? 'element' : 'property';
  return { name, fullyQualifiedName: place.name, kind };
}

function pascalCase(text: string): string {
  return text.split(/[^A-Za-z0-9]+/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}


/** A path as a URI reference: spaces and other unsafe characters, `#` and `?` percent-encoded. */
function encodePath(p: string): string {
  return encodeURI(p).replace(/#/g, '%23').replace(/\?/g, '%3F');
}
