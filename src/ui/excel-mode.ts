/**
 * The task pane inside Excel: reads the werkboek with src/excel, analyses in the worker, writes the
 * results back, and keeps the sheet and the map in step: selecting a Werken or Meekoppelkansen row
 * zooms the map to it, clicking a work or pair on the map selects its row. Edits to Werken start a
 * new analysis after a pause (a switch turns this off); list edits go straight into the sheet.
 */
import type { RawWerkboek } from '../core/types';
import type { RowSelection } from '../excel';
import { debounce } from '../excel/debounce';
import type { Selectie } from '../map/kaart';
import type { PlannerVelden } from '../worker/kaart-model';
import { KoppelkaartApp } from './app';
import { addBestandMenus, type WerkboekHost } from './bestand-menus';
import { el } from './dom';
import { rijIndex, writeCell, type RijIndex } from './excel-sheet';

// the adapter (and the werkboek model under it) loads after the pane shows: a smaller first load
const adapter = () => import(/* webpackChunkName: "excel" */ '../excel');

/** wait this long after the last edit to Werken before analysing again */
export const HERANALYSE_PAUZE_MS = 1500;

/** Starts the task pane in `root` (call after Office.onReady). */
export function startExcel(root: HTMLElement, opties: { basemap?: boolean } = {}): KoppelkaartApp {
  // where the pairs' rows are after the last write, for list edits
  let paren: RijIndex | undefined;
  let luistert = false;
  // the workbook as last read, and the list edits since (the export's Meekoppelkansen columns)
  const edits = new Map<string, PlannerVelden>();
  const app = new KoppelkaartApp(root, {
    basemap: opties.basemap,
    // the task pane reads its tables from Excel: no .xlsx, so exceljs need not be warmed
    opwarmenMetXlsx: false,
    onSelect: (s) => void selectInSheet(s),
    onEdit: (id, v) => {
      edits.set(id, v);
      void editInSheet(id, v.status, v.notitie);
    },
  });
  const analyseer = el('button', { type: 'button', class: 'kk-knop', id: 'analyseer' }, 'Analyseer');
  const auto = el('input', { type: 'checkbox', id: 'auto-analyse', checked: '' });
  app.toolbar.append(analyseer, el('label', { class: 'kk-check' }, auto, 'Opnieuw na wijzigingen in Werken'));
  const opnieuw = debounce(() => void run(), HERANALYSE_PAUZE_MS);
  auto.addEventListener('change', () => auto.checked || opnieuw.cancel());

  // after an import the map follows without writing results: Controle keeps the import's problems
  async function run(schrijf = true): Promise<void> {
    try {
      app.setStatus('Werkboek lezen…');
      const { readWerkboekFromExcel, writeResults } = await adapter();
      const raw: RawWerkboek = await Excel.run((context) => readWerkboekFromExcel(context));
      edits.clear();
      const r = await app.analyse(raw);
      if (!r || !schrijf) return;
      const report = await Excel.run((context) =>
        writeResults(context, { pairs: r.paren, werken: r.werkboek.werken, problems: r.werkboek.problems, existing: raw }));
      const after = await Excel.run((context) => readWerkboekFromExcel(context));
      paren = after.meekoppelkansen ? rijIndex(after.meekoppelkansen, ['id']) : undefined;
      const c = report.meekoppelkansen.changes;
      app.setStatus([`${r.paren.length} meekoppelkansen: ${c.added} nieuw, ${c.vervallen} vervallen. Geschreven naar blad ${report.meekoppelkansen.sheet}.`, ...report.meldingen].join(' '));
      if (!luistert) await listen();
    } catch (error) {
      app.setStatus(`Excel: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  // the row the pane itself selected: its selection event must not zoom the map again
  let eigenSelectie: string | null = null;
  async function listen(): Promise<void> {
    luistert = true;
    const { onSelection, onWerkenChanged } = await adapter();
    await Excel.run((context) => onSelection(context, (s: RowSelection) => {
      const key = `${s.table}:${s.id}`;
      if (key === eigenSelectie) {
        eigenSelectie = null;
        return;
      }
      app.selectFromHost({ soort: s.table === 'Werken' ? 'werk' : 'paar', id: s.id });
    }));
    await Excel.run((context) => onWerkenChanged(context, () => {
      if (!auto.checked) return;
      app.setStatus('Werken gewijzigd: zo dadelijk opnieuw analyseren…');
      opnieuw.call();
    }));
  }

  async function selectInSheet(s: Selectie): Promise<void> {
    const table = s.soort === 'paar' ? 'Meekoppelkansen' : 'Werken';
    eigenSelectie = `${table}:${s.id}`;
    const { selectRow } = await adapter();
    const found = await Excel.run((context) => selectRow(context, table, s.id)).catch(() => false);
    if (!found) eigenSelectie = null;
  }

  async function editInSheet(id: string, status: string, notitie: string): Promise<void> {
    const rij = paren?.rijVan.get(id);
    if (!paren || !rij) return;
    await writeCell(paren.table, rij, 'status', status);
    await writeCell(paren.table, rij, 'notitie', notitie);
  }

  addBestandMenus(app, excelHost(edits, () => run(false)));
  analyseer.addEventListener('click', () => void run());
  void run();
  return app;
}

/** The open workbook as the menus' host: imports go in through src/excel, then a new analysis. */
function excelHost(edits: ReadonlyMap<string, PlannerVelden>, analyseer: () => Promise<void>): WerkboekHost {
  return {
    edits: () => edits,
    async tabellen() {
      const { readWerkboekFromExcel, readBronnenFromExcel } = await adapter();
      const nu = await Excel.run((context) => readWerkboekFromExcel(context));
      const bronnen = await Excel.run((context) => readBronnenFromExcel(context));
      return { werken: nu.werken, buurten: nu.buurten, bronnen };
    },
    async schrijfWerken(imp, bron) {
      const { applyWerkenImport, saveBron } = await adapter();
      const report = await Excel.run((context) => applyWerkenImport(context, imp));
      const bewaard = await Excel.run((context) => saveBron(context, bron, imp.mapping));
      await analyseer();
      return [...report.meldingen, ...bewaard.meldingen];
    },
    async schrijfBuurten(imp) {
      const { applyBuurtenImport } = await adapter();
      const report = await Excel.run((context) => applyBuurtenImport(context, imp));
      await analyseer();
      return report.meldingen;
    },
    async nieuwWerkboek() {
      const { createNieuwWerkboek } = await adapter();
      const report = await Excel.run((context) => createNieuwWerkboek(context));
      await analyseer();
      return report.meldingen;
    },
  };
}
