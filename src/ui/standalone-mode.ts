/**
 * The standalone page (no Excel): open an .xlsx by file picker or drag and drop, analyse it, edit
 * statuses and notes in the list, save the annotated workbook as a new .xlsx download.
 * Opens the bundled demo workbook when started without a file.
 */
import type { PlannerVelden } from '../worker/kaart-model';
import { KoppelkaartApp } from './app';
import { addBestandMenus, type WerkboekHost } from './bestand-menus';
import { el } from './dom';
import { download } from './download';

// the import's writer (exceljs among it) loads on the first import
const schrijver = () => import(/* webpackChunkName: "standalone-schrijf" */ './standalone-schrijf');

export const DEMO_WERKBOEK = 'assets/koppelkaart-demo-utrecht.xlsx';

/** the open file; its tables are read (and kept) by the analysis worker */
interface Geopend {
  naam: string;
  bytes: Uint8Array;
}

/** Starts the standalone page in `root`; `?achtergrond=uit` leaves out the base map, `?leeg` the demo. */
export function startStandalone(root: HTMLElement, location: Location = window.location): KoppelkaartApp {
  const params = new URLSearchParams(location.search);
  const edits = new Map<string, PlannerVelden>();
  const app = new KoppelkaartApp(root, {
    basemap: params.get('achtergrond') !== 'uit',
    onEdit: (id, v) => edits.set(id, v),
  });
  let geopend: Geopend | null = null;

  const input = el('input', { type: 'file', accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', id: 'bestand', hidden: '' });
  const open = el('button', { type: 'button', class: 'kk-knop-stil', id: 'openen' }, 'Openen…');
  const analyseer = el('button', { type: 'button', class: 'kk-knop', id: 'analyseer', disabled: '' }, 'Analyseer');
  const opslaan = el('button', { type: 'button', class: 'kk-knop-stil', id: 'opslaan', disabled: '' }, 'Opslaan als…');
  app.toolbar.append(open, analyseer, opslaan, input);
  // an import's bytes are opened and analysed again; the import's report then takes the status line
  const herlaad = async (out: { bytes: Uint8Array; notices: string[] }) => {
    await load(geopend?.naam ?? 'koppelkaart-nieuw.xlsx', out.bytes, true);
    return out.notices;
  };
  const host: WerkboekHost = {
    edits: () => edits,
    tabellen: async () => (geopend ? (await schrijver()).tabellen(geopend.bytes) : null),
    schrijfWerken: async (imp, bron) => herlaad(await (await schrijver()).schrijfWerken(geopend!.bytes, imp, bron)),
    schrijfBuurten: async (imp) => herlaad(await (await schrijver()).schrijfBuurten(geopend!.bytes, imp)),
    nieuwWerkboek: async () => herlaad(await (await schrijver()).nieuwWerkboek(geopend?.bytes)),
  };
  addBestandMenus(app, host);

  // the worker reads the file (exceljs there, not here): the page stays free, cancel works throughout
  const analyseerBestand = async () => {
    if (!geopend) return;
    opslaan.disabled = true;
    // the worker gets a copy: the page keeps the bytes to save into
    const ok = await app.analyseBestand(geopend.bytes.slice().buffer);
    opslaan.disabled = !(ok || app.resultaat);
  };
  // after an import the list's unsaved edits stay: pair ids do not change
  const load = async (naam: string, data: ArrayBuffer | Uint8Array, behoudEdits = false) => {
    performance.mark('kk-bestand-geopend');
    app.setStatus(`${naam} openen…`);
    geopend = { naam, bytes: data instanceof Uint8Array ? data : new Uint8Array(data) };
    if (!behoudEdits) edits.clear();
    analyseer.disabled = false;
    await analyseerBestand();
  };

  open.addEventListener('click', () => input.click());
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (file) await load(file.name, await file.arrayBuffer());
    input.value = '';
  });
  root.addEventListener('dragover', (e) => {
    e.preventDefault();
    root.classList.add('kk-sleep');
  });
  root.addEventListener('dragleave', () => root.classList.remove('kk-sleep'));
  root.addEventListener('drop', async (e) => {
    e.preventDefault();
    root.classList.remove('kk-sleep');
    const file = e.dataTransfer?.files[0];
    if (file) await load(file.name, await file.arrayBuffer());
  });
  analyseer.addEventListener('click', () => void analyseerBestand());
  opslaan.addEventListener('click', async () => {
    if (!geopend || !app.resultaat) return;
    await save(app, geopend, edits);
  });

  if (!params.has('leeg')) {
    void fetch(DEMO_WERKBOEK)
      .then((res) => (res.ok ? res.arrayBuffer() : Promise.reject(new Error(`${res.status}`))))
      .then((data) => load('koppelkaart-demo-utrecht.xlsx', data))
      .catch(() => app.setStatus('Open een werkboek (.xlsx) met de knop Openen of sleep het hierheen.'));
  } else app.setStatus('Open een werkboek (.xlsx) met de knop Openen of sleep het hierheen.');
  return app;
}

async function save(app: KoppelkaartApp, geopend: Geopend, edits: ReadonlyMap<string, PlannerVelden>): Promise<void> {
  app.setStatus('Opslaan…');
  try {
    // written in the worker that holds the analysis: the page stays free, also at 100,000 works
    const out = await app.opslaan(geopend.bytes.slice().buffer, edits);
    if (!out) throw new Error('er is geen analyse om op te slaan.');
    const blob = new Blob([out.bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    download(blob, geopend.naam.replace(/(\.xlsx)?$/i, '-koppelkaart.xlsx'));
    app.setStatus(['Opgeslagen als nieuw bestand.', ...out.notices].join(' '));
  } catch (error) {
    app.setStatus(`Opslaan mislukt: ${error instanceof Error ? error.message : String(error)}`);
  }
}
