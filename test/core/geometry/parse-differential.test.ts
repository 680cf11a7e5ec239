/**
 * The flat parser against the nested one it replaced (a frozen copy in ./legacy): every cell must
 * give the same doubles to the bit, the same parts, shells, bbox and kind, the same warnings, and
 * for bad input the same melding.
 */
import { generateWerken } from '../../../bench/generate';
import { flatOf } from '../../../src/core/geometry/flat';
import { parseGeometry } from '../../../src/core/geometry/parse';
import type { GeometryParseResult, RdGeometry } from '../../../src/core/types';
import { flatOf as legacyFlatOf } from './legacy/flat';
import { parseGeometry as legacyParse } from './legacy/parse';
import { variants, corruptions, handMade } from './parse-variants';

type Flat = NonNullable<ReturnType<typeof flatOf>>;

const hex = (a: ArrayBufferView | null): string | null => (a ? Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex') : null);

/** everything a caller can see of a result, doubles as their bits */
function seen(r: GeometryParseResult, flat: (g: RdGeometry) => Flat | undefined): object {
  if (!r.ok) return { ok: false, melding: r.melding };
  const f = flat(r.geometry);
  if (!f) throw new Error('a parsed geometry without its flat form');
  return {
    ok: true, sourceCrs: r.sourceCrs, warnings: r.warnings, crs: r.geometry.crs, kind: r.geometry.kind, flatKind: f.kind,
    xy: hex(f.xy), parts: Array.from(f.parts), shells: f.shells && Array.from(f.shells),
    bbox: hex(Float64Array.of(f.minX, f.minY, f.maxX, f.maxY)),
  };
}

/** the texts whose results differ, with both results (empty when all agree) */
function differences(texts: string[]): { text: string; now: object; before: object }[] {
  const out: { text: string; now: object; before: object }[] = [];
  for (const text of texts) {
    const now = seen(parseGeometry(text), flatOf), before = seen(legacyParse(text), legacyFlatOf);
    if (JSON.stringify(now) !== JSON.stringify(before)) out.push({ text, now, before });
  }
  return out;
}

describe('the flat parser gives what the nested parser gave, to the bit', () => {
  it.each([42, 7, 2026])('on generated works of every spelling (seed %i)', (seed) => {
    const gen = generateWerken(2500, seed);
    // every spelling is in the corpus, so each has been compared
    expect(new Set(gen.map((w) => w.spelling))).toEqual(new Set(['rd-wkt', 'wgs-wkt', 'ewkt-rd', 'ewkt-wgs', 'geojson-rd', 'geojson-wgs']));
    expect(differences(gen.map((w) => w.geometrie))).toEqual([]);
  });

  it('on other spellings of the same works: case, spacing, Z, swapped lat/lon, Multi forms, holes, open rings, Features', () => {
    const texts = variants(generateWerken(600, 11).map((w) => w.geometrie), 11);
    expect(texts.length).toBeGreaterThan(5000);
    expect(differences(texts)).toEqual([]);
  });

  it('on damaged text: characters dropped, swapped in or cut off', () => {
    const texts = corruptions(generateWerken(400, 5).map((w) => w.geometrie), 5);
    expect(texts.length).toBeGreaterThan(4000);
    // most damage is refused, but some still reads: both ways are compared
    const refused = texts.filter((t) => !parseGeometry(t).ok).length;
    expect(refused).toBeGreaterThan(texts.length / 4);
    expect(refused).toBeLessThan(texts.length);
    expect(differences(texts)).toEqual([]);
  });

  it('on hand-made edge cases: empty, EMPTY, bad numbers, bow-ties, holes, touching rings, lines of one point', () => {
    expect(differences(handMade)).toEqual([]);
  });

  it('gives the same lists as before when a caller reads them', () => {
    for (const text of generateWerken(300, 3).map((w) => w.geometrie).concat(handMade)) {
      const now = parseGeometry(text), before = legacyParse(text);
      if (now.ok && before.ok) expect(now.geometry).toEqual(before.geometry);
      else expect(now.ok).toBe(before.ok);
    }
  });
});
