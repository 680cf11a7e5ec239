/**
 * The browser test harness every e2e test uses: the production build (made once per test run),
 * a static server on a random localhost port, and Debian's chromium with the network closed.
 *
 * Every request that leaves localhost is aborted and recorded in `blockedRequests`, so a test can
 * assert the pages contact nothing else. office.js can be replaced by a local file (the Excel fake),
 * and PDOK tiles by a local PNG; those are recorded in `replacedRequests`.
 *
 * @example
 *   const harness = await startHarness({ officeJs: 'test/fake-office/office.js' });
 *   const page = await harness.open('taskpane.html');
 *   await harness.screenshot(page, 'taskpane-ready');
 *   expect(harness.blockedRequests).toEqual([]);
 *   await harness.close();
 */
import { execFile } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const REPO = resolve(__dirname, '..', '..');
const CHROMIUM = process.env.KOPPELKAART_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = join(REPO, 'test-artifacts');

const webpackConfig = require('../../webpack.config.js') as { OFFICE_JS: string; TILE_HOST: string };
/** The address the task pane loads office.js from (see webpack.config.js). */
export const OFFICE_JS_URL: string = webpackConfig.OFFICE_JS;
/** The origin of the PDOK map tiles, the only image host the pages' CSP allows. */
export const TILE_ORIGIN: string = webpackConfig.TILE_HOST;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface HarnessOptions {
  /** a local file served in place of office.js; without it, office.js is blocked and recorded */
  officeJs?: string;
  /** a local PNG served for every PDOK tile; without it, tile requests are blocked and recorded */
  pdokTile?: string;
  /** the browser window; defaults to a 320 px wide task pane */
  viewport?: { width: number; height: number };
}

export interface Harness {
  /** where the built pages are served, e.g. `http://127.0.0.1:41234/` */
  readonly baseUrl: string;
  /** the folder the built pages are served from */
  readonly siteDir: string;
  readonly context: BrowserContext;
  /** every non-localhost URL a page asked for that was aborted */
  readonly blockedRequests: string[];
  /** non-localhost URLs answered with a local stand-in (office.js, PDOK tiles), never the network */
  readonly replacedRequests: string[];
  /** console errors and uncaught exceptions of every page opened */
  readonly consoleErrors: string[];
  /** Opens a built page (e.g. `index.html`) and waits until it has loaded. */
  open(pagePath: string): Promise<Page>;
  /** Saves a full-page screenshot as `test-artifacts/<name>.png`; returns the path. */
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

let build: Promise<string> | undefined;

/**
 * The production build of the web pages, made once per test run and shared by all test files
 * (the folder comes from test/setup/global-setup.ts; the first worker to ask builds it).
 */
export function buildSite(): Promise<string> {
  build ??= buildOnce(process.env.KOPPELKAART_BUILD_ROOT ?? join(tmpdir(), `koppelkaart-build-${process.pid}`));
  return build;
}

async function buildOnce(root: string): Promise<string> {
  const site = join(root, 'web');
  const done = join(root, 'built');
  const failed = join(root, 'failed');
  mkdirSync(root, { recursive: true });
  try {
    // mkdir is atomic: exactly one process wins the right to build
    mkdirSync(join(root, 'lock'));
  } catch {
    return waitForBuild(site, done, failed);
  }
  try {
    await promisify(execFile)(process.execPath, [join(REPO, 'test', 'setup', 'build-web.js'), site], {
      cwd: REPO,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    writeFileSync(failed, `${stderr}${stdout}`);
    throw new Error(`webpack build of the web pages failed:\n${stderr}${stdout}`);
  }
  writeFileSync(done, '');
  return site;
}

async function waitForBuild(site: string, done: string, failed: string): Promise<string> {
  for (let waited = 0; waited < 600_000; waited += 200) {
    if (existsSync(done)) return site;
    if (existsSync(failed)) throw new Error(`webpack build of the web pages failed:\n${readFileSync(failed, 'utf8')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('timed out waiting for another test worker to build the web pages');
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Serves `dir` on a random localhost port; only files inside it, 404 otherwise. */
export async function serveDirectory(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(dir, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${pathname}`);
      return;
    }
    res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Debian chromium is missing at ${CHROMIUM}: install it with \`apt-get install chromium\` ` +
        '(.ci/run does), or point KOPPELKAART_CHROMIUM at a chromium binary.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Builds (once), serves and opens a browser on the pages; see the module comment. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const siteDir = await buildSite();
  const server = await serveDirectory(siteDir);
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 320, height: 720 } });
  const blockedRequests: string[] = [];
  const replacedRequests: string[] = [];
  const consoleErrors: string[] = [];
  const officeJs = options.officeJs ? resolve(REPO, options.officeJs) : undefined;
  const pdokTile = options.pdokTile ? resolve(REPO, options.pdokTile) : undefined;

  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (LOCAL_HOSTS.has(url.hostname)) return route.continue();
    if (officeJs && url.href === OFFICE_JS_URL) {
      replacedRequests.push(url.href);
      return route.fulfill({ path: officeJs, contentType: 'text/javascript; charset=utf-8' });
    }
    if (pdokTile && url.origin === TILE_ORIGIN) {
      replacedRequests.push(url.href);
      // PDOK answers with CORS headers; so does the stand-in, or the map's crossOrigin tiles would not load
      return route.fulfill({ path: pdokTile, contentType: 'image/png', headers: { 'Access-Control-Allow-Origin': '*' } });
    }
    blockedRequests.push(url.href);
    return route.abort('blockedbyclient');
  });

  return {
    baseUrl: server.url,
    siteDir,
    context,
    blockedRequests,
    replacedRequests,
    consoleErrors,
    async open(pagePath) {
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(`${pagePath}: ${message.text()}`);
      });
      page.on('pageerror', (error) => consoleErrors.push(`${pagePath}: ${error.message}`));
      await page.goto(new URL(pagePath, server.url).href, { waitUntil: 'load' });
      return page;
    },
    async screenshot(page, name) {
      mkdirSync(ARTIFACTS, { recursive: true });
      const file = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
