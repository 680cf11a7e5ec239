/**
 * A small WKT / EWKT reader. Hand-written on purpose: jsts's WKTReader rejects `ZM`, lower-case
 * 3D without a tag and unclosed rings (which we repair), answers in English, and costs ~25 µs for
 * a 20-point line, which alone would eat the 10k-works budget.
 */
import { isKnownType, shapeFromNested, type Nested, type ReadResult } from './shape';

const HELP = 'Schrijf bijvoorbeeld LINESTRING(136603.38 455665.99, 136636.68 455681.66).';

/** parse state: the text and a cursor */
interface Cursor {
  s: string;
  i: number;
}

function skipSpace(c: Cursor): void {
  while (c.i < c.s.length && c.s.charCodeAt(c.i) <= 32) c.i++;
}

function word(c: Cursor): string {
  skipSpace(c);
  const start = c.i;
  while (c.i < c.s.length && /[A-Za-z]/.test(c.s[c.i])) c.i++;
  return c.s.slice(start, c.i).toLowerCase();
}

function fail(c: Cursor, what: string): never {
  const near = c.s.slice(Math.max(0, c.i - 10), c.i + 10).trim();
  throw new Error(`${what} (bij '${near}').`);
}

/** true for the characters a decimal number may hold: digits . e E + - */
function isNumberChar(code: number): boolean {
  return (code >= 48 && code <= 57) || code === 46 || code === 101 || code === 69 || code === 43 || code === 45;
}

/** reads numbers separated by spaces up to ',' or ')'; charCode scanning keeps this hot loop cheap */
function position(c: Cursor): number[] {
  const out: number[] = [];
  const s = c.s;
  for (;;) {
    skipSpace(c);
    const code = s.charCodeAt(c.i);
    if (code === 44 || code === 41 || Number.isNaN(code)) break;
    const start = c.i;
    let plain = true;
    while (c.i < s.length) {
      const k = s.charCodeAt(c.i);
      if (k <= 32 || k === 44 || k === 40 || k === 41) break;
      if (!isNumberChar(k)) plain = false;
      c.i++;
    }
    if (c.i === start) fail(c, 'Verwacht een getal');
    const tok = s.slice(start, c.i);
    const value = plain ? Number(tok) : NaN;
    if (Number.isNaN(value)) {
      if (/^[-+]?(nan|inf|infinity)$/i.test(tok)) fail(c, 'Een coördinaat is geen eindig getal (NaN of Infinity)');
      fail(c, `'${tok}' is geen getal`);
    }
    out.push(value);
  }
  if (out.length < 2) fail(c, 'Een coördinaat heeft minder dan twee getallen');
  return out;
}

/** reads '(' item, item, ... ')' where an item is a nested list or a position */
function list(c: Cursor): Nested[] {
  skipSpace(c);
  if (c.s[c.i] !== '(') fail(c, "Verwacht '('");
  c.i++;
  const items: Nested[] = [];
  for (;;) {
    skipSpace(c);
    if (c.s[c.i] === '(') items.push(list(c));
    else if (/[a-z]/i.test(c.s[c.i] ?? '') && word({ ...c }) === 'empty') fail(c, 'Een deel van de geometrie is leeg');
    else items.push(position(c));
    skipSpace(c);
    if (c.s[c.i] === ',') { c.i++; continue; }
    if (c.s[c.i] === ')') { c.i++; return items; }
    fail(c, "Verwacht ',' of ')'");
  }
}

/** MULTIPOINT((1 2),(3 4)) and MULTIPOINT(1 2, 3 4) mean the same */
function unwrapPoints(items: Nested[]): Nested[] {
  return items.map((p) => (Array.isArray(p[0]) && p.length === 1 ? (p[0] as Nested) : p));
}

function readSrid(c: Cursor): number | undefined {
  const m = /^\s*srid\s*=\s*(-?\d+)\s*;/i.exec(c.s);
  if (!m) return undefined;
  c.i = m[0].length;
  return Number(m[1]);
}

/**
 * Reads WKT or EWKT (`SRID=28992;POINT(...)`) of a point, line or polygon or their Multi forms.
 * Keywords in any case; Z, M and ZM ordinates are read and dropped (`droppedOrdinates`).
 *
 * @example
 * readWkt('SRID=28992;point z (136603.38 455665.99 2)');
 * // { ok: true, value: { shape: { kind: 'point', points: [[136603.38, 455665.99]] }, srid: 28992, droppedOrdinates: true } }
 */
export function readWkt(text: string): ReadResult {
  const c: Cursor = { s: text, i: 0 };
  try {
    const srid = readSrid(c);
    const type = word(c);
    if (type === 'geometrycollection') {
      return { ok: false, melding: 'Een GEOMETRYCOLLECTION kan niet: geef per werk één soort geometrie (punt, lijn of vlak), eventueel als MULTI-vorm.' };
    }
    if (!isKnownType(type)) fail(c, `Onbekend geometrietype '${type || c.s.slice(c.i, c.i + 12)}'`);
    let tag = word(c);
    if (tag !== '' && !['z', 'm', 'zm', 'empty'].includes(tag)) fail(c, `Onbekend woord '${tag}'`);
    if (tag === 'z' || tag === 'm' || tag === 'zm') tag = word(c);
    if (tag === 'empty') {
      return { ok: false, melding: 'De geometrie is leeg (EMPTY). Vul de coördinaten van het werk in.' };
    }
    let items: Nested = list(c);
    skipSpace(c);
    if (c.i < c.s.length) fail(c, 'Er staat tekst na de geometrie');
    if (type === 'multipoint') items = unwrapPoints(items);
    if (type === 'point') items = items[0] as Nested;
    const { shape, dropped } = shapeFromNested(type, items);
    return { ok: true, value: { shape, srid, droppedOrdinates: dropped } };
  } catch (e) {
    return { ok: false, melding: `De WKT-geometrie is niet te lezen: ${(e as Error).message} ${HELP}` };
  }
}
