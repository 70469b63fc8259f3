/** The text "eqplan: New Equality Plan" writes: a small, valid plan to fill in. */
export function starterPlan(today: string, organisation = 'Your Council'): string {
  const year = Number(today.slice(0, 4));
  // The plan runs for the financial year that contains today (1 April to 31 March).
  const start = Number(today.slice(5, 7)) >= 4 ? year : year - 1;
  return `eqplan: 1
organisation: ${organisation}
title: Equality Action Plan ${start}-${start + 1}
period: { start: ${start}-04-01, end: ${start + 1}-03-31 }

# Who can own an action: an id, then the name shown in reports.
owners:
  equalities-team: { name: Equalities Team }
  hr: { name: Human Resources }

objectives:
  - id: O1
    title: Know our communities and use what we know in decisions
    lead: equalities-team
    actions:
      - id: 1a
        action: Publish an equality profile of the borough using the latest census data
        owner: equalities-team
        due: ${start + 1}-03
        rag: green
        status: in-progress
        measure: Profile published on the council website and used in equality impact assessments
        characteristics: [age, disability, race, religion-belief, sex]

  - id: O2
    title: Be an inclusive employer
    lead: hr
    actions:
      - id: 2a
        action: Publish the gender and ethnicity pay gap reports with an action plan
        owner: hr
        due: ${start + 1}-03-31
        rag: amber
        status: not-started
        measure: Both reports published by the statutory deadline

targets:
  - id: workforce-disabled
    title: Employees who share that they are disabled
    unit: "%"
    direction: up
    owner: hr
    baseline: { date: ${start}-03-31, value: 6.0 }
    milestones:
      - { date: ${start + 1}-03-31, value: 7.5 }
`;
}
