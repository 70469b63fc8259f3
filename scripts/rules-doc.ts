/**
 * Writes the rules section of README.md from the rules' own docs, between
 * `<!-- rules:start -->` and `<!-- rules:end -->`:  npm run docs:rules
 * tests/readme.test.ts fails when the README is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../server/src/core';

export const README = join(__dirname, '..', 'README.md');
const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

export function rulesMarkdown(): string {
  const lines = ['| rule | default | what it flags |', '|---|---|---|'];
  for (const r of RULES) lines.push(`| [\`${r.id}\`](#rule-${r.id}) | ${r.defaultSeverity} | ${r.title} |`);
  for (const r of RULES) {
    lines.push('', `<a id="rule-${r.id}"></a>`, `### \`${r.id}\` (${r.defaultSeverity})`, '', r.description, '', `> ${r.example}`);
  }
  return lines.join('\n');
}

export function withRules(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs ${START} and ${END} markers`);
  return readme.slice(0, start + START.length) + '\n' + rulesMarkdown() + '\n' + readme.slice(end);
}

if (require.main === module) {
  writeFileSync(README, withRules(readFileSync(README, 'utf8')));
  console.log('README.md rules section updated');
}
