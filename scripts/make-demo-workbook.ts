/**
 * Builds the Utrecht demo workbook `assets/koppelkaart-demo-utrecht.xlsx` from `assets/data/`
 * (`npm run make:demo`). Seeded, so every run gives the same file.
 *
 * Sheets: Lees mij, Buurten, Werken, Koppelkansen, Regels; each table a real Excel table.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon } from 'geojson';
import { Random } from './demo/random';
import { werken, type Straat } from './demo/werken';
import { buurtRijen, ILLUSTRATIEF_NOTE, KOPPELKANSEN, KOPPELKANSEN_HEADERS, REGELS, type BuurtProps } from './demo/tabellen';

export const SEED = 2026;
const ROOT = join(__dirname, '..');
export const DEMO_PATH = join(ROOT, 'assets', 'koppelkaart-demo-utrecht.xlsx');
/** fixed timestamps inside the file, so the bytes do not change from run to run */
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(join(ROOT, 'assets', 'data', name), 'utf8')) as T;
}

type Cell = string | number | Date | null;

/** a sheet holding one real Excel table at A1, with filter buttons and sensible widths */
function addTableSheet(wb: ExcelJS.Workbook, name: string, headers: string[], rows: Cell[][], widths: Record<string, number> = {}): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addTable({
    name, ref: 'A1', headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: headers.map((h) => ({ name: h, filterButton: true })),
    rows,
  });
  headers.forEach((h, i) => {
    ws.getColumn(i + 1).width = widths[h] ?? Math.max(12, h.length + 4);
  });
}

function straten(): Straat[] {
  const fc = readJson<FeatureCollection<LineString, { straat: string; buurten: string; lengte_m: number }>>('straten.geojson');
  return fc.features.map((f) => ({ naam: f.properties.straat, buurten: f.properties.buurten.split(' '), line: f as Feature<LineString>, lengteM: f.properties.lengte_m }));
}

/**
 * The demo workbook's bytes.
 *
 * @example
 * writeFileSync('demo.xlsx', await makeDemoWorkbook());
 */
export async function makeDemoWorkbook(): Promise<Uint8Array> {
  const random = new Random(SEED);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Koppelkaart';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;

  const leesMij = wb.addWorksheet('Lees mij');
  leesMij.getColumn(1).width = 120;
  [
    'Koppelkaart: demowerkboek Utrecht',
    'Werken: geplande werken van alle partijen (verzonnen planning op echte straten). Koppelkansen: kansen uit de wijkaanpak. Regels: de instellingen van de analyse.',
    ILLUSTRATIEF_NOTE,
    'Meekoppelkansen en Controle worden door Koppelkaart geschreven bij elke analyse.',
  ].forEach((text, i) => { leesMij.getCell(i + 1, 1).value = text; });
  leesMij.getCell(1, 1).font = { bold: true, size: 14 };

  const buurten = readJson<FeatureCollection<Polygon | MultiPolygon, BuurtProps>>('buurten.geojson');
  const b = buurtRijen(buurten.features, random);
  addTableSheet(wb, 'Buurten', b.headers, b.rows, { buurtnaam: 24, wijknaam: 14, geometrie: 40 });

  const w = werken(straten(), random);
  const werkHeaders = ['id', 'categorie', 'eigenaar', 'titel', 'start', 'eind', 'geometrie', 'buffer_m', 'status', 'budget', 'contact'];
  addTableSheet(wb, 'Werken', werkHeaders, w.map((r) => werkHeaders.map((h) => r[h as keyof typeof r] as Cell)),
    { eigenaar: 30, titel: 44, geometrie: 40, contact: 40, start: 14, eind: 14 });
  const werkSheet = wb.getWorksheet('Werken') as ExcelJS.Worksheet;
  for (const col of [5, 6]) werkSheet.getColumn(col).numFmt = 'd-m-yyyy';
  werkSheet.getColumn(10).numFmt = '€ #,##0';

  addTableSheet(wb, 'Koppelkansen', KOPPELKANSEN_HEADERS, KOPPELKANSEN.map((r) => [...r]), { omschrijving: 70, eigenaar: 36, thema: 28 });
  addTableSheet(wb, 'Regels', ['naam', 'waarde'], REGELS.map((r) => [...r]), { naam: 26 });

  return reproducible(new Uint8Array(await wb.xlsx.writeBuffer()));
}

/** the same zip with fixed file dates, so an unchanged workbook gives unchanged bytes */
async function reproducible(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const file = zip.files[name];
    if (!file.dir) out.file(name, await file.async('uint8array'), { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

if (require.main === module) {
  makeDemoWorkbook().then((bytes) => {
    writeFileSync(DEMO_PATH, bytes);
    console.log(`${DEMO_PATH}: ${bytes.length} bytes`);
  }, (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
