/**
 * The standalone page's side of an import: the tables read out of the opened .xlsx bytes, and the
 * import written into a copy of them (src/file: only the changed table, Controle and
 * KoppelkaartBronnen change; every other part stays byte for byte). Loaded on first use.
 */
import { BRONNEN_TABEL, bronnenTable, readBronnen } from '../core/import/bronnen';
import type { BuurtenImport } from '../core/import/buurten';
import type { KolomMapping } from '../core/import/mapping';
import { NIEUW_WERKBOEK } from '../core/import/nieuw-werkboek';
import type { WerkenImport } from '../core/import/werken';
import type { RawTable, RowProblem } from '../core/types';
import { TABLES } from '../core/werkboek/columns';
import { controleRows } from '../core/werkboek/read';
import { writeImportXlsx } from '../file/import-xlsx';
import { addNieuwWerkboek, nieuwWerkboekXlsx } from '../file/nieuw-werkboek';
import { findTable, loadWorkbook } from '../file/read-xlsx';
import type { CellFormat } from '../file/styles';

/** The tables an import builds on. */
export interface ImportTabellen {
  werken?: RawTable;
  buurten?: RawTable;
  bronnen: Map<string, KolomMapping>;
  /** the KoppelkaartBronnen table as read, to update */
  bronnenRaw?: RawTable;
}

/**
 * Reads Werken, Buurten and the remembered mappings out of workbook bytes.
 *
 * @example
 * const { werken, bronnen } = await tabellen(bytes);
 */
export async function tabellen(bytes: Uint8Array): Promise<ImportTabellen> {
  const wb = await loadWorkbook(bytes.slice());
  const bronnenRaw = findTable(wb, [BRONNEN_TABEL]);
  return {
    werken: findTable(wb, [TABLES.Werken.name, ...TABLES.Werken.aliases]),
    buurten: findTable(wb, [TABLES.Buurten.name, ...TABLES.Buurten.aliases]),
    bronnen: readBronnen(bronnenRaw),
    bronnenRaw,
  };
}

function formatsOf(naam: string): Record<string, CellFormat> {
  const spec = NIEUW_WERKBOEK.find((t) => t.naam === naam);
  return Object.fromEntries((spec?.kolommen ?? []).map((k) => [k.naam, k.formaat]));
}

/** the outcome's notes; throws with the melding when nothing could be written */
function geschreven(out: { bytes: Uint8Array; problems: RowProblem[]; notices: string[] }): { bytes: Uint8Array; notices: string[] } {
  const fouten = out.problems.filter((p) => p.ernst === 'fout');
  if (fouten.length > 0) throw new Error(`er is niets geschreven. ${fouten.map((p) => p.melding).join(' ')}`);
  return { bytes: out.bytes, notices: out.notices };
}

/**
 * A works import written into a copy of the bytes, with Controle and the remembered mapping.
 *
 * @example
 * const { bytes } = await schrijfWerken(bytes, imp, 'stedin.csv');
 */
export async function schrijfWerken(bytes: Uint8Array, imp: WerkenImport, bron: string): Promise<{ bytes: Uint8Array; notices: string[] }> {
  const t = await tabellen(bytes);
  const [kop, ...rijen] = controleRows(imp.problems);
  return geschreven(await writeImportXlsx(bytes.slice(), {
    tables: [{ table: t.werken, name: 'Werken', headers: imp.headers, remove: imp.remove, append: imp.append, formats: formatsOf('Werken') }],
    bronnen: bronnenTable(t.bronnenRaw, bron, imp.mapping, new Date().toISOString().slice(0, 10)),
    controle: { headers: kop.map(String), rows: rijen },
  }));
}

/**
 * A buurten import written into a copy of the bytes, with Controle.
 *
 * @example
 * const { bytes } = await schrijfBuurten(bytes, importBuurten(json, t.buurten, { bron }));
 */
export async function schrijfBuurten(bytes: Uint8Array, imp: BuurtenImport): Promise<{ bytes: Uint8Array; notices: string[] }> {
  const t = await tabellen(bytes);
  const [kop, ...rijen] = controleRows(imp.problems);
  return geschreven(await writeImportXlsx(bytes.slice(), {
    tables: [{ table: t.buurten, name: 'Buurten', headers: imp.headers, remove: imp.remove, append: imp.append, formats: formatsOf('Buurten') }],
    controle: { headers: kop.map(String), rows: rijen },
  }));
}

/**
 * "Nieuw werkboek": the missing tables added to the opened bytes, or a new workbook when none is open.
 *
 * @example
 * const { bytes, notices } = await nieuwWerkboek(geopend?.bytes);
 */
export async function nieuwWerkboek(bytes: Uint8Array | undefined): Promise<{ bytes: Uint8Array; notices: string[] }> {
  if (!bytes) return { bytes: await nieuwWerkboekXlsx(), notices: [] };
  return addNieuwWerkboek(bytes.slice());
}
