/**
 * Writes the analysis results into an existing .xlsx file without loading and re-saving the whole
 * workbook (that would damage tables and drop charts and pivots): only the add-in's own parts are
 * added or replaced, every other part leaves the file byte for byte as it came in.
 *
 * What is written: the Meekoppelkansen sheet and table, the Controle sheet and table, the
 * `meekoppelkansen` column of the Werken table, and the cell formats those need in styles.xml.
 */
import type { CellValue, RowProblem } from '../core/types';
import { commentedPairIds } from './commented-pairs';
import { writeOutputTable } from './output-table';
import { ensureFormats, type CellFormat } from './styles';
import { writeWerkenColumn, type WerkenKolom } from './werken-column';
import { XlsxPackage } from './xlsx-package';

export type { WerkenKolom } from './werken-column';
export type { CellFormat } from './styles';

/** A table's content: header and rows (e.g. from the werkboek merge). */
export interface TableContent {
  headers: string[];
  rows: CellValue[][];
}

/**
 * Makes the Meekoppelkansen table once the writer knows which pairs carry a planner's comment in the
 * file (`metOpmerking`, pair ids): pass them to `mergeMeekoppelkansen`, as a comment is planner input.
 */
export type MeekoppelkansenMaker = (metOpmerking: ReadonlySet<string>) => TableContent & { formats?: Readonly<Record<string, CellFormat>> };

/**
 * A merged Meekoppelkansen table (formats by column index, as `mergeMeekoppelkansen` gives them) as
 * a maker's result: formats by header.
 *
 * @example
 * writeResultsXlsx(bytes, { meekoppelkansen: (metOpmerking) => withFormats(mergeMeekoppelkansen(raw, pairs, werken, { metOpmerking })), ... });
 */
export function withFormats(table: TableContent & { formats: readonly (CellFormat | null | undefined)[] }): TableContent & { formats: Record<string, CellFormat> } {
  const formats: Record<string, CellFormat> = {};
  table.headers.forEach((h, i) => {
    const f = table.formats[i];
    if (f) formats[h] = f;
  });
  return { headers: table.headers, rows: table.rows, formats };
}

/** Everything written into the workbook. */
export interface XlsxResults {
  /** the new Meekoppelkansen table, planner columns included (made by the merge, told about comments) */
  meekoppelkansen: TableContent | MeekoppelkansenMaker;
  /** the Controle table (see `controleRows`); problems found while writing are added to it */
  controle: TableContent;
  /** the meekoppelkansen column of the Werken table; left out when there is no Werken table */
  werken?: WerkenKolom;
  /** number formats by header, on top of the defaults below (a maker's own formats go on top) */
  formats?: Readonly<Record<string, CellFormat>>;
}

/** The written file and what the planner should know about it. */
export interface WriteOutcome {
  bytes: Uint8Array;
  /** problems met while writing (also added as rows of Controle) */
  problems: RowProblem[];
  /** Dutch notices, e.g. that the results went to another sheet name */
  notices: string[];
}

/** How the add-in's columns look: ids as text (so `0111` stays `0111`), overlap with 2 decimals. */
export const DEFAULT_FORMATS: Readonly<Record<string, CellFormat>> = Object.freeze({
  id: 'text',
  werk_a: 'text',
  werk_b: 'text',
  overlap: 'decimal2',
  tussentijd_dagen: 'integer',
  besparing_eur: 'euro',
  rij: 'integer',
});

/**
 * Writes the results into a copy of the workbook's bytes.
 *
 * @example
 * const out = await writeResultsXlsx(bytes, { meekoppelkansen, controle, werken: { table: raw.werken, values } });
 * fs.writeFileSync('uit.xlsx', out.bytes);
 */
export async function writeResultsXlsx(input: ArrayBuffer | Uint8Array, results: XlsxResults): Promise<WriteOutcome> {
  const pkg = await XlsxPackage.open(input);
  const xf = await ensureFormats(pkg);
  // a pair whose row carries a comment is planner input: kept (vervallen), so its comment stays on its row
  const made = typeof results.meekoppelkansen === 'function'
    ? results.meekoppelkansen(await commentedPairIds(pkg, 'Meekoppelkansen'))
    : { ...results.meekoppelkansen, formats: {} };
  const meekoppelkansen = { headers: made.headers, rows: made.rows };
  const formats = { ...DEFAULT_FORMATS, ...results.formats, ...made.formats };
  const notices = await writeOutputTable(pkg, { name: 'Meekoppelkansen', ...meekoppelkansen, formats }, xf);
  const problems = results.werken ? await writeWerkenColumn(pkg, results.werken) : [];
  const controle = {
    headers: results.controle.headers,
    rows: [...results.controle.rows, ...problems.map((p) => problemRow(results.controle.headers, p))],
  };
  notices.push(...(await writeOutputTable(pkg, { name: 'Controle', ...controle, formats }, xf)));
  return { bytes: await pkg.bytes(), problems, notices };
}

/** a problem as a row under the given Controle headers */
function problemRow(headers: string[], p: RowProblem): CellValue[] {
  const byName: Record<string, CellValue> = { tabel: p.tabel, rij: p.rij, kolom: p.kolom, waarde: p.waarde, melding: p.melding, ernst: p.ernst };
  return headers.map((h) => byName[h.trim().toLowerCase()] ?? null);
}
