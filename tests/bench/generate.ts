/** Generates a large, realistic plan for benchmarks: `objectives` x `perObjective` actions. */
export function generatePlan(objectives: number, perObjective: number): string {
  const out: string[] = [
    'eqplan: 1',
    'organisation: Benchmark Borough Council',
    'title: Equality Action Plan (generated)',
    'asOf: 2024-01-31',
    'owners:',
    '  hr: { name: Human Resources }',
    '  equalities-team: { name: Equalities Team }',
    '  comms: { name: Communications }',
    'objectives:',
  ];
  const owners = ['hr', 'equalities-team', 'comms', 'All', 'Finance'];
  const rags = ['red', 'amber', 'green'];
  for (let o = 0; o < objectives; o++) {
    out.push(`  - id: P${o + 1}`, `    title: Objective number ${o + 1} about accessible and inclusive services`, '    lead: equalities-team', '    actions:');
    for (let a = 0; a < perObjective; a++) {
      const n = o * perObjective + a;
      const month = String((n % 12) + 1).padStart(2, '0');
      out.push(
        `      - id: ${o + 1}-${a + 1}`,
        `        action: Deliver workshop series ${n} on equality impact assessment for service managers`,
        `        outcome: Managers understand and apply the equality duty in decisions (${n})`,
        `        owner: ${owners[n % owners.length]}`,
        `        support: [comms]`,
        `        due: ${2023 + (n % 3)}-${month}`,
        `        rag: ${rags[n % 3]}`,
        n % 7 === 0 ? '        status: done' : '        status: in-progress',
        `        measure: Workshops delivered and evaluated; feedback score above 4 of 5`,
        `        characteristics: [race, disability]`,
        '        updates:',
        `          - { date: 2023-${month}-01, rag: amber, note: Planning under way }`,
      );
    }
  }
  out.push(
    'targets:',
    '  - id: workforce',
    '    title: Workforce from ethnic minority backgrounds',
    '    unit: "%"',
    '    direction: up',
    '    milestones: [{ date: 2023-03-31, value: 30 }, { date: 2024-03-31, value: 32 }]',
    '    actuals: [{ date: 2024-01-31, value: 31.6 }]',
    '',
  );
  return out.join('\n');
}
