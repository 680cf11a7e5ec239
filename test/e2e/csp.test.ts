/**
 * Issue 8, "Nothing leaks": both pages carry a Content-Security-Policy that allows only their own
 * origin, office.js's origin (task pane only) and the PDOK tile host; the browser enforces it; and
 * a planner's tour of each page contacts no other host.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildFakeOffice } from '../fake-office/build';
import { seedFromRawWerkboek } from '../fake-office/seed';
import { readXlsx } from '../../src/file/read-xlsx';
import { OFFICE_JS_URL, TILE_ORIGIN, startHarness, type Harness } from './harness';
import { DEMO, waitForAnalysis } from './ui-helpers';

const OFFICE_ORIGIN = 'https://appsforoffice.microsoft.com';
const TILE = /^https:\/\/service\.pdok\.nl\/brt\/achtergrondkaart\/wmts\/v2_0\/grijs\/EPSG:3857\/\d+\/\d+\/\d+\.png$/;
/** a host the pages must never reach */
const ELDERS = 'https://example.org';

type Policy = Record<string, string[]>;

/** `a b; c d e` → `{ a: ['b'], c: ['d', 'e'] }` (directive names lower case, as CSP reads them) */
function parsePolicy(text: string): Policy {
  const policy: Policy = {};
  for (const part of text.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    expect(policy[name.toLowerCase()]).toBeUndefined();
    policy[name.toLowerCase()] = sources;
  }
  return policy;
}

/** The policies a page is served with: its response header and its meta tags, and where the meta sits. */
async function policiesOf(harness: Harness, path: string): Promise<{ policies: Policy[]; metaFirst: boolean }> {
  const page = await harness.context.newPage();
  const response = await page.goto(new URL(path, harness.baseUrl).href);
  const header = response!.headers()['content-security-policy'];
  const meta = await page.evaluate(() => {
    const metas = [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]')] as HTMLMetaElement[];
    // a meta policy covers only what comes after it: it must precede every script and stylesheet
    const first = document.head.querySelector('meta[http-equiv="Content-Security-Policy" i], script, link[rel=stylesheet]');
    return { contents: metas.map((m) => m.content), first: first?.localName === 'meta' && metas.every((m) => m.parentElement === document.head) };
  });
  await page.close();
  return { policies: [...(header ? [header] : []), ...meta.contents].map(parsePolicy), metaFirst: meta.first };
}

const origins = (sources: string[]) => sources.filter((s) => /^[a-z][a-z0-9+.-]*:\/\/|^\*|^[^':]+\.[a-z]/i.test(s));

describe('the Content-Security-Policy of the built pages', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  }, 300_000);
  afterAll(() => harness?.close());

  it.each([
    ['index.html', false],
    ['taskpane.html', true],
  ])('%s allows only its own origin, the tile host and (task pane) office.js, never inline or eval script', async (path, office) => {
    const { policies, metaFirst } = await policiesOf(harness, `${path}?leeg&achtergrond=uit`);
    expect(policies).toHaveLength(1);
    expect(metaFirst).toBe(true);
    const [policy] = policies;
    expect(new URL(OFFICE_JS_URL).origin).toBe(OFFICE_ORIGIN);
    expect(TILE_ORIGIN).toBe('https://service.pdok.nl');
    // the origins per directive, exactly
    const perDirective = Object.fromEntries(Object.entries(policy).map(([d, s]) => [d, origins(s)]));
    expect(perDirective).toEqual({
      'default-src': [], 'script-src': office ? [OFFICE_ORIGIN] : [], 'style-src': [], 'img-src': [TILE_ORIGIN],
      'connect-src': [], 'worker-src': [], 'object-src': [], 'base-uri': [], 'form-action': [],
    });
    // and the whole policy: 'self' everywhere, data: images only (Leaflet), inline styles only for office.js
    expect(policy).toEqual({
      'default-src': ["'self'"],
      'script-src': office ? ["'self'", OFFICE_ORIGIN] : ["'self'"],
      'style-src': office ? ["'self'", "'unsafe-inline'"] : ["'self'"],
      'img-src': ["'self'", 'data:', TILE_ORIGIN],
      'connect-src': ["'self'"],
      'worker-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'none'"],
    });
    const all = Object.values(policy).flat();
    expect(all).not.toContain("'unsafe-eval'");
    expect(all).not.toContain("'wasm-unsafe-eval'");
    expect(all.filter((s) => s.includes('*'))).toEqual([]);
    for (const d of ['script-src', 'default-src']) expect(policy[d]).not.toContain("'unsafe-inline'");
  });

  it.each(['index.html', 'taskpane.html'])('%s: the browser enforces it on scripts, handlers, eval, fetch, images and workers', async (path) => {
    const page = await harness.open(`${path}?leeg&achtergrond=uit`);
    const blockedBefore = harness.blockedRequests.length;
    const result = await page.evaluate(inject, ELDERS);
    expect(result.ran).toEqual({});
    expect(result.evalRefused).toBe(true);
    expect(result.functionRefused).toBe(true);
    expect(result.fetchRefused).toBe(true);
    expect(result.workerRefused).toBe(true);
    expect(new Set(result.violations.map((v) => v.directive))).toEqual(
      new Set(['script-src-elem', 'script-src-attr', 'script-src', 'connect-src', 'img-src', 'worker-src']));
    // refused by the page itself: the foreign host was never even asked
    expect(harness.blockedRequests.slice(blockedBefore).filter((u) => u.startsWith(ELDERS))).toEqual([]);
    expect(result.violations.filter((v) => v.blocked.startsWith('http')).map((v) => new URL(v.blocked).origin))
      .toEqual(expect.arrayContaining([ELDERS]));
    await page.close();
  });

  it('lets through what it allows: office.js\'s host for scripts in the task pane, the tile host for images', async () => {
    const page = await harness.open('taskpane.html?leeg&achtergrond=uit');
    const before = harness.blockedRequests.length;
    await page.evaluate(([office, tile]) => {
      const s = document.createElement('script');
      s.src = `${office}/lib/1/hosted/probe.js`;
      document.head.appendChild(s);
      new Image().src = `${tile}/brt/achtergrondkaart/wmts/v2_0/grijs/EPSG:3857/6/32/21.png`;
      return new Promise((ok) => setTimeout(ok, 500));
    }, [OFFICE_ORIGIN, TILE_ORIGIN]);
    // allowed by the policy, so the request goes out (and the harness stops it at the network)
    expect(harness.blockedRequests.slice(before).sort()).toEqual([
      `${OFFICE_ORIGIN}/lib/1/hosted/probe.js`, `${TILE_ORIGIN}/brt/achtergrondkaart/wmts/v2_0/grijs/EPSG:3857/6/32/21.png`,
    ]);
    await page.close();
  });

  it('is what stops the injected script: without the policy the same injection runs', async () => {
    const context = await harness.context.browser()!.newContext({ bypassCSP: true });
    try {
      await context.route('**/*', (r) => (new URL(r.request().url()).hostname === '127.0.0.1' ? r.continue() : r.abort()));
      const page = await context.newPage();
      await page.goto(`${harness.baseUrl}index.html?leeg&achtergrond=uit`);
      const result = await page.evaluate(inject, ELDERS);
      expect(result.ran).toEqual({ inline: 1, attr: 1, eval: 1, function: 1, timer: 1 });
      expect(result.workerRefused).toBe(false);
      expect(result.violations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/** Runs in the page: tries every way in that the policy should close, and reports what got through. */
async function inject(elders: string) {
  const violations: { directive: string; blocked: string }[] = [];
  document.addEventListener('securitypolicyviolation', (e) => violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }));
  const w = window as unknown as Record<string, number | undefined>;
  const script = document.createElement('script');
  script.textContent = 'window.__csp_inline = 1';
  document.body.appendChild(script);
  const foreign = document.createElement('script');
  foreign.src = `${elders}/tracker.js`;
  document.body.appendChild(foreign);
  const div = document.createElement('div');
  div.innerHTML = '<img src="x" onerror="window.__csp_attr = 1">';
  document.body.appendChild(div);
  const refused = (f: () => unknown) => { try { f(); return false; } catch { return true; } };
  // eval in a task of the page's own: code run by the test driver itself may eval
  const [evalRefused, functionRefused] = await new Promise<boolean[]>((ok) => setTimeout(() => ok([
    refused(() => (0, eval)('window.__csp_eval = 1')),
    refused(() => new Function('window.__csp_function = 1')()),
  ]), 0));
  // a string timer is eval too
  (setTimeout as (code: string, ms: number) => number)('window.__csp_timer = 1', 0);
  const fetchRefused = await fetch(`${elders}/beacon`).then(() => false, () => true);
  new Image().src = `${elders}/pixel.png`;
  // a refused worker fails with an error event rather than at construction
  const workerRefused = await new Promise<boolean>((ok) => {
    try {
      const worker = new Worker(URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' })));
      worker.onmessage = () => ok(false);
      worker.onerror = () => ok(true);
    } catch {
      ok(true);
    }
  });
  await new Promise((ok) => setTimeout(ok, 500));
  const ran: Record<string, number> = {};
  for (const k of ['inline', 'attr', 'eval', 'function', 'timer']) if (w[`__csp_${k}`] !== undefined) ran[k] = w[`__csp_${k}`]!;
  return { ran, evalRefused, functionRefused, fetchRefused, workerRefused, violations };
}

/** Every URL a page asked for, from the browser's side and from the harness's. */
function recordRequests(harness: Harness): () => string[] {
  const seen: string[] = [];
  harness.context.on('request', (r) => seen.push(r.url()));
  return () => [...new Set([...seen, ...harness.blockedRequests, ...harness.replacedRequests])];
}

/** Drags and wheel-zooms the map, and opens a pair from the list and on the map. */
async function panZoomAndPopups(page: Page): Promise<void> {
  const box = (await page.locator('#map').boundingBox())!;
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx - 150, cy - 80, { steps: 8 });
  await page.mouse.up();
  // a zoom asked for while Leaflet animates another is dropped: wait each one out
  const settled = async () => {
    await page.waitForTimeout(300);
    await page.waitForFunction(() => !document.querySelector('#map.leaflet-zoom-anim'));
  };
  await page.mouse.wheel(0, -600);
  await settled();
  await page.locator('.leaflet-control-zoom-out').click();
  await settled();
  const item = page.locator('#paren > li').first();
  const id = (await item.getAttribute('data-paar'))!;
  await item.locator('.kk-lijst-kop').click();
  await page.locator('#map').scrollIntoViewIfNeeded();
  const at = (await page.evaluate((p) => window.__koppelkaart!.punt('paar', p), id))!;
  const mapBox = (await page.locator('#map').boundingBox())!;
  await page.mouse.click(mapBox.x + at[0], mapBox.y + at[1]);
  await page.locator('.leaflet-popup-content .kk-popup').first().waitFor();
  await page.waitForTimeout(500);
}

/** What a tour may contact: the page's own origin, the PDOK tiles, and office.js (task pane). */
function allowed(harness: Harness, office: boolean) {
  const own = new URL(harness.baseUrl).origin;
  return (url: string) =>
    url.startsWith('blob:') || url.startsWith('data:') || new URL(url).origin === own || TILE.test(url) || (office && url === OFFICE_JS_URL);
}

describe('a planner\'s tour contacts only the page\'s origin, the PDOK tiles and office.js', () => {
  it('in the standalone page: open a workbook, analyse, pan, zoom, popups, save', async () => {
    const harness = await startHarness({ pdokTile: 'assets/icons/icon-64.png', viewport: { width: 1280, height: 800 } });
    try {
      const requests = recordRequests(harness);
      const page = await harness.open('index.html?leeg');
      await page.locator('#bestand').setInputFiles(DEMO);
      await waitForAnalysis(page);
      await page.locator('#analyseer').click();
      await waitForAnalysis(page);
      await panZoomAndPopups(page);
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#opslaan').click()]);
      expect(await download.failure()).toBeNull();
      await harness.screenshot(page, 'csp-standalone-tour');
      const urls = requests();
      expect(urls.filter((u) => !allowed(harness, false)(u))).toEqual([]);
      // the recorder does see outside requests: the base map's tiles
      expect(urls.filter((u) => TILE.test(u)).length).toBeGreaterThan(0);
      expect(harness.blockedRequests).toEqual([]);
    } finally {
      await harness.close();
    }
  }, 300_000);

  it('in the task pane (fake office.js): analyse, write to the sheets, pan, zoom, popups', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'koppelkaart-csp-office-'));
    const officeJs = await buildFakeOffice(join(dir, 'office.js'));
    const harness = await startHarness({ officeJs, pdokTile: 'assets/icons/icon-64.png', viewport: { width: 1280, height: 800 } });
    try {
      const seed = seedFromRawWerkboek(await readXlsx(readFileSync(DEMO)));
      await harness.context.addInitScript((s) => Object.assign(window, { __FAKE_OFFICE_SEED__: s }), seed);
      const requests = recordRequests(harness);
      const page = await harness.open('taskpane.html');
      await waitForAnalysis(page);
      await page.locator('#app-status', { hasText: 'Geschreven naar blad' }).waitFor({ timeout: 60_000 });
      await panZoomAndPopups(page);
      await harness.screenshot(page, 'csp-taskpane-tour');
      const urls = requests();
      expect(urls.filter((u) => !allowed(harness, true)(u))).toEqual([]);
      expect(urls).toContain(OFFICE_JS_URL);
      expect(urls.filter((u) => TILE.test(u)).length).toBeGreaterThan(0);
      expect(harness.blockedRequests).toEqual([]);
    } finally {
      await harness.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
