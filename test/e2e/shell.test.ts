import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OFFICE_JS_ONTBREEKT } from '../../src/taskpane/status';
import { OFFICE_JS_URL, TILE_ORIGIN, startHarness, type Harness } from './harness';

describe('the standalone page', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness?.close());

  it('shows the title, the map container, the Analyseer button and says it runs without Excel', async () => {
    const page = await harness.open('index.html?achtergrond=uit');
    await harness.screenshot(page, 'shell-standalone');

    await expect(page.locator('h1').textContent()).resolves.toBe('Koppelkaart');
    await expect(page.locator('#map').count()).resolves.toBe(1);
    await expect(page.locator('button#analyseer').textContent()).resolves.toBe('Analyseer');
    await expect(page.locator('#status').textContent()).resolves.toMatch(/^Standalone modus/);
  });

  it('loads its stylesheet as a file under the strict policy (Office blue button, system font)', async () => {
    const page = await harness.open('index.html?achtergrond=uit');
    const look = await page.evaluate(() => {
      const button = document.getElementById('analyseer') as HTMLButtonElement;
      // the shell starts with the button disabled (grey); enabled, it is Office blue
      button.disabled = false;
      return { background: getComputedStyle(button).backgroundColor, font: getComputedStyle(document.body).fontFamily };
    });
    expect(look.background).toBe('rgb(15, 108, 189)');
    expect(look.font).toMatch(/^"Segoe UI"/);
  });

  it('logs no console errors and contacts no host other than localhost', async () => {
    await harness.open('index.html?achtergrond=uit');
    expect(harness.consoleErrors).toEqual([]);
    expect(harness.blockedRequests).toEqual([]);
  });
});

describe('the harness network', () => {
  it('answers PDOK tile requests with a local stand-in when asked, and blocks them otherwise', async () => {
    const tile = `${TILE_ORIGIN}/brt/achtergrondkaart/wmts/v2_0/grijs/EPSG:3857/14/8414/5384.png`;
    const loadTile = (page: import('playwright-core').Page) =>
      page.evaluate(async (src) => {
        const img = new Image();
        img.src = src;
        return img.decode().then(() => img.naturalWidth, () => 0);
      }, tile);

    const withStandIn = await startHarness({ pdokTile: 'assets/icons/icon-16.png' });
    try {
      await expect(loadTile(await withStandIn.open('index.html?achtergrond=uit&leeg'))).resolves.toBe(16);
      expect(withStandIn.replacedRequests).toEqual([tile]);
      expect(withStandIn.blockedRequests).toEqual([]);
    } finally {
      await withStandIn.close();
    }

    const without = await startHarness();
    try {
      await expect(loadTile(await without.open('index.html?achtergrond=uit&leeg'))).resolves.toBe(0);
      expect(without.blockedRequests).toEqual([tile]);
    } finally {
      await without.close();
    }
  });
});

describe('the task pane page', () => {
  it('asks for office.js at its Microsoft address, which the harness blocks and records', async () => {
    const harness = await startHarness();
    try {
      const page = await harness.open('taskpane.html');
      expect(harness.blockedRequests).toEqual([OFFICE_JS_URL]);
      // without office.js the pane says so rather than throwing or pretending to be connected
      await expect(page.locator('#status').textContent()).resolves.toBe(OFFICE_JS_ONTBREEKT);
      expect(harness.consoleErrors).toEqual([expect.stringMatching(/^taskpane\.html: Failed to load resource: net::ERR_BLOCKED_BY_CLIENT/)]);
    } finally {
      await harness.close();
    }
  });

  it('reports Excel once a replacement office.js calls Office.onReady', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'koppelkaart-office-'));
    const officeJs = join(dir, 'office.js');
    // the smallest office.js the shell needs: onReady answers that the host is Excel
    writeFileSync(officeJs, 'window.Office = { onReady: (cb) => Promise.resolve(cb({ host: "Excel", platform: "PC" })) };');
    const harness = await startHarness({ officeJs });
    try {
      const page = await harness.open('taskpane.html?achtergrond=uit');
      await page.locator('#status', { hasText: 'Verbonden met Excel.' }).waitFor({ timeout: 10_000 });
      await harness.screenshot(page, 'shell-taskpane');
      expect(harness.consoleErrors).toEqual([]);
      expect(harness.blockedRequests).toEqual([]);
    } finally {
      await harness.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
