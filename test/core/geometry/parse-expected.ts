/**
 * What a caller can see of parsing a corpus of geometry texts, digested in chunks: the expected
 * results of the differential test (parse-differential.test.ts).
 */
import { createHash } from 'node:crypto';
import { generateWerken } from '../../../bench/generate';
import { flatOf } from '../../../src/core/geometry/flat';
import type { GeometryParseResult, RdGeometry } from '../../../src/core/types';
import { corruptions, handMade, variants } from './parse-variants';

type Flat = NonNullable<ReturnType<typeof flatOf>>;
type Parse = (text: string) => GeometryParseResult;

/** texts per digest: a difference is pinned to a chunk of this many texts */
export const CHUNK = 100;

const hex = (a: ArrayBufferView | null): string | null => (a ? Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex') : null);

/** everything a caller can see of a result, doubles as their bits; `lists` adds the Position lists */
export function seen(r: GeometryParseResult, flat: (g: RdGeometry) => Flat | undefined, lists = false): object {
  if (!r.ok) return { ok: false, melding: r.melding };
  const f = flat(r.geometry);
  if (!f) throw new Error('a parsed geometry without its flat form');
  return {
    ok: true, sourceCrs: r.sourceCrs, warnings: r.warnings, crs: r.geometry.crs, kind: r.geometry.kind, flatKind: f.kind,
    xy: hex(f.xy), parts: Array.from(f.parts), shells: f.shells && Array.from(f.shells),
    bbox: hex(Float64Array.of(f.minX, f.minY, f.maxX, f.maxY)),
    ...(lists ? { lists: JSON.stringify(r.geometry) } : {}),
  };
}

/** the corpus by name: generated works of three seeds, other spellings, damaged texts, hand-made cases */
export function corpus(): Record<string, { texts: string[]; lists: boolean }> {
  const gen = (n: number, seed: number): string[] => generateWerken(n, seed).map((w) => w.geometrie);
  return {
    'generated 42': { texts: gen(2500, 42), lists: false },
    'generated 7': { texts: gen(2500, 7), lists: false },
    'generated 2026': { texts: gen(2500, 2026), lists: false },
    variants: { texts: variants(gen(600, 11), 11), lists: false },
    corruptions: { texts: corruptions(gen(400, 5), 5), lists: false },
    'hand-made': { texts: handMade, lists: true },
    'lists of generated 3': { texts: gen(300, 3), lists: true },
  };
}

/** one digest per chunk of CHUNK texts */
export function digests(texts: string[], parse: Parse, flat: (g: RdGeometry) => Flat | undefined, lists: boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < texts.length; i += CHUNK) {
    const h = createHash('sha256');
    for (const t of texts.slice(i, i + CHUNK)) h.update(JSON.stringify(seen(parse(t), flat, lists)) + '\n');
    out.push(h.digest('hex').slice(0, 24));
  }
  return out;
}
