/**
 * A small WKT / EWKT reader. Hand-written on purpose: jsts's WKTReader rejects `ZM`, lower-case
 * 3D without a tag and unclosed rings (which we repair), answers in English, and costs ~25 µs for
 * a 20-point line, which alone would eat the 10k-works budget. It scans character codes and
 * writes the numbers straight into a reused `FlatBuilder`, knowing from the type how deep the lists
 * nest: no `[x, y]` array per position (about 900,000 of them at 100k works).
 */
import { FlatBuilder } from './builder';
import type { KindCode } from './flat';
import type { ReadResult } from './shape';

const HELP = 'Schrijf bijvoorbeeld LINESTRING(136603.38 455665.99, 136636.68 455681.66).';
const NESTING = 'De haakjes kloppen niet bij het geometrietype';

/** parse state: the text, a cursor, whether ordinates beyond x and y were seen, and where the numbers go */
interface Cursor {
  s: string;
  i: number;
  dropped: boolean;
  b: FlatBuilder;
}

const OPEN = 40, CLOSE = 41, COMMA = 44;

function isLetter(k: number): boolean {
  const l = k | 32;
  return l >= 97 && l <= 122;
}

/** true for the characters a decimal number may hold: digits . e E + - */
function isNumberChar(k: number): boolean {
  return (k >= 48 && k <= 57) || k === 46 || k === 101 || k === 69 || k === 43 || k === 45;
}

/** the next character code after white space, or -1 at the end */
function peek(c: Cursor): number {
  const s = c.s;
  while (c.i < s.length && s.charCodeAt(c.i) <= 32) c.i++;
  return c.i < s.length ? s.charCodeAt(c.i) : -1;
}

function word(c: Cursor): string {
  peek(c);
  const start = c.i;
  while (c.i < c.s.length && isLetter(c.s.charCodeAt(c.i))) c.i++;
  return c.s.slice(start, c.i).toLowerCase();
}

function fail(c: Cursor, what: string): never {
  const near = c.s.slice(Math.max(0, c.i - 10), c.i + 10).trim();
  throw new Error(`${what} (bij '${near}').`);
}

// exact powers of ten: mantissa / 10^k of two exact doubles is the correctly rounded decimal
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/** true where a number token ends */
const ends = (k: number): boolean => k <= 32 || k === COMMA || k === OPEN || k === CLOSE;

/**
 * A plain decimal (sign, at most 15 digits, one point) read in one pass over the character codes,
 * which is what Number() answers but without cutting a substring. Moves the cursor past it and
 * answers NaN, cursor unmoved, for anything else (exponents, long digit runs, words).
 */
function plainDecimal(c: Cursor): number {
  const s = c.s;
  let i = c.i, neg = false;
  // past the end charCodeAt answers NaN, which ends every loop below
  let k = s.charCodeAt(i);
  if (k === 45 || k === 43) {
    neg = k === 45;
    k = s.charCodeAt(++i);
  }
  let mantissa = 0;
  const start = i;
  for (; k >= 48 && k <= 57; k = s.charCodeAt(++i)) mantissa = mantissa * 10 + (k - 48);
  let digits = i - start, decimals = 0;
  if (k === 46) {
    const point = ++i;
    for (k = s.charCodeAt(i); k >= 48 && k <= 57; k = s.charCodeAt(++i)) mantissa = mantissa * 10 + (k - 48);
    decimals = i - point;
    digits += decimals;
  }
  if ((i < s.length && !ends(k)) || digits === 0 || digits > 15) return NaN;
  c.i = i;
  const v = decimals > 0 ? mantissa / POW10[decimals] : mantissa;
  return neg ? -v : v;
}

/** one number token; a token like 1e999 comes back as ±Infinity for `position` to report */
function number(c: Cursor): number {
  const fast = plainDecimal(c);
  if (!Number.isNaN(fast)) return fast;
  const s = c.s, start = c.i;
  let plain = true;
  while (c.i < s.length && !ends(s.charCodeAt(c.i))) {
    if (!isNumberChar(s.charCodeAt(c.i))) plain = false;
    c.i++;
  }
  if (c.i === start) fail(c, 'Verwacht een getal');
  const tok = s.slice(start, c.i);
  const value = plain ? Number(tok) : NaN;
  if (Number.isNaN(value)) {
    if (/^[-+]?(nan|inf|infinity)$/i.test(tok)) fail(c, 'Een coördinaat is geen eindig getal (NaN of Infinity)');
    fail(c, `'${tok}' is geen getal`);
  }
  return value;
}

/** numbers separated by spaces up to ',' or ')': x and y are kept, Z/M noted and dropped */
function position(c: Cursor): void {
  let x = 0, y = 0, k = 0;
  let huge = '';
  for (;;) {
    const code = peek(c);
    if (code === COMMA || code === CLOSE || code === -1) break;
    if (code === OPEN) fail(c, NESTING);
    const at = c.i;
    const v = number(c);
    if (k < 2 && !Number.isFinite(v)) huge ||= c.s.slice(at, c.i);
    if (k === 0) x = v;
    else if (k === 1) y = v;
    k++;
  }
  if (k < 2) fail(c, 'Een coördinaat heeft minder dan twee getallen');
  if (k > 2) c.dropped = true;
  if (huge) fail(c, `De coördinaat (${x} ${y}) is geen eindig getal: '${huge}' is te groot voor een coördinaat`);
  c.b.push(x, y);
}

/** consumes '(' */
function open(c: Cursor): void {
  if (peek(c) !== OPEN) fail(c, "Verwacht '('");
  c.i++;
}

/** consumes ',' (true: more follow) or ')' (false: the list is done) */
function next(c: Cursor): boolean {
  const k = peek(c);
  c.i++;
  if (k === COMMA) return true;
  if (k === CLOSE) return false;
  c.i--;
  return fail(c, "Verwacht ',' of ')'");
}

/** a part spelled EMPTY inside a Multi geometry cannot be drawn */
function refuseEmptyPart(c: Cursor): void {
  if (isLetter(peek(c)) && word({ ...c }) === 'empty') fail(c, 'Een deel van de geometrie is leeg');
}

/** '(' x y, x y, ... ')' as one part; points (`each`) start a part per position instead */
function positions(c: Cursor, shell: boolean, each = false): void {
  open(c);
  if (!each) c.b.part(shell);
  do {
    refuseEmptyPart(c);
    if (each) c.b.part(false);
    position(c);
  } while (next(c));
}

/** lists of lists, `depth` levels above a list of positions; rings of polygons (`rings`) mark their shell */
function nested(c: Cursor, depth: number, rings: boolean): void {
  open(c);
  let first = true;
  do {
    refuseEmptyPart(c);
    if (peek(c) !== OPEN) fail(c, NESTING);
    if (depth === 1) positions(c, rings && first);
    else nested(c, depth - 1, rings);
    first = false;
  } while (next(c));
}

/** MULTIPOINT((1 2),(3 4)) and MULTIPOINT(1 2, 3 4) mean the same */
function multiPoint(c: Cursor): void {
  open(c);
  do {
    refuseEmptyPart(c);
    c.b.part(false);
    if (peek(c) === OPEN) {
      c.i++;
      position(c);
      if (next(c)) fail(c, "Verwacht ')'");
    } else position(c);
  } while (next(c));
}

/** the kind of a lower-case type word, -1 for no geometry type; a switch spares a keyed lookup per cell */
function kindOf(type: string): KindCode | -1 {
  switch (type) {
    case 'point': case 'multipoint': return 0;
    case 'linestring': case 'multilinestring': return 1;
    case 'polygon': case 'multipolygon': return 2;
    default: return -1;
  }
}

function body(c: Cursor, type: string): void {
  c.b.reset(kindOf(type) as KindCode);
  switch (type) {
    case 'point':
      positions(c, false, true);
      if (c.b.n > 1) fail(c, 'Een POINT heeft één coördinaat; gebruik MULTIPOINT voor meer punten');
      return;
    case 'multipoint': return multiPoint(c);
    case 'linestring': return positions(c, false);
    case 'multilinestring': return nested(c, 1, false);
    case 'polygon': return nested(c, 1, true);
    case 'multipolygon': return nested(c, 2, true);
    default: return fail(c, `Onbekend geometrietype '${type || c.s.slice(c.i, c.i + 12)}'`);
  }
}

function readSrid(c: Cursor): number | undefined {
  // most cells start with their type word (a letter other than s): no regular expression for those
  const first = c.s.charCodeAt(0) | 32;
  if (first >= 97 && first <= 122 && first !== 115) return undefined;
  const m = /^\s*srid\s*=\s*(-?\d+)\s*;/i.exec(c.s);
  if (!m) return undefined;
  c.i = m[0].length;
  return Number(m[1]);
}

/** What a reader left in its builder: the SRID when the text named one, and whether Z/M were dropped. */
export type BuiltResult = { ok: true; srid?: number; droppedOrdinates: boolean } | { ok: false; melding: string };

/**
 * Reads WKT or EWKT into `b` (which it resets): the flat twin of `readWkt`, with the same meldingen.
 *
 * @example
 * const b = new FlatBuilder();
 * readWktInto('LINESTRING(0 0, 10 0)', b); // { ok: true, srid: undefined, droppedOrdinates: false }, b.n === 2
 */
export function readWktInto(text: string, b: FlatBuilder): BuiltResult {
  // a lower-case copy scans faster than the cell's text, which is often a rope of joined pieces
  // (measured: ~10% of reading). Keywords are read in any case and numbers have no letters, so
  // it reads the same; a non-ASCII character fails either way. On failure the text itself is read
  // again, so the melding quotes it as written.
  const lower = text.toLowerCase();
  if (lower.length === text.length && lower !== text) {
    const r = readFrom(lower, b);
    if (r.ok) return r;
  }
  return readFrom(text, b);
}

function readFrom(text: string, b: FlatBuilder): BuiltResult {
  const c: Cursor = { s: text, i: 0, dropped: false, b };
  try {
    const srid = readSrid(c);
    const type = word(c);
    if (type === 'geometrycollection') {
      return { ok: false, melding: 'Een GEOMETRYCOLLECTION kan niet: geef per werk één soort geometrie (punt, lijn of vlak), eventueel als MULTI-vorm.' };
    }
    if (kindOf(type) < 0) fail(c, `Onbekend geometrietype '${type || c.s.slice(c.i, c.i + 12)}'`);
    let tag = isLetter(peek(c)) ? word(c) : '';
    if (tag !== '' && tag !== 'z' && tag !== 'm' && tag !== 'zm' && tag !== 'empty') fail(c, `Onbekend woord '${tag}'`);
    if (tag === 'z' || tag === 'm' || tag === 'zm') tag = isLetter(peek(c)) ? word(c) : '';
    if (tag === 'empty') {
      return { ok: false, melding: 'De geometrie is leeg (EMPTY). Vul de coördinaten van het werk in.' };
    }
    body(c, type);
    if (peek(c) !== -1) fail(c, 'Er staat tekst na de geometrie');
    return { ok: true, srid, droppedOrdinates: c.dropped };
  } catch (e) {
    return { ok: false, melding: `De WKT-geometrie is niet te lezen: ${(e as Error).message} ${HELP}` };
  }
}

// readWkt's own scratch: its shape is copied out before it returns
const spare = new FlatBuilder();

/**
 * Reads WKT or EWKT (`SRID=28992;POINT(...)`) of a point, line or polygon or their Multi forms.
 * Keywords in any case; Z, M and ZM ordinates are read and dropped (`droppedOrdinates`).
 * The shape's arrays are new, so the caller may change them in place.
 *
 * @example
 * readWkt('SRID=28992;point z (136603.38 455665.99 2)');
 * // { ok: true, value: { shape: { kind: 'point', points: [[136603.38, 455665.99]] }, srid: 28992, droppedOrdinates: true } }
 */
export function readWkt(text: string): ReadResult {
  const r = readWktInto(text, spare);
  return r.ok ? { ok: true, value: { shape: spare.toShape(), srid: r.srid, droppedOrdinates: r.droppedOrdinates } } : r;
}

