/**
 * "Nieuw werkboek" outside Excel: the planner tables of the spec (src/core/import/nieuw-werkboek.ts)
 * as real Excel tables with formats and pick lists, in a new .xlsx file or added to an existing
 * one. A table or sheet of the same name that is already there is never touched: it is skipped
 * and the notice says so.
 */
import { NIEUW_WERKBOEK, lijstFormule, type TabelSpec } from '../core/import/nieuw-werkboek';
import type { CellValue } from '../core/types';
import { EXCEL_NUMBER_FORMATS } from '../core/werkboek/meekoppelkansen';
import { columnLetters } from './cell-ref';
import { writeOutputTable } from './output-table';
import { sameName } from './read-xlsx';
import { ensureFormats, type CellFormat } from './styles';
import { XlsxPackage } from './xlsx-package';
import { createElement, firstChild, root, type XmlDocument } from './xml';

/** pick lists reach this far down, so rows added later have them too */
export const LIJST_TOT_RIJ = 10_000;

/** a table's number formats by header */
function formatsOf(spec: TabelSpec): Record<string, CellFormat> {
  return Object.fromEntries(spec.kolommen.map((k) => [k.naam, k.formaat]));
}

/**
 * A new workbook holding the four planner tables, each on its own sheet.
 *
 * @example
 * fs.writeFileSync('nieuw.xlsx', await nieuwWerkboekXlsx());
 */
export async function nieuwWerkboekXlsx(): Promise<Uint8Array> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  for (const spec of NIEUW_WERKBOEK) {
    const ws = wb.addWorksheet(spec.naam, { views: [{ state: 'frozen', ySplit: 1 }] });
    const rows = spec.rijen.length > 0 ? spec.rijen : [spec.kolommen.map(() => null)];
    ws.addTable({
      name: spec.naam, ref: 'A1', headerRow: true, style: { theme: 'TableStyleMedium2', showRowStripes: true },
      columns: spec.kolommen.map((k) => ({ name: k.naam, filterButton: true })),
      rows: rows.map((r) => r.map((v) => (v !== null && typeof v === 'object' ? v.error : v))),
    });
    spec.kolommen.forEach((k, i) => {
      const column = ws.getColumn(i + 1);
      column.width = k.breedte;
      if (k.formaat !== 'general') column.numFmt = EXCEL_NUMBER_FORMATS[k.formaat];
      if (!k.lijst) return;
      const range = `${columnLetters(i + 1)}2:${columnLetters(i + 1)}${LIJST_TOT_RIJ}`;
      (ws as unknown as { dataValidations: { add(range: string, v: object): void } }).dataValidations.add(range, {
        type: 'list', allowBlank: true, formulae: [lijstFormule(k.lijst)], showErrorMessage: true,
        errorStyle: k.lijst.strikt ? 'stop' : 'warning', errorTitle: k.naam,
        error: k.lijst.strikt ? `Kies een waarde uit de lijst.` : `Deze ${k.naam} staat niet in de lijst; dat mag, maar controleer de spelling.`,
      });
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * Adds the planner tables a workbook lacks; one that is there (as a table or a sheet) is skipped.
 *
 * @example
 * const { bytes, notices } = await addNieuwWerkboek(fs.readFileSync('eigen.xlsx'));
 */
export async function addNieuwWerkboek(input: Uint8Array): Promise<{ bytes: Uint8Array; notices: string[] }> {
  const pkg = await XlsxPackage.open(input);
  const xf = await ensureFormats(pkg);
  const notices: string[] = [];
  for (const spec of NIEUW_WERKBOEK) {
    const tables = (await pkg.tables()).map((t) => t.name);
    const sheets = (await pkg.sheets()).map((s) => s.name);
    if ([...tables, ...sheets].some((n) => sameName(n, spec.naam))) {
      notices.push(`Er is al een tabel of werkblad '${spec.naam}'; die is overgeslagen en niet veranderd.`);
      continue;
    }
    const rows: CellValue[][] = spec.rijen.map((r) => [...r]);
    notices.push(...(await writeOutputTable(pkg, { name: spec.naam, headers: spec.kolommen.map((k) => k.naam), rows, formats: formatsOf(spec) }, xf)));
    const sheet = (await pkg.sheets()).find((s) => s.name === spec.naam);
    if (sheet) {
      addValidations(await pkg.xml(sheet.path), spec);
      pkg.touch(sheet.path);
    }
    notices.push(`Tabel '${spec.naam}' toegevoegd op een eigen werkblad.`);
  }
  return { bytes: await pkg.bytes(), notices };
}

/** the pick lists of a new sheet, placed where the schema wants them: before pageMargins */
function addValidations(doc: XmlDocument, spec: TabelSpec): void {
  const lists = spec.kolommen.map((k, i) => ({ k, i })).filter(({ k }) => k.lijst);
  if (lists.length === 0) return;
  const container = createElement(doc, 'dataValidations');
  container.setAttribute('count', String(lists.length));
  for (const { k, i } of lists) {
    const dv = createElement(doc, 'dataValidation');
    dv.setAttribute('type', 'list');
    dv.setAttribute('allowBlank', '1');
    dv.setAttribute('showErrorMessage', '1');
    if (!k.lijst?.strikt) dv.setAttribute('errorStyle', 'warning');
    dv.setAttribute('sqref', `${columnLetters(i + 1)}2:${columnLetters(i + 1)}${LIJST_TOT_RIJ}`);
    const formula = createElement(doc, 'formula1');
    formula.appendChild(doc.createTextNode(lijstFormule(k.lijst as NonNullable<typeof k.lijst>)));
    dv.appendChild(formula);
    container.appendChild(dv);
  }
  const worksheet = root(doc);
  worksheet.insertBefore(container, firstChild(worksheet, 'pageMargins'));
}
