/**
 * The big workbook in the standalone page (part of `npm run bench:big`; a benchmark, not a test),
 * in headless Chromium on the production build:
 * - opened through the file input: file opened → tables read → map drawn, works and pairs drawn;
 * - the longest main-thread stall while it loads and analyses (the longest gap between animation
 *   frames, and the longest long task the browser reports);
 * - peak memory: the page's JS heap (CDP Performance.getMetrics) and the RSS of the renderer
 *   process (page and worker) and of all of Chromium (sampled from /proc every 200 ms);
 * - saving: Opslaan als… clicked, the time until the download and the longest gap between frames;
 * - cancel: opened again, Annuleer clicked while the worker reads; the time until the page is
 *   back, whether the worker is gone, and the renderer's CPU use before the click and after it.
 *
 * @example
 *   const run = await measureBigPage('/tmp/big.xlsx');
 *   console.log(formatBigPage(run));
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { startHarness, type Harness } from '../test/e2e/harness';
import { waitForAnalysis } from '../test/e2e/ui-helpers';

export interface BigPageRun {
  werken: number;
  paren: number;
  /** file chosen → map drawn (reading the .xlsx in the worker included) */
  bestandTotKaartMs: number;
  /** tables read → map drawn (the figure `npm run bench` reports for 10,000 works) */
  gelezenTotKaartMs: number;
  /** the worker's part of that: readWerkboek, the engine, the map's model */
  fasen: { werkboekMs: number; analyseMs: number; kaartMs: number };
  /** longest gap between two animation frames from choosing the file to the map drawn */
  langsteFrameGatMs: number;
  /** longest long task (PerformanceObserver 'longtask') in that time */
  langsteTaakMs: number;
  /** highest JS heap of the page's main thread */
  heapPiekMb: number;
  /** highest RSS of the renderer process(es): the page, its worker, the canvas */
  rendererPiekMb: number;
  /** highest RSS of every Chromium process together */
  chromiumPiekMb: number;
  opslaan: { ms: number; langsteFrameGatMs: number; bytes: number };
  annuleer: { seconden: number; terugMs: number; workersVoor: number; workersNa: number; workerWegMs: number | null; cpuVoorMs: number; cpuNaMs: number; state: string };
}

/** pid → [ppid, rss bytes, utime+stime ms, is renderer] for every process we can read */
function processen(): Map<number, { ppid: number; rss: number; cpuMs: number; renderer: boolean }> {
  const out = new Map<number, { ppid: number; rss: number; cpuMs: number; renderer: boolean }>();
  const tick = 100; // USER_HZ on Linux
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // the command may hold spaces and parentheses: fields start after the last ')'
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      out.set(Number(name), {
        ppid: Number(f[1]), rss: Number(f[21]) * 4096, cpuMs: ((Number(f[11]) + Number(f[12])) * 1000) / tick,
        renderer: cmd.includes('--type=renderer'),
      });
    } catch {
      // a process that ended while we looked
    }
  }
  return out;
}

/** our own Chromium: every process below this node process */
function chromium(): { rss: number; rendererRss: number; rendererCpuMs: number } {
  const ps = processen();
  const mine = new Set<number>([process.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, p] of ps) {
      if (mine.has(pid) || !mine.has(p.ppid)) continue;
      mine.add(pid);
      grew = true;
    }
  }
  mine.delete(process.pid);
  let rss = 0, rendererRss = 0, rendererCpuMs = 0;
  for (const pid of mine) {
    const p = ps.get(pid)!;
    rss += p.rss;
    if (p.renderer) {
      rendererRss += p.rss;
      rendererCpuMs += p.cpuMs;
    }
  }
  return { rss, rendererRss, rendererCpuMs };
}

const MB = 1024 * 1024;

/** samples memory until stopped; the peaks */
function sampler(cdp: CDPSession): { stop(): Promise<{ heap: number; renderer: number; all: number }> } {
  let [heap, renderer, all] = [0, 0, 0];
  let busy = false;
  const timer = setInterval(async () => {
    const c = chromium();
    renderer = Math.max(renderer, c.rendererRss);
    all = Math.max(all, c.rss);
    if (busy) return;
    busy = true;
    try {
      const { metrics } = await cdp.send('Performance.getMetrics');
      heap = Math.max(heap, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
    } catch {
      // the page is closing
    } finally {
      busy = false;
    }
  }, 200);
  return {
    async stop() {
      clearInterval(timer);
      return { heap: heap / MB, renderer: renderer / MB, all: all / MB };
    },
  };
}

// page scripts as text (tsx would wrap named functions in a helper the page lacks)
const START_STALL = `(() => {
  const s = window.__stall = { gat: 0, taak: 0, last: performance.now(), stop: false };
  const tick = (t) => {
    s.gat = Math.max(s.gat, t - s.last);
    s.last = t;
    if (!s.stop) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) s.taak = Math.max(s.taak, e.duration);
  }).observe({ type: 'longtask' });
})()`;
const STOP_STALL = `(() => { window.__stall.stop = true; return window.__stall; })()`;
const TIMING = `(() => {
  const at = (name) => performance.getEntriesByName(name, 'mark').at(-1).startTime;
  const c = window.__koppelkaart.counts();
  return { werken: c.werken, paren: c.meekoppelkansen,
    bestand: at('kk-kaart-getekend') - at('kk-bestand-geopend'), gelezen: at('kk-kaart-getekend') - at('kk-werkboek-geladen'),
    fasen: window.__koppelkaart.fasen() };
})()`;

async function openBig(harness: Harness, file: string): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await harness.open('index.html?achtergrond=uit&leeg');
  const cdp = await harness.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.evaluate(START_STALL);
  await page.locator('#bestand').setInputFiles(file);
  return { page, cdp };
}

async function opslaan(page: Page): Promise<BigPageRun['opslaan']> {
  await page.evaluate(START_STALL);
  const t0 = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 1_800_000 }), page.locator('#opslaan').click()]);
  const ms = Date.now() - t0;
  const stall = (await page.evaluate(STOP_STALL)) as { gat: number };
  const file = await download.path();
  return { ms, langsteFrameGatMs: stall.gat, bytes: file ? statSync(file).size : 0 };
}

async function annuleer(harness: Harness, file: string, seconden: number): Promise<BigPageRun['annuleer']> {
  const { page } = await openBig(harness, file);
  await page.locator('#voortgang').waitFor({ state: 'visible' });
  await page.waitForTimeout(seconden * 1000 - 2000);
  // the renderer's CPU while the worker reads, as a yardstick for after
  const cpuV = chromium().rendererCpuMs;
  await page.waitForTimeout(2000);
  const cpuVoorMs = chromium().rendererCpuMs - cpuV;
  const workersVoor = page.workers().length;
  // the worker analysing now; after the click it must end (the page then warms another for the next analysis)
  const ended = Promise.all(page.workers().map((w) => new Promise<number>((ok) => w.on('close', () => ok(Date.now())))));
  const t0 = Date.now();
  await page.locator('#annuleer').click();
  await page.waitForFunction(() => window.__koppelkaart?.state() !== 'bezig');
  const terugMs = Date.now() - t0;
  const state = (await page.evaluate('window.__koppelkaart.state()')) as string;
  // a second to settle (the ended worker's heap is freed), then three seconds counted
  await page.waitForTimeout(1000);
  const cpu0 = chromium().rendererCpuMs;
  await page.waitForTimeout(3000);
  const cpuNaMs = chromium().rendererCpuMs - cpu0;
  const workersNa = page.workers().length;
  const eind = await Promise.race([ended, new Promise<null>((ok) => setTimeout(() => ok(null), 10_000))]);
  const workerWegMs = eind ? Math.max(...eind) - t0 : null;
  await page.close();
  return { seconden, terugMs, workersVoor, workersNa, workerWegMs, cpuVoorMs, cpuNaMs, state };
}

/** Opens `file` in the standalone page and measures everything above. */
export async function measureBigPage(file: string, annuleerNaSeconden = 5): Promise<BigPageRun> {
  const harness = await startHarness({ viewport: { width: 1280, height: 800 } });
  try {
    const { page, cdp } = await openBig(harness, file);
    const mem = sampler(cdp);
    await waitForAnalysis(page, 1_800_000);
    const stall = (await page.evaluate(STOP_STALL)) as { gat: number; taak: number };
    const peak = await mem.stop();
    const t = (await page.evaluate(TIMING)) as { werken: number; paren: number; bestand: number; gelezen: number; fasen: BigPageRun['fasen'] };
    const opgeslagen = await opslaan(page);
    await page.close();
    return {
      werken: t.werken, paren: t.paren, bestandTotKaartMs: t.bestand, gelezenTotKaartMs: t.gelezen, fasen: t.fasen,
      langsteFrameGatMs: stall.gat, langsteTaakMs: stall.taak,
      heapPiekMb: peak.heap, rendererPiekMb: peak.renderer, chromiumPiekMb: peak.all, opslaan: opgeslagen,
      annuleer: await annuleer(harness, file, annuleerNaSeconden),
    };
  } finally {
    await harness.close();
  }
}

/** The figures as a few lines of text. */
export function formatBigPage(r: BigPageRun): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const mb = (v: number) => `${v.toFixed(0)} MB`;
  const a = r.annuleer;
  return [
    `page: ${r.werken} works, ${r.paren} pairs drawn; file chosen → map drawn ${s(r.bestandTotKaartMs)}, tables read → map drawn ${s(r.gelezenTotKaartMs)} `
      + `(worker: readWerkboek ${s(r.fasen.werkboekMs)}, engine ${s(r.fasen.analyseMs)}, map model ${s(r.fasen.kaartMs)})`,
    `page: longest main-thread stall: ${r.langsteFrameGatMs.toFixed(0)} ms between frames, longest long task ${r.langsteTaakMs.toFixed(0)} ms`,
    `page: peak memory: main-thread JS heap ${mb(r.heapPiekMb)}, renderer RSS (page + worker) ${mb(r.rendererPiekMb)}, all Chromium ${mb(r.chromiumPiekMb)}`,
    `page: save (Opslaan als…): download after ${s(r.opslaan.ms)}, ${(r.opslaan.bytes / 1e6).toFixed(1)} MB; longest gap between frames meanwhile ${r.opslaan.langsteFrameGatMs.toFixed(0)} ms`,
    `page: cancel after ${a.seconden} s: page back (state ${a.state}) in ${a.terugMs} ms; the analysing worker `
      + `${a.workerWegMs === null ? 'did NOT end within 10 s' : `ended ${a.workerWegMs} ms after the click`}; workers ${a.workersVoor} → ${a.workersNa} `
      + `(the page then warms a worker for the next analysis); renderer CPU: ${a.cpuVoorMs} ms in the 2 s before the click, `
      + `${a.cpuNaMs} ms in 3 s from 1 s after it (that warm-up)`,
  ].join('\n');
}
