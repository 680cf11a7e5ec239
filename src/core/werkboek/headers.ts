/**
 * Header matching: which column of a RawTable is which known column. Case, spaces, underscores,
 * hyphens, other punctuation and accents do not matter, so `Start datum`, `start_datum` and `Stárt-Datum` all match.
 */
import type { RawTable, RowProblem } from '../types';
import { type TableDef, type TableName, TABLES } from './columns';
import { isEmptyCell } from './cells';
import { columnLetter, meldingen, problem } from './problems';

/**
 * A header or table name reduced to what matters for matching: lower case letters and digits, no
 * accents; spaces, underscores, hyphens and other punctuation dropped (`Buffer (m)` is `bufferm`).
 *
 * @example
 * normaliseHeader(' Eind-Datum '); // 'einddatum'
 * normaliseHeader('Catégorie'); // 'categorie'
 */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The known table a table or sheet name stands for, matched like headers; a `tbl` prefix, as many
 * Excel users give their tables, is ignored.
 *
 * @example
 * matchTableName('werken '); // 'Werken'
 * matchTableName('tblRegels'); // 'Regels'
 * matchTableName('Blad1'); // undefined
 */
export function matchTableName(name: string): TableName | undefined {
  const key = normaliseHeader(name).replace(/^tbl/, '');
  for (const def of Object.values(TABLES)) {
    if ([def.name, ...def.aliases].some((n) => normaliseHeader(n) === key)) return def.name;
  }
  return undefined;
}

/**
 * Whether two table, sheet or column names are the same name to a planner: the header rule
 * (case, spaces, underscores, punctuation and accents ignored).
 *
 * @example
 * sameName(' Meekoppel_Kansen ', 'meekoppelkansen'); // true
 */
export function sameName(a: string, b: string): boolean {
  return normaliseHeader(a) === normaliseHeader(b);
}

/** Which column of a RawTable holds which known column. */
export interface ColumnMap {
  /** canonical column name -> column index in the table's rows */
  readonly index: ReadonlyMap<string, number>;
  /**
   * continuation columns of the geometry: entry 0 is `geometrie_2`, entry 1 `geometrie_3`, ...;
   * undefined where a number is missing
   */
  readonly geometryParts: readonly (number | undefined)[];
  /** indexes of columns the table does not know: kept as they are (`extra`, `values`) */
  readonly extra: readonly number[];
  /** false when a required column is missing: the table cannot be read */
  readonly usable: boolean;
  /** duplicates, empty headers, gaps and missing columns, at the header row */
  readonly problems: readonly RowProblem[];
}

/**
 * Maps a table's headers to the known columns of `def`. Two headers that mean the same column:
 * the first is used, the second reported. A missing required column is a 'fout' at the header row
 * and makes the table unusable.
 *
 * @example
 * const map = mapHeaders({ name: 'Werken', headers: ['ID', 'Discipline', ...], ... }, TABLES.Werken);
 * map.index.get('categorie'); // 1
 */
export function mapHeaders(table: RawTable, def: TableDef): ColumnMap {
  const targetOf = targetFinder(def);
  // canonical name or `geometrie_<n>` -> the first column that claimed it
  const claimed = new Map<string, number>();
  const extra: number[] = [];
  const problems: RowProblem[] = [];
  const at = (kolom: string) => ({ tabel: table.name, rij: table.headerRow, kolom });

  table.headers.forEach((header, col) => {
    const key = normaliseHeader(header ?? '');
    if (key === '') {
      // an empty column without a header loses nothing; one with values does
      if (table.rows.some((row) => !isEmptyCell(row[col]))) problems.push(problem(at(''), '', meldingen.emptyHeader(columnLetter(table.firstColumn + col)), 'waarschuwing'));
      return;
    }
    const target = targetOf(key);
    if (target === undefined) return void extra.push(col);
    const first = claimed.get(target);
    if (first === undefined) return void claimed.set(target, col);
    problems.push(problem(at(header), header, meldingen.duplicateColumn(target, table.headers[first]), 'waarschuwing'));
  });

  const index = new Map<string, number>();
  const parts: (number | undefined)[] = [];
  for (const [target, col] of claimed) {
    const part = /^geometrie_(\d+)$/.exec(target);
    if (part) parts[Number(part[1]) - 2] = col;
    else index.set(target, col);
  }
  for (let n = 0; n < parts.length; n++) {
    const kolom = `geometrie_${n + 2}`;
    if (parts[n] === undefined) problems.push(problem(at(kolom), '', meldingen.missingPartColumn(kolom), 'waarschuwing'));
  }
  let usable = true;
  for (const column of def.columns) {
    if (column.required && !index.has(column.name)) {
      usable = false;
      problems.push(problem(at(column.name), '', meldingen.missingColumn(column.name, column.aliases)));
    }
  }
  return { index, geometryParts: Array.from(parts), extra, usable, problems };
}

// normalised header -> canonical column name, `geometrie_<n>` for a continuation, or undefined
function targetFinder(def: TableDef): (key: string) => string | undefined {
  const lookup = aliasLookup(def);
  const parts = continuationPattern(def);
  return (key) => {
    const name = lookup.get(key);
    if (name !== undefined) return name;
    const part = parts?.exec(key);
    return part && Number(part[1]) >= 2 ? `geometrie_${Number(part[1])}` : undefined;
  };
}

// normalised header -> canonical name, the canonical names winning over aliases
function aliasLookup(def: TableDef): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const column of def.columns) {
    for (const alias of column.aliases) {
      const key = normaliseHeader(alias);
      if (!lookup.has(key)) lookup.set(key, column.name);
    }
  }
  for (const column of def.columns) lookup.set(normaliseHeader(column.name), column.name);
  return lookup;
}

// `geometrie2`, `wkt3`, ... after normalising; undefined for a table without geometry
function continuationPattern(def: TableDef): RegExp | undefined {
  const geometry = def.columns.find((c) => c.type === 'geometry');
  if (!geometry) return undefined;
  const names = [geometry.name, ...geometry.aliases].map(normaliseHeader);
  return new RegExp(`^(?:${names.join('|')})(\\d+)$`);
}
