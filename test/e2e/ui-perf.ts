/**
 * UI performance in headless Chromium, for `npm run bench` (a benchmark, not a test):
 * - time from workbook loaded (read from the .xlsx) to map drawn, for the demo workbook and for
 *   10,000 generated works, split into analysis (in the worker) and drawing; the 10,000 twice:
 *   opened once the page's idle warm-up of its analysis worker is done (what a planner who picks
 *   a file gets), and opened the moment the page has loaded, before that warm-up could finish;
 * - frame times while the planner drags the map with 10,000 works drawn;
 * - the initial JS of the standalone page and the task pane, gzipped.
 *
 * @example
 *   const perf = await measureUiPerf();
 *   console.log(formatUiPerf(perf));
 * Run alone: `npx tsx test/e2e/ui-perf.ts`.
 */
import ExcelJS from 'exceljs';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { generateWerken } from '../../bench/generate';
import { startHarness, type Harness } from './harness';
import { waitForAnalysis } from './ui-helpers';

export interface LoadTiming {
  werken: number;
  paren: number;
  /** tables read from the .xlsx (in the worker) → map's model received (werkboek, analysis, model) */
  analyseMs: number;
  /** worker result received → map drawn (layers built, first canvas frame painted) */
  tekenMs: number;
  /** workbook loaded → map drawn: the two above */
  totaalMs: number;
  /** file opened → map drawn: the .xlsx read (in the worker, exceljs) as well */
  bestandMs: number;
  /** the worker's share of analyseMs: readWerkboek, the engine, the map's model */
  fasen: { werkboekMs: number; analyseMs: number; kaartMs: number };
}

export interface PanTiming {
  werken: number;
  frames: number;
  meanFrameMs: number;
  p95FrameMs: number;
  maxFrameMs: number;
  fps: number;
}

/** The page's warm-up of its analysis worker (src/worker/opwarmen.ts). */
export interface Opwarmen {
  /** page loaded → warm-up done */
  klaarNaLadenMs: number;
  /** the warm-up itself, in the worker */
  duurMs: number;
  /** its longest step: the most a request that comes meanwhile waits */
  langsteStapMs: number;
}

export interface UiPerf {
  demo: LoadTiming;
  /** 10,000 works, opened after the idle warm-up of the page's analysis worker */
  tienduizend: LoadTiming;
  /** 10,000 works, opened as soon as the page has loaded (its worker still cold or warming) */
  tienduizendDirect: LoadTiming;
  /** 10,000 works, opened a moment after the demo workbook was shown (the page warmed a worker for the next analysis) */
  tienduizendNaDemo: LoadTiming;
  opwarmen: Opwarmen;
  pannen: PanTiming;
  /** gzipped bytes of the scripts each page loads before any dynamic import */
  initialJsGzip: { standalone: number; taskpane: number };
}

const N = 10_000;

/** A workbook with the real Utrecht buurten and `n` generated works (seeded), as .xlsx bytes. */
export async function generatedWorkbook(n: number, seed = 42): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const buurten = wb.addWorksheet('Buurten');
  buurten.addRow(['buurtcode', 'buurtnaam', 'wijkcode', 'wijknaam', 'geometrie']);
  const fc = JSON.parse(readFileSync(join(__dirname, '../../assets/data/buurten.geojson'), 'utf8'));
  for (const f of fc.features) {
    const p = f.properties;
    buurten.addRow([p.buurtcode, p.buurtnaam, p.wijkcode, p.wijknaam, JSON.stringify(f.geometry)]);
  }
  const werken = wb.addWorksheet('Werken');
  werken.addRow(['id', 'categorie', 'eigenaar', 'titel', 'start', 'eind', 'geometrie']);
  // Utrecht's own density (the bench's generator: a copy of the street network per ~350 works)
  for (const w of generateWerken(n, seed)) {
    werken.addRow([w.id, w.categorie, 'gemeente', `werk ${w.id}`, w.start, w.eind, w.geometrie]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// page scripts as text: tsx (the bench runner) would wrap named functions in a helper the page lacks
const LOAD_TIMING = `(() => {
  const at = (name) => performance.getEntriesByName(name, 'mark').at(-1).startTime;
  const [open, geladen, klaar, getekend] = [at('kk-bestand-geopend'), at('kk-werkboek-geladen'), at('kk-analyse-klaar'), at('kk-kaart-getekend')];
  const c = window.__koppelkaart.counts();
  return { werken: c.werken, paren: c.meekoppelkansen, analyseMs: klaar - geladen, tekenMs: getekend - klaar, totaalMs: getekend - geladen, bestandMs: getekend - open, fasen: window.__koppelkaart.fasen() };
})()`;

const START_FRAMES = `(() => {
  window.__frames = [];
  window.__recording = true;
  const tick = (t) => {
    window.__frames.push(t);
    if (window.__recording) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

const STOP_FRAMES = `(() => {
  window.__recording = false;
  return window.__frames;
})()`;

const WARM = `(() => {
  const m = performance.getEntriesByName('kk-worker-warm', 'mark').at(-1);
  const geladen = performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? 0;
  return m ? { klaarNaLadenMs: m.startTime - geladen, duurMs: m.detail.duurMs, langsteStapMs: m.detail.langsteStapMs } : null;
})()`;

const MARKS = (name: string): string => `performance.getEntriesByName('${name}', 'mark').length`;

/** Waits until the page's analysis worker is warm (the `n`-th warm-up of the page); its figures. */
export async function opwarmen(page: Page, timeout = 60_000, n = 1): Promise<Opwarmen> {
  for (let waited = 0; ; waited += 50) {
    const warm = (await page.evaluate(WARM)) as Opwarmen | null;
    if (warm && ((await page.evaluate(MARKS('kk-worker-warm'))) as number) >= n) return warm;
    if (waited > timeout) throw new Error(`the page's analysis worker was not warm after ${timeout} ms`);
    await page.waitForTimeout(50);
  }
}

export async function loadTiming(page: Page): Promise<LoadTiming> {
  return page.evaluate(LOAD_TIMING) as Promise<LoadTiming>;
}

/** Drags the map `drags` times by 200 px in 20 mouse steps each, recording every frame. */
export async function panTiming(page: Page, drags = 10): Promise<PanTiming> {
  // every work in view: the canvas paints all of them on each redraw
  await page.evaluate('window.__koppelkaart.toonAlles()');
  await page.waitForTimeout(500);
  const box = (await page.locator('#map').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.evaluate(START_FRAMES);
  for (let i = 0; i < drags; i++) {
    const dir = i % 2 === 0 ? 1 : -1;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + dir * 200, cy + dir * 60, { steps: 20 });
    await page.mouse.up();
  }
  const times = (await page.evaluate(STOP_FRAMES)) as number[];
  const deltas = times.slice(1).map((t, i) => t - times[i]).sort((a, b) => a - b);
  const mean = deltas.reduce((s, d) => s + d, 0) / deltas.length;
  const werken = ((await page.evaluate('window.__koppelkaart.counts()')) as { werken: number }).werken;
  return {
    werken, frames: deltas.length, meanFrameMs: mean,
    p95FrameMs: deltas[Math.floor(deltas.length * 0.95)], maxFrameMs: deltas[deltas.length - 1], fps: 1000 / mean,
  };
}

/** Gzipped size of the scripts a built page loads itself (not the chunks it imports later). */
export function initialJsGzip(siteDir: string, pageFile: string): number {
  const html = readFileSync(join(siteDir, pageFile), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
  return scripts.reduce((sum, src) => sum + gzipSync(readFileSync(join(siteDir, src.replace(/^\//, '')))).length, 0);
}

/** Measures everything above in one headless Chromium. */
export async function measureUiPerf(): Promise<UiPerf> {
  const harness: Harness = await startHarness({ viewport: { width: 1280, height: 800 } });
  try {
    const dir = mkdtempSync(join(tmpdir(), 'koppelkaart-perf-'));
    const file = join(dir, `werken-${N}.xlsx`);
    writeFileSync(file, await generatedWorkbook(N));

    const demoPage = await harness.open('index.html?achtergrond=uit');
    await waitForAnalysis(demoPage);
    const demo = await loadTiming(demoPage);
    // then the planner opens their own workbook: after the demo the page warmed a worker for it
    const warmups = (await demoPage.evaluate(MARKS('kk-worker-warm'))) as number;
    await opwarmen(demoPage, 60_000, warmups + 1);
    const drawn = (await demoPage.evaluate(MARKS('kk-kaart-getekend'))) as number;
    await demoPage.locator('#bestand').setInputFiles(file);
    await demoPage.waitForFunction((n) => performance.getEntriesByName('kk-kaart-getekend', 'mark').length > n, drawn, { timeout: 600_000 });
    await waitForAnalysis(demoPage, 600_000);
    const tienduizendNaDemo = await loadTiming(demoPage);
    await demoPage.close();
    // at once: the page has loaded, its worker is not warm yet
    const direct = await harness.open('index.html?achtergrond=uit&leeg');
    await direct.locator('#bestand').setInputFiles(file);
    await waitForAnalysis(direct, 600_000);
    const tienduizendDirect = await loadTiming(direct);
    await direct.close();
    // as a planner does: the page sat idle a moment (its worker warmed) before a file was picked
    const page = await harness.open('index.html?achtergrond=uit&leeg');
    const warm = await opwarmen(page);
    await page.locator('#bestand').setInputFiles(file);
    await waitForAnalysis(page, 600_000);
    const tienduizend = await loadTiming(page);
    const pannen = await panTiming(page);
    return {
      demo, tienduizend, tienduizendDirect, tienduizendNaDemo, opwarmen: warm, pannen,
      initialJsGzip: { standalone: initialJsGzip(harness.siteDir, 'index.html'), taskpane: initialJsGzip(harness.siteDir, 'taskpane.html') },
    };
  } finally {
    await harness.close();
  }
}

/** The figures as a few lines of text. */
export function formatUiPerf(p: UiPerf): string {
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const load = (l: LoadTiming) => `${ms(l.totaalMs)} (analyse ${ms(l.analyseMs)}: in de worker readWerkboek ${ms(l.fasen.werkboekMs)}, `
    + `engine ${ms(l.fasen.analyseMs)}, kaartmodel ${ms(l.fasen.kaartMs)}; tekenen ${ms(l.tekenMs)}; ${l.werken} werken, ${l.paren} paren); `
    + `bestand geopend → kaart getekend ${ms(l.bestandMs)} (met het lezen van de .xlsx in de worker)`;
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
  return [
    `UI: werkboek geladen → kaart getekend, demo: ${load(p.demo)}`,
    `UI: werkboek geladen → kaart getekend, ${N} werken (worker opgewarmd): ${load(p.tienduizend)}`,
    `UI: werkboek geladen → kaart getekend, ${N} werken (direct na laden, worker nog niet warm): ${load(p.tienduizendDirect)}`,
    `UI: werkboek geladen → kaart getekend, ${N} werken (na het demowerkboek, nieuwe worker opgewarmd): ${load(p.tienduizendNaDemo)}`,
    `UI: opwarmen van de analyse-worker: klaar ${ms(p.opwarmen.klaarNaLadenMs)} na het laden van de pagina, `
      + `${ms(p.opwarmen.duurMs)} in de worker, langste stap ${ms(p.opwarmen.langsteStapMs)}`,
    `UI: pannen met ${p.pannen.werken} werken: gemiddeld ${p.pannen.meanFrameMs.toFixed(1)} ms/frame (${p.pannen.fps.toFixed(0)} fps), p95 ${p.pannen.p95FrameMs.toFixed(1)} ms, max ${p.pannen.maxFrameMs.toFixed(1)} ms over ${p.pannen.frames} frames`,
    `UI: initiële JS gzip: standalone ${kb(p.initialJsGzip.standalone)}, taakvenster ${kb(p.initialJsGzip.taskpane)}`,
  ].join('\n');
}

if (require.main === module) {
  const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`load average before: ${load()}`);
  measureUiPerf().then(
    (p) => console.log(`${formatUiPerf(p)}\nload average after: ${load()}`),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
