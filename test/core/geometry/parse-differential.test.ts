/**
 * The flat parser against what the nested parser it replaced gave (commit 0741005): every cell must
 * give the same doubles to the bit, the same parts, shells, bbox and kind, the same warnings, and for
 * bad input the same melding. The old results are kept as digests per chunk of 100 texts
 * (test/fixtures/geometry-parse-expected.json, made by running the old parser on this corpus); a
 * differing chunk is listed with its texts and their results now, so the change can be found.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flatOf } from '../../../src/core/geometry/flat';
import { parseGeometry } from '../../../src/core/geometry/parse';
import { CHUNK, corpus, digests, seen } from './parse-expected';

interface Expected {
  chunk: number;
  corpus: Record<string, { count: number; digests: string[] }>;
}

const expected: Expected = JSON.parse(readFileSync(join(__dirname, '../../fixtures/geometry-parse-expected.json'), 'utf8'));
const texts = corpus();

/** the chunks whose results differ from the old parser's, with their texts and what they give now */
function differences(name: string): { chunk: number; results: { text: string; now: object }[] }[] {
  const { texts: t, lists } = texts[name];
  const now = digests(t, parseGeometry, flatOf, lists);
  return now.flatMap((d, k) => (d === expected.corpus[name].digests[k] ? [] : [{
    chunk: k, results: t.slice(k * CHUNK, (k + 1) * CHUNK).map((text) => ({ text, now: seen(parseGeometry(text), flatOf, lists) })),
  }]));
}

describe('the flat parser gives what the nested parser gave, to the bit', () => {
  it('compares the same corpus the old results were made from', () => {
    expect(expected.chunk).toBe(CHUNK);
    expect(Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, v.texts.length])))
      .toEqual(Object.fromEntries(Object.entries(expected.corpus).map(([k, v]) => [k, v.count])));
  });

  it.each(['generated 42', 'generated 7', 'generated 2026'])('on generated works of every spelling (%s)', (name) => {
    expect(differences(name)).toEqual([]);
  });

  it('on other spellings of the same works: case, spacing, Z, swapped lat/lon, Multi forms, holes, open rings, Features', () => {
    expect(texts.variants.texts.length).toBeGreaterThan(5000);
    expect(differences('variants')).toEqual([]);
  });

  it('on damaged text: characters dropped, swapped in or cut off', () => {
    const t = texts.corruptions.texts;
    expect(t.length).toBeGreaterThan(4000);
    // most damage is refused, but some still reads: both ways are compared
    const refused = t.filter((x) => !parseGeometry(x).ok).length;
    expect(refused).toBeGreaterThan(t.length / 4);
    expect(refused).toBeLessThan(t.length);
    expect(differences('corruptions')).toEqual([]);
  });

  it('on hand-made edge cases: empty, EMPTY, bad numbers, bow-ties, holes, touching rings, lines of one point', () => {
    expect(differences('hand-made')).toEqual([]);
  });

  it('gives the same Position lists as before when a caller reads them', () => {
    expect(differences('lists of generated 3')).toEqual([]);
  });
});
