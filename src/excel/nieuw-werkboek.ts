/**
 * "Nieuw werkboek" in the open workbook: the empty planner tables of `NIEUW_WERKBOEK` (Buurten,
 * Werken, Koppelkansen, Regels with its defaults), each on a sheet of its own, with headers,
 * number formats and pick lists. A table or sheet that is already there is the planner's: it is
 * skipped and a melding says so.
 */
import { type KolomSpec, NIEUW_WERKBOEK, type TabelSpec, lijstFormule } from '../core/import/nieuw-werkboek';
import { matchTableName, normaliseHeader } from '../core/werkboek/headers';
import { EXCEL_NUMBER_FORMATS } from '../core/werkboek/meekoppelkansen';
import { excelValue } from './excel-value';
import { type WorkbookIndex, indexWorkbook } from './read';

/** the formats and pick lists reach this sheet row, as in the .xlsx a new workbook is (src/file) */
const TOT_RIJ = 10_000;

/** What `createNieuwWerkboek` did. */
export interface NieuwWerkboekReport {
  /** tables made, each on its own sheet of the same name */
  created: string[];
  /** tables left out because a table or sheet of that name is there */
  skipped: string[];
  /** a Dutch line per skipped table, saying what is there */
  meldingen: string[];
}

/** what is in the way of a new table, as a Dutch melding; undefined when nothing is */
function inTheWay(spec: TabelSpec, index: WorkbookIndex): string | undefined {
  const key = normaliseHeader(spec.naam);
  const table = index.tables.find((t) => matchTableName(t.name) === spec.naam || normaliseHeader(t.name) === key);
  if (table) return `De tabel ${spec.naam} bestaat al ("${table.name}" op blad "${table.sheet}"); Koppelkaart laat die zoals hij is.`;
  const sheet = index.sheets.find((s) => normaliseHeader(s) === key || matchTableName(s) === spec.naam);
  if (sheet) return `Er is al een blad "${sheet}"; Koppelkaart laat het zoals het is en maakt geen tabel ${spec.naam}.`;
  return undefined;
}

/** the Excel data validation of a pick list: a drop-down, refusing or only warning on other values */
function pickList(k: KolomSpec & { lijst: NonNullable<KolomSpec['lijst']> }): { rule: Excel.DataValidationRule; errorAlert: Excel.DataValidationErrorAlert } {
  // office-js takes the list without the quotes a file's formula needs
  const source = lijstFormule(k.lijst).slice(1, -1);
  return {
    rule: { list: { inCellDropDown: true, source } },
    errorAlert: {
      showAlert: true,
      style: k.lijst.strikt ? 'Stop' : 'Warning',
      title: k.naam,
      message: k.lijst.strikt ? 'Kies een waarde uit de lijst.' : `Deze ${k.naam} staat niet in de lijst; dat mag, maar controleer de spelling.`,
    },
  };
}

/** queues one table on a new sheet: header, rows, formats and pick lists down to row TOT_RIJ */
function queueTable(context: Excel.RequestContext, spec: TabelSpec): void {
  const width = spec.kolommen.length;
  const rows = spec.rijen.length > 0 ? spec.rijen : [spec.kolommen.map(() => null)];
  const ws = context.workbook.worksheets.add(spec.naam);
  // formats first, so a text column keeps what is written into it as text
  spec.kolommen.forEach((k, c) => {
    const column = ws.getRangeByIndexes(1, c, TOT_RIJ - 1, 1);
    if (k.formaat !== 'general') (column as unknown as { numberFormat: string }).numberFormat = EXCEL_NUMBER_FORMATS[k.formaat];
    if (!k.lijst) return;
    const { rule, errorAlert } = pickList(k as Parameters<typeof pickList>[0]);
    column.dataValidation.rule = rule;
    column.dataValidation.errorAlert = errorAlert;
    column.dataValidation.ignoreBlanks = true;
  });
  ws.getRangeByIndexes(0, 0, 1, width).values = [spec.kolommen.map((k) => k.naam)];
  ws.getRangeByIndexes(1, 0, rows.length, width).values = rows.map((r) => r.map((v, c) => excelValue(v, spec.kolommen[c].formaat === 'text')));
  ws.tables.add(ws.getRangeByIndexes(0, 0, rows.length + 1, width), true).name = spec.naam;
}

/**
 * Creates the tables of a new werkboek that the workbook lacks, in two syncs.
 *
 * @example
 * const report = await Excel.run((context) => createNieuwWerkboek(context));
 * report.created; // ['Buurten', 'Werken', 'Koppelkansen', 'Regels'] in an empty workbook
 */
export async function createNieuwWerkboek(context: Excel.RequestContext): Promise<NieuwWerkboekReport> {
  const index = await indexWorkbook(context);
  const report: NieuwWerkboekReport = { created: [], skipped: [], meldingen: [] };
  for (const spec of NIEUW_WERKBOEK) {
    const melding = inTheWay(spec, index);
    if (melding) {
      report.skipped.push(spec.naam);
      report.meldingen.push(melding);
      continue;
    }
    queueTable(context, spec);
    report.created.push(spec.naam);
  }
  if (report.created.length > 0) await context.sync();
  return report;
}
