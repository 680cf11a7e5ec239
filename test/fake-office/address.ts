/**
 * A1 addresses as Excel writes them: `Sheet1!A1:C3`, `'Mijn blad'!B2`. Rows and columns are 0-based
 * inside the fake, as `rowIndex` / `columnIndex` are in office-js.
 */

/** A rectangle of cells on one sheet, 0-based. */
export interface Box {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

/** `0 -> A`, `25 -> Z`, `26 -> AA`. */
export function columnLetters(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A sheet name as Excel quotes it in an address. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `Box -> 'A1:C3'` (a single cell is `A1`). */
export function formatBox(box: Box): string {
  const first = `${columnLetters(box.col)}${box.row + 1}`;
  if (box.rowCount === 1 && box.colCount === 1) return first;
  return `${first}:${columnLetters(box.col + box.colCount - 1)}${box.row + box.rowCount}`;
}

/** Splits `Sheet!A1:B2` into the sheet name (or undefined) and the local part. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** Parses a local address (`A1`, `A1:C3`, `$A$1:$C$3`); undefined when it is not one. */
export function parseBox(local: string): Box | undefined {
  const [a, b = a] = local.split(':');
  const ma = CELL.exec(a.trim());
  const mb = CELL.exec(b.trim());
  if (!ma || !mb) return undefined;
  const r1 = Number(ma[2]) - 1;
  const r2 = Number(mb[2]) - 1;
  const c1 = lettersToColumn(ma[1]);
  const c2 = lettersToColumn(mb[1]);
  if (r1 < 0 || r2 < 0) return undefined;
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  return { row, col, rowCount: Math.abs(r2 - r1) + 1, colCount: Math.abs(c2 - c1) + 1 };
}

/** True when the two boxes share a cell. */
export function intersects(a: Box, b: Box): boolean {
  return (
    a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.col < b.col + b.colCount && b.col < a.col + a.colCount
  );
}

/** True when `inner` lies wholly inside `outer`. */
export function contains(outer: Box, inner: Box): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.rowCount <= outer.row + outer.rowCount &&
    inner.col + inner.colCount <= outer.col + outer.colCount
  );
}
