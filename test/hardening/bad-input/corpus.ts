/**
 * The bad-input corpus as data: every table of a fixture werkboek as rows (header first), the
 * Controle rows each bad row must produce, and the meekoppelkansen the good rows must still form.
 * `make.ts` writes these to test/fixtures/bad-input/<werkboek>/*.json; the test reads only the files.
 */

/** A cell as stored in a fixture file (see test/fixtures/bad-input/README.md). */
export type FixtureCell =
  | string
  | number
  | boolean
  | null
  | { error: string }
  | { formula: string; result: FixtureCell }
  | { getal: 'NaN' | 'Infinity' | '-Infinity' };

/** One table file: a RawTable with the header row as `rows[0]`. */
export interface FixtureTable {
  name: string;
  sheet: string;
  headerRow: number;
  firstColumn: number;
  isTable: boolean;
  rows: FixtureCell[][];
}

/** One Controle row a bad row must produce; `melding` must match exactly, `bevat` is a stable key phrase. */
export interface ExpectedProblem {
  geval: string;
  tabel: string;
  rij: number;
  kolom: string;
  ernst: 'fout' | 'waarschuwing';
  melding?: string;
  bevat?: string;
  waarde?: string;
}

/** A meekoppelkans the good rows must form, with its categories and the buurten it touches. */
export interface ExpectedPair {
  id: string;
  categorieA: string;
  categorieB: string;
  buurten: string[];
}

/** What the whole fixture werkboek must read and analyse as, besides the Controle rows. */
export interface ExpectedResult {
  paren: ExpectedPair[];
  werken: string[];
  buurten: string[];
  koppelkansen: string[];
  regels: { afstandM: number; minOverlapM: number; minOverlapM2: number; maxTussentijdMaanden: number; zelfdeCategorie: boolean };
}

/** One fixture werkboek. */
export interface FixtureWerkboek {
  name: string;
  tables: Partial<Record<'werken' | 'buurten' | 'koppelkansen' | 'regels', FixtureTable>>;
  controle: ExpectedProblem[];
  result: ExpectedResult;
}

/** Builds a table's rows one at a time, tracking the Excel row number each gets. */
export class TableBuilder {
  readonly rows: FixtureCell[][];
  constructor(
    readonly name: string,
    readonly headers: string[],
    readonly headerRow = 1,
    readonly firstColumn = 1,
  ) {
    this.rows = [headers];
  }

  /** the Excel row number the next row gets */
  get nextRij(): number {
    return this.headerRow + this.rows.length;
  }

  /** adds a row from values by header (missing ones empty); returns its Excel row number */
  add(values: Record<string, FixtureCell>): number {
    const unknown = Object.keys(values).filter((k) => !this.headers.includes(k));
    if (unknown.length > 0) throw new Error(`TableBuilder ${this.name}: no column ${unknown.join(', ')}; add it to the headers`);
    const rij = this.nextRij;
    this.rows.push(this.headers.map((h) => (h in values ? values[h] : null)));
    return rij;
  }

  /** adds a row of cells as they are, by position */
  addRaw(cells: FixtureCell[]): number {
    const rij = this.nextRij;
    this.rows.push(cells);
    return rij;
  }

  table(): FixtureTable {
    return { name: this.name, sheet: this.name, headerRow: this.headerRow, firstColumn: this.firstColumn, isTable: true, rows: this.rows };
  }
}

/** The pair id and order regels.md gives two works: `MK-<smaller id>-<larger id>`. */
export function pair(a: [string, string], b: [string, string], buurten: string[]): ExpectedPair {
  const [x, y] = a[0] < b[0] ? [a, b] : [b, a];
  return { id: `MK-${x[0]}-${y[0]}`, categorieA: x[1], categorieB: y[1], buurten };
}
