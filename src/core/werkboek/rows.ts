/**
 * Reading the data rows of one table: a RowReader per row turns cells into values and collects
 * the row's problems; `readRows` walks a table, leaves out rows with a 'fout' and repeated keys.
 */
import type { CellValue, Day, RawTable, RdGeometry, RowProblem } from '../types';
import { parseGeometry } from '../geometry/parse';
import { type Parsed, MAX_CELL_CHARS, cellToNumber, cellToText, errorMelding, isEmptyCell } from './cells';
import type { TableDef } from './columns';
import { type DateRole, parseDay } from './dates';
import { type ColumnMap, mapHeaders } from './headers';
import { meldingen, problem } from './problems';

/** Reads the cells of one data row by canonical column name, collecting problems as it goes. */
export class RowReader {
  readonly problems: RowProblem[] = [];
  /** the text of the table's key column (id, buurtcode, naam), read once by `readRows` */
  key = '';

  constructor(
    readonly table: RawTable,
    readonly map: ColumnMap,
    readonly row: readonly CellValue[],
    /** the Excel row number a planner sees */
    readonly rij: number,
  ) {}

  /** true when the table has this column */
  has(column: string): boolean {
    return this.map.index.has(column);
  }

  /** the raw cell of a column, undefined when the table lacks the column */
  cell(column: string): CellValue | undefined {
    const col = this.map.index.get(column);
    return col === undefined ? undefined : this.row[col];
  }

  /** the column's header as typed, or the canonical name when the table lacks it */
  header(column: string): string {
    const col = this.map.index.get(column);
    return col === undefined ? column : this.table.headers[col];
  }

  /** true once any problem of this row is a 'fout': the row is left out */
  get failed(): boolean {
    return this.problems.some((p) => p.ernst === 'fout');
  }

  /** records a problem at a column of this row */
  report(column: string, melding: string, ernst: RowProblem['ernst'] = 'fout', waarde = this.cell(column)): void {
    this.problems.push(problem({ tabel: this.table.name, rij: this.rij, kolom: this.header(column) }, waarde, melding, ernst));
  }

  /** trimmed text; '' when empty or missing (a 'fout' when `required`) */
  text(column: string, required = false): string {
    const value = this.take(column, cellToText(this.cell(column)));
    if (value === undefined) return '';
    if (required && value === '') this.report(column, meldingen.required(this.header(column)));
    return value;
  }

  /** a number of at least `min`; undefined when the cell is empty */
  number(column: string, min = -Infinity): number | undefined {
    if (isEmptyCell(this.cell(column))) return undefined;
    const value = this.take(column, cellToNumber(this.cell(column)));
    if (value !== undefined && value < min) {
      this.report(column, `Het getal mag niet kleiner zijn dan ${min}. Vul ${min} of meer in.`);
      return undefined;
    }
    return value;
  }

  /** a required date, read as a period's start or eind */
  day(column: string, role: DateRole): Day | undefined {
    return this.take(column, parseDay(this.cell(column), role));
  }

  /** the geometry of `geometrie` and its continuation columns; `required` reports an empty one */
  geometry(required: boolean): RdGeometry | undefined {
    const text = this.geometryText();
    if (text === undefined) return undefined;
    if (text === '') {
      if (required) this.report('geometrie', meldingen.required(this.header('geometrie')));
      return undefined;
    }
    const parsed = parseGeometry(text);
    if (!parsed.ok) return void this.report('geometrie', this.cutAtCellLimit() ?? parsed.melding, 'fout', text);
    for (const warning of parsed.warnings) this.report('geometrie', warning, 'waarschuwing', text);
    return parsed.geometry;
  }

  /** the cells of the columns the table does not know, and of `also`, by header as typed */
  extra(also: readonly string[] = []): Record<string, CellValue> {
    // no prototype: a column the planner headed `__proto__` or `constructor` is kept like any other
    const out: Record<string, CellValue> = Object.create(null);
    for (const column of also) if (this.has(column)) out[this.header(column)] = this.cell(column) ?? null;
    for (const col of this.map.extra) out[this.table.headers[col]] = this.row[col] ?? null;
    return out;
  }

  // a last part exactly as long as a cell can hold was most likely cut off by Excel: say where the rest goes
  private cutAtCellLimit(): string | undefined {
    const cols = [this.map.index.get('geometrie'), ...this.map.geometryParts];
    let last = cols.length - 1;
    while (last > 0 && isEmptyCell(cols[last] === undefined ? null : this.row[cols[last] as number])) last--;
    const cell = cols[last] === undefined ? null : this.row[cols[last] as number];
    if (typeof cell !== 'string' || cell.length !== MAX_CELL_CHARS) return undefined;
    const next = `geometrie_${last + 2}`;
    const column = cols[last + 1] === undefined ? `Voeg een kolom "${next}" toe en zet` : `Zet`;
    return `De geometrie vult de cel tot het maximum van ${MAX_CELL_CHARS.toLocaleString('nl-NL')} tekens en breekt daar af, ` +
      `zodat de tekst niet compleet is. ${column} de rest van de tekst in "${next}" (en zo nodig verder in ` +
      `geometrie_${last + 3}, ...); de kolommen worden aaneen gelezen.`;
  }

  // the concatenated geometry text, or undefined after reporting a gap or an error cell
  private geometryText(): string | undefined {
    const cols = [this.map.index.get('geometrie'), ...this.map.geometryParts];
    const cells = cols.map((col) => (col === undefined ? null : this.row[col]));
    const names = cols.map((col, i) => (col !== undefined ? this.table.headers[col] : i === 0 ? 'geometrie' : `geometrie_${i + 1}`));
    const at = (i: number) => ({ tabel: this.table.name, rij: this.rij, kolom: names[i] });
    let last = cells.length - 1;
    while (last >= 0 && isEmptyCell(cells[last])) last--;
    const texts: string[] = [];
    for (let i = 0; i <= last; i++) {
      const cell = cells[i];
      if (isEmptyCell(cell)) {
        const melding = `${names[i]} is leeg, maar ${names[last]} niet. Een lange geometrie loopt zonder gat door de kolommen; zet de tekst aaneen.`;
        return void this.problems.push(problem(at(i), '', melding));
      }
      const text = cellToText(cell);
      if (!text.ok) return void this.problems.push(problem(at(i), cell, text.melding));
      // no trimming inside: a long text may be split at a space
      texts.push(typeof cell === 'string' ? cell : text.value);
    }
    return texts.join('').trim();
  }

  // the value of a parse, or undefined after reporting its message
  private take<T>(column: string, parsed: Parsed<T>): T | undefined {
    if (parsed.ok) return parsed.value;
    this.report(column, parsed.melding);
    return undefined;
  }
}

/** The items read from one table and every problem found in it. */
export interface TableRead<T> {
  items: T[];
  problems: RowProblem[];
}

/**
 * Reads every data row of a table with `readRow`. Blank rows are skipped; a row whose `key` column
 * repeats an earlier row's is reported and left out; a row with a 'fout' is left out, the rest goes on.
 *
 * @example
 * const { items, problems } = readRows(table, TABLES.Werken, 'id', (r) => ({ id: r.key, titel: r.text('titel') }));
 */
export function readRows<T>(
  table: RawTable,
  def: TableDef,
  key: string,
  readRow: (reader: RowReader) => T | undefined,
  duplicate: (value: string, firstRij: number) => string = (value, first) => meldingen.duplicateId(value, first),
): TableRead<T> {
  const map = mapHeaders(table, def);
  const problems: RowProblem[] = [...map.problems];
  const items: T[] = [];
  if (!map.usable) return { items, problems };
  const firstRij = new Map<string, number>();
  table.rows.forEach((row, i) => {
    if (row.every((cell) => isEmptyCell(cell))) return;
    const reader = new RowReader(table, map, row, table.headerRow + 1 + i);
    const keyText = (reader.key = reader.text(key, true));
    const first = firstRij.get(keyText);
    if (keyText !== '' && first !== undefined) reader.report(key, duplicate(keyText, first));
    else if (keyText !== '') firstRij.set(keyText, reader.rij);
    // read the whole row even after a fout, so the planner sees every problem at once
    const item = readRow(reader);
    reportUnreadErrors(reader, def);
    if (item !== undefined && !reader.failed) items.push(item);
    if (reader.failed) sayLeftOut(reader.problems);
    problems.push(...reader.problems);
  });
  return { items, problems };
}

// an error value in a column the analysis does not read (budget, an own column) is kept as it is,
// but never silently: the planner hears of it while the row still takes part
function reportUnreadErrors(reader: RowReader, def: TableDef): void {
  const unread = def.columns.filter((c) => c.type === 'any' && !c.required && !c.writtenByAddIn).map((c) => reader.map.index.get(c.name));
  for (const col of [...unread, ...reader.map.extra]) {
    const cell = col === undefined ? null : reader.row[col];
    if (cell === null || cell === undefined || typeof cell !== 'object') continue;
    const place = { tabel: reader.table.name, rij: reader.rij, kolom: reader.table.headers[col as number] };
    reader.problems.push(problem(place, cell, `${errorMelding(cell.error)} De rij doet wel mee; deze kolom telt niet mee in de analyse.`, 'waarschuwing'));
  }
}

// every fout of a left-out row says so, once, so a planner knows the row was not analysed
function sayLeftOut(problems: RowProblem[]): void {
  problems.forEach((p, i) => {
    if (p.ernst === 'fout' && !p.melding.includes('overgeslagen')) problems[i] = { ...p, melding: `${p.melding} ${meldingen.rowLeftOut}` };
  });
}
