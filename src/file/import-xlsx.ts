/**
 * Writes an import into an .xlsx file: the rows of the planner tables it changed, the remembered
 * column mappings (table KoppelkaartBronnen) and the problems (table Controle). Every other part
 * of the file stays byte for byte as it came in.
 */
import type { RowProblem } from '../core/types';
import { writeOutputTable } from './output-table';
import { writeTableRows, type TableRowsEdit } from './table-rows';
import { ensureFormats } from './styles';
import type { TableContent, WriteOutcome } from './write-xlsx';
import { XlsxPackage } from './xlsx-package';

export type { TableRowsEdit } from './table-rows';

/** Everything an import writes. */
export interface ImportWrite {
  /** the changed planner tables */
  tables: TableRowsEdit[];
  /** the KoppelkaartBronnen table (see `bronnenTable`), when a mapping is to be remembered */
  bronnen?: TableContent;
  /** the Controle table (see `controleRows`); left as it was when undefined */
  controle?: TableContent;
}

/**
 * Applies the import to a copy of the workbook's bytes.
 *
 * @example
 * const out = await writeImportXlsx(bytes, { tables: [{ table: raw.werken, name: 'Werken', headers, remove, append }] });
 */
export async function writeImportXlsx(input: Uint8Array | ArrayBuffer, write: ImportWrite): Promise<WriteOutcome> {
  const pkg = await XlsxPackage.open(input);
  const xf = await ensureFormats(pkg);
  const problems: RowProblem[] = [];
  const notices: string[] = [];
  for (const edit of write.tables) {
    const outcome = await writeTableRows(pkg, edit, xf);
    problems.push(...outcome.problems);
    notices.push(...outcome.notices);
  }
  if (write.bronnen) notices.push(...(await writeOutputTable(pkg, { name: 'KoppelkaartBronnen', ...write.bronnen }, xf)));
  if (write.controle) {
    const rows = [...write.controle.rows, ...problems.map((p) => [p.tabel, p.rij, p.kolom, p.waarde, p.melding])];
    notices.push(...(await writeOutputTable(pkg, { name: 'Controle', headers: write.controle.headers, rows, formats: { rij: 'integer' } }, xf)));
  }
  return { bytes: await pkg.bytes(), problems, notices };
}
