/**
 * A works list from another system (CSV) into the Werken table: mapped, checked row by row with
 * the werkboek's own reader, and laid out in the planner's columns. Rejected rows come back as
 * RowProblems that name their CSV line; the planner's existing rows stay as they are unless the
 * rows of one eigenaar are to be replaced.
 */
import type { CellValue, RawTable, RowProblem, Werk } from '../types';
import { cellToNumber, cellToText, isEmptyCell } from '../werkboek/cells';
import { TABLES } from '../werkboek/columns';
import { dayToExcelSerial } from '../werkboek/dates';
import { mapHeaders } from '../werkboek/headers';
import { problem } from '../werkboek/problems';
import { readWerken } from '../werkboek/tables';
import type { CsvTable } from './csv';
import { type KolomMapping, NIET_OVERNEMEN, type WerkVeld, proposeMapping } from './mapping';
import { NIEUW_WERKBOEK } from './nieuw-werkboek';
import { geometryCellCount, placeRow, targetLayout } from './target';
import { locationText, type Location } from './locatie';

/** How to import. */
export interface ImportWerkenOptions {
  /** the source (file name or partner system): problems say `CSV <bron>`, and the mapping is remembered under it */
  bron: string;
  /** the planner's column mapping; headers it leaves out are mapped as `proposeMapping` does */
  mapping?: KolomMapping;
  /** a mapping remembered for this source (see `readBronnen`) */
  remembered?: KolomMapping;
  /** remove this eigenaar's rows from the Werken table first (its planner rows stay otherwise) */
  vervangEigenaar?: string;
  /** eigenaar for rows that have none; default `vervangEigenaar` */
  eigenaar?: string;
}

/** What to do to the Werken table, and why some rows are not in it. */
export interface WerkenImport {
  /** the mapping used (remember it with `bronnenTable`) */
  mapping: KolomMapping;
  /** CSV columns that fill no field */
  unmatched: string[];
  /** fields the mapping lacks; when not empty nothing is imported */
  missing: string[];
  /** the Werken table's header row after the import (its own headers first) */
  headers: string[];
  /** the new rows, in `headers` order */
  append: CellValue[][];
  /** Excel row numbers of existing rows to remove (the replaced eigenaar's) */
  remove: number[];
  /** every rejected row and every note, with its CSV line (or Werken row) */
  problems: RowProblem[];
  /** CSV rows read, rows imported, rows rejected */
  counts: { gelezen: number; toegevoegd: number; afgewezen: number; verwijderd: number };
}

const FIELDS: readonly WerkVeld[] = ['id', 'categorie', 'eigenaar', 'titel', 'start', 'eind', 'buffer_m', 'status', 'budget', 'contact'];

/**
 * Imports the rows of a CSV file for the Werken table `werken` (undefined when the workbook has none).
 *
 * @example
 * const result = importWerken(parseCsv(text), raw.werken, { bron: 'stedin.csv', vervangEigenaar: 'Stedin' });
 * result.append.length; // rows to add; result.remove: Stedin's old rows; result.problems: rejected lines
 */
export function importWerken(csv: CsvTable, werken: RawTable | undefined, options: ImportWerkenOptions): WerkenImport {
  const tabel = `CSV ${options.bron}`;
  // the given mapping first, then the remembered one, then the aliases fill the rest
  const proposal = proposeMapping(csv.headers, { ...options.remembered, ...options.mapping });
  const empty = { mapping: proposal.mapping, unmatched: proposal.unmatched, missing: proposal.missing, headers: werken?.headers ?? [], append: [], remove: [] };
  const problems: RowProblem[] = csv.errors.map((e) => problem({ tabel, rij: e.line, kolom: '' }, '', `De regel is geen geldige CSV (${e.message}). Controleer de aanhalingstekens.`));
  const unknown = Object.keys(options.mapping ?? {}).filter((h) => !csv.headers.includes(h));
  for (const h of unknown) problems.push(problem({ tabel, rij: 1, kolom: h }, h, `De koppeling noemt kolom "${h}", maar die staat niet in de kopregel. Verbeter de koppeling.`));
  if (proposal.missing.length > 0 || unknown.length > 0) {
    if (proposal.missing.length > 0) problems.push(problem({ tabel, rij: 1, kolom: '' }, csv.headers.join(', '), missingMelding(proposal.missing, proposal.unmatched)));
    return { ...empty, problems, counts: { gelezen: csv.rows.length, toegevoegd: 0, afgewezen: csv.rows.length, verwijderd: 0 } };
  }
  const byField = new Map<WerkVeld, number>();
  for (const [h, f] of Object.entries(proposal.mapping)) if (f !== NIET_OVERNEMEN) byField.set(f, csv.headers.indexOf(h));
  const eigenaar = options.eigenaar ?? options.vervangEigenaar ?? '';
  const canonical = canonicalTable(csv, byField, eigenaar, tabel);
  const read = readWerken(canonical.table);
  const repeated = (p: RowProblem) => p.kolom === 'geometrie' && canonical.located.has(p.rij);
  problems.push(...canonical.problems, ...read.problems.filter((p) => !repeated(p)).map((p) => relocate(p, csv, byField, tabel)));

  const remove = werken && options.vervangEigenaar !== undefined ? rowsOf(werken, options.vervangEigenaar, problems) : [];
  const taken = existingIds(werken, new Set(remove));
  const good: Werk[] = [];
  for (const werk of read.items) {
    const first = taken.get(werk.id);
    const line = csv.lines[werk.rij - 2];
    if (first === undefined) good.push(werk);
    else problems.push(problem({ tabel, rij: line, kolom: headerOf(csv, byField, 'id') }, werk.id,
      `Het id "${werk.id}" staat al in de tabel Werken (rij ${first}). Geef het werk een eigen id, of vervang de rijen van deze eigenaar; de regel is niet overgenomen.`));
  }
  const extras = proposal.unmatched;
  const geometryParts = Math.max(1, ...good.map((w) => geometryCellCount(canonical.geometry[w.rij - 2])));
  const layout = targetLayout({ target: werken, def: TABLES.Werken, standard: standardHeaders(), extras, addExtras: !werken, geometryParts });
  if (layout.dropped.length > 0) {
    problems.push(problem({ tabel, rij: 1, kolom: layout.dropped.join(', ') }, '', `De tabel Werken heeft geen kolom ${layout.dropped.map((d) => `"${d}"`).join(', ')}; die waarden zijn niet overgenomen. Voeg zo'n kolom aan de tabel toe, of koppel de kolom aan een veld.`, 'waarschuwing'));
  }
  const append = good.map((w) => placeRow(layout, { fields: fieldsOf(w, csv.rows[w.rij - 2], byField), geometry: canonical.geometry[w.rij - 2], extras: extrasOf(csv, w.rij - 2, extras) }));
  const rejected = new Set(problems.filter((p) => p.ernst === 'fout' && p.rij > 1).map((p) => p.rij)).size;
  return {
    mapping: proposal.mapping, unmatched: proposal.unmatched, missing: [], headers: layout.headers, append, remove,
    problems: problems.sort((a, b) => a.rij - b.rij),
    counts: { gelezen: csv.rows.length, toegevoegd: append.length, afgewezen: rejected, verwijderd: remove.length },
  };
}

function missingMelding(missing: string[], unmatched: string[]): string {
  const left = unmatched.length > 0 ? ` Kolommen zonder veld: ${unmatched.map((u) => `"${u}"`).join(', ')}.` : '';
  return `De kolommen van het bestand dekken niet alles wat een werk nodig heeft: ${missing.join(', ')} ontbreekt.${left} ` +
    'Koppel de kolommen aan de velden (bijvoorbeeld --mapping "Projectnr=id,Soort=categorie"); er is niets ingelezen.';
}

/** the header row of a new Werken table */
function standardHeaders(): string[] {
  const spec = NIEUW_WERKBOEK.find((t) => t.naam === 'Werken');
  if (!spec) throw new Error('NIEUW_WERKBOEK has no Werken table; add it to nieuw-werkboek.ts.');
  return spec.kolommen.map((k) => k.naam);
}

/** the CSV as a Werken table with canonical headers, the geometry made from whatever gives it */
function canonicalTable(csv: CsvTable, byField: ReadonlyMap<WerkVeld, number>, eigenaar: string, tabel: string) {
  const fields = FIELDS.filter((f) => byField.has(f) || (f === 'eigenaar' && eigenaar !== ''));
  const headers = [...fields, 'geometrie'];
  const problems: RowProblem[] = [];
  const geometry: string[] = [];
  // rows whose coordinates were already reported: the reader's 'empty geometry' would say it twice
  const located = new Set<number>();
  const rows = csv.rows.map((row, i) => {
    const cells: CellValue[] = fields.map((f) => {
      const text = byField.has(f) ? row[byField.get(f) as number].trim() : '';
      return text === '' ? (f === 'eigenaar' && eigenaar !== '' ? eigenaar : null) : text;
    });
    const location = locationText(row, byField as ReadonlyMap<Location, number>);
    if (!location.ok) {
      problems.push(problem({ tabel, rij: csv.lines[i], kolom: location.kolom.map((c) => csv.headers[c]).join(', ') }, location.waarde, location.melding));
      located.add(i + 2);
    }
    geometry.push(location.ok ? location.text : '');
    return [...cells, location.ok ? location.text || null : null];
  });
  const table: RawTable = { name: tabel, sheet: tabel, headerRow: 1, firstColumn: 1, headers, rows, isTable: false };
  return { table, geometry, problems, located };
}

/** a problem of the canonical table at its CSV line and header; one about a bad location is said by locationText */
function relocate(p: RowProblem, csv: CsvTable, byField: ReadonlyMap<WerkVeld, number>, tabel: string): RowProblem {
  const rij = p.rij >= 2 ? csv.lines[p.rij - 2] : p.rij;
  const kolom = headerOf(csv, byField, p.kolom as WerkVeld);
  // the reader's messages name the canonical column; the planner knows the file's header
  return { ...p, tabel, rij, kolom, melding: p.melding.split(`"${p.kolom}"`).join(`"${kolom}"`) };
}

function headerOf(csv: CsvTable, byField: ReadonlyMap<WerkVeld, number>, veld: WerkVeld | 'geometrie'): string {
  if (byField.has(veld)) return csv.headers[byField.get(veld) as number];
  if (veld === 'geometrie') {
    const pair = byField.has('x') ? ['x', 'y'] : byField.has('lat') ? ['lat', 'lon'] : [];
    return pair.map((f) => csv.headers[byField.get(f as WerkVeld) as number]).join(', ') || 'geometrie';
  }
  return veld;
}

/** the values written for one good work: dates as Excel serials, numbers as numbers */
function fieldsOf(werk: Werk, row: string[], byField: ReadonlyMap<WerkVeld, number>): Record<string, CellValue> {
  const typed = (f: WerkVeld): CellValue => (byField.has(f) ? row[byField.get(f) as number].trim() || null : null);
  const budget = typed('budget');
  const number = isEmptyCell(budget) ? undefined : cellToNumber(budget);
  return {
    id: werk.id, categorie: typed('categorie'), eigenaar: werk.eigenaar || null, titel: werk.titel || null,
    start: dayToExcelSerial(werk.start), eind: dayToExcelSerial(werk.eind), buffer_m: werk.bufferM ?? null,
    status: typed('status'), contact: typed('contact'), budget: number?.ok ? number.value : budget,
  };
}

function extrasOf(csv: CsvTable, i: number, extras: readonly string[]): Record<string, CellValue> {
  // no prototype: a CSV column headed `__proto__` is kept like any other
  const out: Record<string, CellValue> = Object.create(null);
  for (const h of extras) out[h] = csv.rows[i][csv.headers.indexOf(h)].trim() || null;
  return out;
}

/** the Excel rows of an eigenaar's works (compared without case and outer spaces) */
function rowsOf(werken: RawTable, eigenaar: string, problems: RowProblem[]): number[] {
  const col = mapHeaders(werken, TABLES.Werken).index.get('eigenaar');
  if (col === undefined) {
    problems.push(problem({ tabel: werken.name, rij: werken.headerRow, kolom: 'eigenaar' }, eigenaar,
      'De tabel Werken heeft geen kolom eigenaar, dus er zijn geen rijen vervangen. Voeg de kolom eigenaar toe.'));
    return [];
  }
  const key = eigenaar.trim().toLowerCase();
  const rows: number[] = [];
  werken.rows.forEach((row, i) => {
    const text = cellToText(row[col]);
    if (text.ok && text.value.toLowerCase() === key) rows.push(werken.headerRow + 1 + i);
  });
  return rows;
}

/** ids already in the table (except the rows being replaced) -> their Excel row */
function existingIds(werken: RawTable | undefined, removed: ReadonlySet<number>): Map<string, number> {
  const ids = new Map<string, number>();
  if (!werken) return ids;
  const col = mapHeaders(werken, TABLES.Werken).index.get('id');
  if (col === undefined) return ids;
  werken.rows.forEach((row, i) => {
    const rij = werken.headerRow + 1 + i;
    const text = cellToText(row[col]);
    if (!removed.has(rij) && text.ok && text.value !== '' && !ids.has(text.value)) ids.set(text.value, rij);
  });
  return ids;
}
