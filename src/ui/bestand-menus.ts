/**
 * The toolbar's "Importeren" and "Exporteren" menus. Only the buttons live in the first load;
 * what they do (src/ui/bestand-acties.ts, the import and export code, exceljs when writing a
 * file) loads on the first click.
 */
import type { BuurtenImport } from '../core/import/buurten';
import type { KolomMapping } from '../core/import/mapping';
import type { WerkenImport } from '../core/import/werken';
import type { RawTable } from '../core/types';
import type { PlannerVelden } from '../worker/kaart-model';
import type { KoppelkaartApp } from './app';
import { el } from './dom';

/** Where the workbook is: the page's .xlsx bytes or the open Excel workbook. */
export interface WerkboekHost {
  /** status and notitie edits made in the list since then */
  edits(): ReadonlyMap<string, PlannerVelden>;
  /** the tables an import builds on, as they are now; null when no workbook is open */
  tabellen(): Promise<{ werken?: RawTable; buurten?: RawTable; bronnen: Map<string, KolomMapping> } | null>;
  /** writes a works import (rows, Controle, the remembered mapping) and analyses again; returns Dutch notes */
  schrijfWerken(imp: WerkenImport, bron: string): Promise<string[]>;
  /** writes a buurten import (rows, Controle) and analyses again; returns Dutch notes */
  schrijfBuurten(imp: BuurtenImport): Promise<string[]>;
  /** adds the empty planner tables the workbook lacks (or makes a new workbook); returns Dutch notes */
  nieuwWerkboek(): Promise<string[]>;
}

const acties = () => import(/* webpackChunkName: "bestand-acties" */ './bestand-acties');

function menu(id: string, titel: string, ...items: (Node | string)[]): HTMLDetailsElement {
  return el('details', { class: 'kk-menu', id }, el('summary', { class: 'kk-knop-stil' }, titel), el('div', { class: 'kk-menu-items', role: 'menu' }, ...items));
}

function item(id: string, tekst: string, doe: () => unknown): HTMLButtonElement {
  const b = el('button', { type: 'button', class: 'kk-menu-item', id, role: 'menuitem' }, tekst);
  b.addEventListener('click', () => {
    b.closest('details')?.removeAttribute('open');
    void doe();
  });
  return b;
}

function bestandKiezer(id: string, accept: string, doe: (f: File) => Promise<void>): HTMLInputElement {
  const input = el('input', { type: 'file', id, accept, hidden: '' });
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) await doe(file);
  });
  return input;
}

/**
 * Adds both menus to the app's toolbar.
 *
 * @example
 * addBestandMenus(app, { edits: () => edits, tabellen, schrijfWerken, schrijfBuurten, nieuwWerkboek });
 */
export function addBestandMenus(app: KoppelkaartApp, host: WerkboekHost): void {
  const csv = bestandKiezer('import-werken-bestand', '.csv,.txt,text/csv', async (f) => (await acties()).importeerWerken(app, host, f));
  const geojson = bestandKiezer('import-buurten-bestand', '.geojson,.json,application/geo+json,application/json', async (f) => (await acties()).importeerBuurten(app, host, f));
  const rd = el('input', { type: 'checkbox', id: 'export-rd' });
  app.toolbar.append(
    menu('menu-importeren', 'Importeren',
      item('import-werken', 'Werken importeren (CSV)…', () => csv.click()),
      item('import-buurten', 'Buurten importeren (GeoJSON)…', () => geojson.click()),
      item('nieuw-werkboek', 'Nieuw werkboek', async () => (await acties()).nieuwWerkboek(app, host))),
    menu('menu-exporteren', 'Exporteren',
      item('export-meekoppelkansen', 'Meekoppelkansen (GeoJSON)', async () => (await acties()).exporteer(app, host, 'meekoppelkansen', rd.checked)),
      item('export-werken', 'Werken (GeoJSON)', async () => (await acties()).exporteer(app, host, 'werken', rd.checked)),
      el('label', { class: 'kk-check kk-menu-optie' }, rd, 'GeoJSON in RD New (EPSG:28992)'),
      item('export-csv', 'Meekoppelkansen (CSV voor Excel)', async () => (await acties()).exporteer(app, host, 'csv', false)),
      item('export-png', 'Kaart als afbeelding (PNG)', async () => (await acties()).exporteerPng(app))),
    csv, geojson);
}
