/**
 * Pairs the items of two versions of a list (actions, objectives, targets):
 * first by reference (id), then, among what is left, by how alike their
 * wording is, so an action whose reference was changed is seen as the same
 * action and not as one removed and one added.
 */

/** How alike two wordings must be (0 to 1, Dice coefficient of their words) to count as one item. */
export const SAME_TEXT_THRESHOLD = 0.6;
/** Above this many comparisons (left-over old items times new ones) wording is not compared: ids alone decide. */
const MAX_TEXT_COMPARISONS = 250_000;

export interface MatchResult<T> {
  /** Old and new versions of the same item, with how they were matched. */
  pairs: { old: T; new: T; by: 'id' | 'text' }[];
  /** Old items with no new version. */
  removed: T[];
  /** New items with no old version. */
  added: T[];
}

/** The words of a text, in lower case (letters and digits of any script). */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The Dice coefficient of two word lists: 1 for the same words, 0 for none in common. */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of b) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/**
 * Matches old items to new ones: by id first (ids are unique in a valid plan;
 * with duplicates, the first of each wins), then by wording among the items
 * left over, best match first, each used once.
 */
export function matchItems<T>(olds: readonly T[], news: readonly T[], idOf: (item: T) => string | undefined, textOf: (item: T) => string): MatchResult<T> {
  const pairs: MatchResult<T>['pairs'] = [];
  const newById = new Map<string, number>();
  news.forEach((n, i) => {
    const id = idOf(n);
    if (id !== undefined && !newById.has(id)) newById.set(id, i);
  });
  const newUsed = new Array<boolean>(news.length).fill(false);
  const leftOld: T[] = [];
  for (const o of olds) {
    const id = idOf(o);
    const at = id === undefined ? undefined : newById.get(id);
    if (at !== undefined && !newUsed[at]) {
      newUsed[at] = true;
      pairs.push({ old: o, new: news[at], by: 'id' });
    } else {
      leftOld.push(o);
    }
  }
  const leftNew = news.filter((_, i) => !newUsed[i]);
  const textPaired = new Set<T>();
  if (leftOld.length > 0 && leftNew.length > 0 && leftOld.length * leftNew.length <= MAX_TEXT_COMPARISONS) {
    const oldWords = leftOld.map((o) => wordsOf(textOf(o)));
    const newWords = leftNew.map((n) => wordsOf(textOf(n)));
    const candidates: { o: number; n: number; score: number }[] = [];
    for (let o = 0; o < leftOld.length; o++) {
      for (let n = 0; n < leftNew.length; n++) {
        const score = similarity(oldWords[o], newWords[n]);
        if (score >= SAME_TEXT_THRESHOLD) candidates.push({ o, n, score });
      }
    }
    candidates.sort((a, b) => b.score - a.score || a.o - b.o || a.n - b.n);
    const oUsed = new Set<number>();
    const nUsed = new Set<number>();
    for (const c of candidates) {
      if (oUsed.has(c.o) || nUsed.has(c.n)) continue;
      oUsed.add(c.o);
      nUsed.add(c.n);
      pairs.push({ old: leftOld[c.o], new: leftNew[c.n], by: 'text' });
      textPaired.add(leftOld[c.o]);
      textPaired.add(leftNew[c.n]);
    }
  }
  return {
    pairs,
    removed: leftOld.filter((o) => !textPaired.has(o)),
    added: leftNew.filter((n) => !textPaired.has(n)),
  };
}
