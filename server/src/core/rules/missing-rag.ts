import { RAGS } from '../model';
import type { Rule } from './rule';

/** Flags open actions with no RAG rating: the RAG is how committees scan a plan. */
export const missingRag: Rule = {
  id: 'missing-rag',
  scope: 'item',
  defaultSeverity: 'warning',
  title: 'Action has no RAG status',
  description: 'An open action without `rag`. Committees read plans by their red, amber and green ratings; an unrated action is invisible.',
  example: 'Action 2b has no RAG status. Add `rag:` with red, amber or green.',
  check(ctx, report) {
    for (const a of ctx.plan.actions) {
      if (!a.open) continue;
      const r = a.data.rag;
      if (r !== undefined && r !== null && !(typeof r === 'string' && r.trim() === '')) continue;
      const hasKey = Object.hasOwn(a.data, 'rag');
      report({
        message: `${a.label} has no RAG status. Add \`rag:\` with red, amber or green.`,
        path: hasKey ? [...a.path, 'rag'] : a.path,
        at: hasKey ? 'key' : 'item',
        fixes: () => RAGS.map((rag) =>
          ctx.edits.fix(`Rate it ${rag}`, [r === null || typeof r === 'string' ? (ctx.edits.replaceValue([...a.path, 'rag'], rag) ?? ctx.edits.addField(a.path, 'rag', rag)) : ctx.edits.addField(a.path, 'rag', rag)], false),
        ),
      });
    }
  },
};
