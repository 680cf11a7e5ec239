/**
 * Writing a long geometry into cells: Excel holds at most 32,767 characters per cell, so a longer
 * text continues in `geometrie_2`, `geometrie_3`, ... and is read back as their concatenation.
 */
import { MAX_CELL_CHARS } from './cells';

const isSpace = (ch: string | undefined): boolean => ch !== undefined && ch.trim() === '';

/**
 * Splits a geometry text into cell texts of at most `limit` characters whose concatenation is the
 * text. A cut never falls next to a space, so no cell starts or ends with one (hosts may trim
 * those); it may fall inside a number, which the reader joins again.
 *
 * @example
 * splitGeometryText('POINT(136603.38 455665.99)', 12); // ['POINT(136603', '.38 455665.9', '9)']
 * splitGeometryText('LINESTRING(1 2, 3 4)', 8); // ['LINESTRI', 'NG(1 2', ', 3 4)']
 */
export function splitGeometryText(text: string, limit: number = MAX_CELL_CHARS): string[] {
  if (!Number.isInteger(limit) || limit < 3) throw new Error(`splitGeometryText: limit must be a whole number of at least 3, got ${limit}`);
  const parts: string[] = [];
  let from = 0;
  while (text.length - from > limit) {
    let cut = from + limit;
    // step back until neither side of the cut is a space
    while (cut > from + 1 && (isSpace(text[cut - 1]) || isSpace(text[cut]))) cut--;
    if (cut === from + 1 && (isSpace(text[cut - 1]) || isSpace(text[cut]))) {
      throw new Error('splitGeometryText: the text has a run of spaces as long as a cell; collapse the spaces first');
    }
    parts.push(text.slice(from, cut));
    from = cut;
  }
  parts.push(text.slice(from));
  return parts;
}

/**
 * The headers of the geometry columns needed for `parts` cells: `geometrie`, `geometrie_2`, ...
 *
 * @example
 * geometryColumnHeaders(3); // ['geometrie', 'geometrie_2', 'geometrie_3']
 */
export function geometryColumnHeaders(parts: number, base = 'geometrie'): string[] {
  return Array.from({ length: Math.max(1, parts) }, (_, i) => (i === 0 ? base : `${base}_${i + 1}`));
}
