import type { Position } from 'vscode-languageserver';
import type { CheckOptions } from '../../server/src/core';
import { contextForText, type PlanContext } from '../../server/src/features/context';

/** Splits `ab|c` into the text without the marker and the marker's position. */
export function withCursor(marked: string): { text: string; position: Position } {
  const at = marked.indexOf('|');
  if (at < 0) throw new Error('test text has no | cursor marker');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const before = text.slice(0, at).split('\n');
  return { text, position: { line: before.length - 1, character: before[before.length - 1].length } };
}

/** A feature context of a marked text, checked as at a fixed local date. */
export function at(marked: string, options: CheckOptions = {}): { ctx: PlanContext; position: Position; text: string } {
  const { text, position } = withCursor(marked);
  return { ctx: contextForText(text, { localToday: '2024-01-15', ...options }), position, text };
}

/** A plan with an owners registry, two objectives and a target, as at 2024-01-31. */
export const PLAN = `eqplan: 1
organisation: Test Borough Council
title: Equality Action Plan 2023-24
asOf: 2024-01-31
owners:
  hr: { name: Human Resources }
  equalities-team: { name: Equalities Team }
objectives:
  - id: P1
    title: Accessible services
    lead: equalities-team
    actions:
      - id: 1a
        action: Deliver EIA workshops
        owner: equalities-team
        support: [hr]
        due: 2023-11-30
        rag: green
        measure: Workshops delivered
      - id: 1b
        action: Publish the workforce report
        owner: hr
        due: 2024-02-05
        rag: amber
        measure: Report published
  - id: P2
    title: An inclusive workforce
    actions:
      - id: 2a
        action: Run the staff survey
        owner: hr
        due: Nov 22
        rag: Red
        measure: Survey run
targets:
  - id: T1
    title: Workforce from ethnic minority backgrounds
    unit: "%"
    direction: up
    milestones:
      - { date: 2023-03-31, value: 30 }
    actuals:
      - { date: 2023-06-30, value: 28 }
`;

/** PLAN with `|` inserted before the first occurrence of `needle` (plus `offset` characters). */
export function planAt(needle: string, offset = 0): string {
  const i = PLAN.indexOf(needle);
  if (i < 0) throw new Error(`"${needle}" is not in the test plan`);
  return PLAN.slice(0, i + offset) + '|' + PLAN.slice(i + offset);
}
