/**
 * The task pane inside Excel: reads the werkboek with src/excel, analyses in the worker, writes the
 * results back, and keeps the sheet and the map in step: selecting a Werken or Meekoppelkansen row
 * zooms the map to it, clicking a work or pair on the map selects its row. Edits to Werken start a
 * new analysis after a pause (a switch turns this off); list edits go straight into the sheet.
 */
import type { RawWerkboek } from '../core/types';
import { readWerkboekFromExcel } from '../excel/read';
import { writeResults } from '../excel/write';
import type { Selectie } from '../map/kaart';
import { KoppelkaartApp } from './app';
import { el } from './dom';
import { columnsOf, onChange, onSelection, rijIndex, rowsOf, selectRow, writeCell, type RijIndex } from './excel-sheet';

/** wait this long after the last edit to Werken before analysing again */
export const HERANALYSE_PAUZE_MS = 1500;

interface Rijen {
  werken?: RijIndex;
  paren?: RijIndex;
  /** the Werken column the add-in writes: a change there alone is ours, not the planner's */
  mkKolom?: number;
}

/** Starts the task pane in `root` once office.js is ready. */
export function startExcel(root: HTMLElement, opties: { basemap?: boolean } = {}): KoppelkaartApp {
  let rijen: Rijen = {};
  let schrijven = false;
  const app = new KoppelkaartApp(root, {
    basemap: opties.basemap,
    onSelect: (s) => void selectInSheet(s),
    onEdit: (id, v) => void editInSheet(id, v.status, v.notitie),
  });
  const analyseer = el('button', { type: 'button', class: 'kk-knop', id: 'analyseer-excel' }, 'Analyseer');
  const auto = el('input', { type: 'checkbox', id: 'auto-analyse', checked: '' });
  app.toolbar.append(analyseer, el('label', { class: 'kk-check' }, auto, 'Opnieuw na wijzigingen in Werken'));

  async function run(): Promise<void> {
    try {
      app.setStatus('Werkboek lezen…');
      const raw: RawWerkboek = await Excel.run((context) => readWerkboekFromExcel(context));
      const r = await app.analyse(raw);
      if (!r) return;
      schrijven = true;
      const report = await Excel.run((context) =>
        writeResults(context, { pairs: r.paren, werken: r.werkboek.werken, problems: r.werkboek.problems, existing: raw }));
      // where the rows are now, for selection both ways
      const after = await Excel.run((context) => readWerkboekFromExcel(context));
      rijen = index(after);
      const c = report.meekoppelkansen.changes;
      app.setStatus([`${r.paren.length} meekoppelkansen: ${c.added} nieuw, ${c.vervallen} vervallen. Geschreven naar blad ${report.meekoppelkansen.sheet}.`, ...report.meldingen].join(' '));
      await listen();
    } catch (error) {
      app.setStatus(`Excel: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      // the change events of our own write arrive after it; let them pass first
      setTimeout(() => (schrijven = false), 0);
    }
  }

  const luistert = new Set<string>();
  async function listen(): Promise<void> {
    for (const t of [rijen.werken, rijen.paren]) {
      if (!t || luistert.has(t.sheet)) continue;
      luistert.add(t.sheet);
      await onSelection(t.sheet, (address) => fromSheet(t.sheet, address));
    }
    const werken = rijen.werken;
    if (werken && !luistert.has(`${werken.sheet}#changed`)) {
      luistert.add(`${werken.sheet}#changed`);
      await onChange(werken.sheet, (address) => changed(address));
    }
  }

  // the row the pane itself selected: its selection event must not zoom the map again
  let eigenSelectie: string | null = null;
  function fromSheet(sheet: string, address: string): void {
    const rows = rowsOf(address);
    if (!rows) return;
    const key = `${sheet}!${rows[0]}`;
    if (key === eigenSelectie) {
      eigenSelectie = null;
      return;
    }
    const pick = (t: RijIndex | undefined) => (t && t.sheet === sheet ? t.idOp.get(rows[0]) : undefined);
    const paar = pick(rijen.paren);
    if (paar) return app.selectFromHost({ soort: 'paar', id: paar });
    const werk = pick(rijen.werken);
    if (werk) app.selectFromHost({ soort: 'werk', id: werk });
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  function changed(address: string): void {
    const cols = columnsOf(address);
    const ours = cols && rijen.mkKolom !== undefined && cols[0] === rijen.mkKolom && cols[1] === rijen.mkKolom;
    if (schrijven || ours || !auto.checked) return;
    clearTimeout(timer);
    app.setStatus('Werken gewijzigd: zo dadelijk opnieuw analyseren…');
    timer = setTimeout(() => void run(), HERANALYSE_PAUZE_MS);
  }

  async function selectInSheet(s: Selectie): Promise<void> {
    const t = s.soort === 'paar' ? rijen.paren : rijen.werken;
    const rij = t?.rijVan.get(s.id);
    if (!t || !rij) return;
    eigenSelectie = `${t.sheet}!${rij}`;
    await selectRow(t.table, rij).catch(() => undefined);
  }

  async function editInSheet(id: string, status: string, notitie: string): Promise<void> {
    const t = rijen.paren;
    const rij = t?.rijVan.get(id);
    if (!t || !rij) return;
    await writeCell(t.table, rij, 'status', status);
    await writeCell(t.table, rij, 'notitie', notitie);
  }

  analyseer.addEventListener('click', () => void run());
  void run();
  return app;
}

function index(raw: RawWerkboek): Rijen {
  const werken = raw.werken ? rijIndex(raw.werken, ['id', 'werkid', 'nummer', 'kenmerk']) : undefined;
  const mk = raw.werken?.headers.findIndex((h) => h.trim().toLowerCase() === 'meekoppelkansen') ?? -1;
  return {
    werken,
    paren: raw.meekoppelkansen ? rijIndex(raw.meekoppelkansen, ['id']) : undefined,
    mkKolom: raw.werken && mk >= 0 ? raw.werken.firstColumn + mk : undefined,
  };
}
