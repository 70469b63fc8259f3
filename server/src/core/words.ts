/** Small wording helpers shared by messages. */

export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}

/** A number as a person writes it: at most two decimals, no trailing zeros. */
export function formatNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** A value with its unit: 30%, £1,200, 8.5 days. */
export function withUnit(n: number, unit: unknown): string {
  const v = formatNumber(n);
  if (typeof unit !== 'string' || unit.trim() === '' || unit === 'count') return v;
  if (unit === '%') return `${v}%`;
  if (unit === '£' || unit === '$' || unit === '€') return `${unit}${v}`;
  return `${v} ${unit}`;
}

/** "a, b or c" */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** Levenshtein distance, capped for speed on short words. */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** The closest candidate within `max` edits (case-insensitive), if any. */
export function closest(word: string, candidates: Iterable<string>, max = 2): string | undefined {
  let best: string | undefined;
  let bestDistance = max + 1;
  const w = word.toLowerCase();
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** "Action 1g's", "Action PP-care-leavers'" */
export function possessive(label: string): string {
  return /s$/i.test(label) ? `${label}'` : `${label}'s`;
}
