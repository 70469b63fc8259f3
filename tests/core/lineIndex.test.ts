import { strict as assert } from 'node:assert';
import { LineIndex, textShift } from '../../server/src/core/text';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
}

/** Every offset's position, and every line's start and text: what callers read of an index. */
function readAll(lines: LineIndex, text: string): string {
  const out: string[] = [String(lines.lineCount)];
  for (let o = 0; o <= text.length; o++) out.push(JSON.stringify(lines.positionAt(o)));
  for (let l = 0; l < lines.lineCount; l++) out.push(`${lines.lineStart(l)}:${lines.lineText(l)}`);
  return out.join('|');
}

describe('LineIndex.edited', () => {
  it('gives the index of a whole scan after random edits with every kind of line break', () => {
    const pieces = ['a', 'b', ' ', '\n', '\r', '\r\n', '\ufeff'];
    const next = random(7);
    const gen = (n: number) => Array.from({ length: n }, () => pieces[next(pieces.length)]).join('');
    for (let k = 0; k < 3000; k++) {
      const before = gen(next(40));
      const start = next(before.length + 1);
      const end = start + next(before.length - start + 1);
      const after = before.slice(0, start) + gen(next(4)) + before.slice(end);
      const shift = textShift(before, after);
      const incremental = new LineIndex(before).edited(after, shift.start, shift.oldEnd, shift.newEnd);
      assert.equal(readAll(incremental, after), readAll(new LineIndex(after), after), JSON.stringify({ before, after }));
    }
  });

  it('finds the changed region of long texts (compared a chunk at a time)', () => {
    const before = 'objectives:\n'.repeat(2000);
    const after = before.slice(0, 10_001) + 'x\r' + before.slice(10_003);
    const shift = textShift(before, after);
    assert.deepEqual([shift.start, shift.oldEnd, shift.newEnd], [10_001, 10_003, 10_003]);
    assert.equal(readAll(new LineIndex(before).edited(after, shift.start, shift.oldEnd, shift.newEnd), after), readAll(new LineIndex(after), after));
  });
});
