/**
 * A1-style cell references, as the xlsx parts spell them.
 */

/** A rectangle of cells, 1-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Column number (1-based) to letters.
 *
 * @example
 * columnLetters(28); // 'AB'
 */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * Letters to column number (1-based).
 *
 * @example
 * columnNumber('AB'); // 28
 */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * One cell's address.
 *
 * @example
 * cellAddress(3, 2); // 'B3'
 */
export function cellAddress(row: number, column: number): string {
  return columnLetters(column) + row;
}

/**
 * Splits `B3` into row and column.
 *
 * @example
 * decodeCell('$B$3'); // { row: 3, column: 2 }
 */
export function decodeCell(address: string): { row: number; column: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`Not a cell address: '${address}'. Use the A1 form, e.g. 'B3'.`);
  return { row: Number(m[2]), column: columnNumber(m[1]) };
}

/**
 * Reads `B3:D5` (or a single cell) as a range.
 *
 * @example
 * decodeRef('B3:D5'); // { top: 3, left: 2, bottom: 5, right: 4 }
 */
export function decodeRef(ref: string): CellRange {
  const [a, b = a] = ref.split(':');
  const from = decodeCell(a), to = decodeCell(b);
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.column, to.column),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.column, to.column),
  };
}

/**
 * Writes a range as `B3:D5`.
 *
 * @example
 * encodeRef({ top: 3, left: 2, bottom: 5, right: 4 }); // 'B3:D5'
 */
export function encodeRef(range: CellRange): string {
  return `${cellAddress(range.top, range.left)}:${cellAddress(range.bottom, range.right)}`;
}
