import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { PNG } from 'pngjs';
import { buildSite } from './e2e/harness';

const REPO = resolve(__dirname, '..');
const MANIFEST = join(REPO, 'manifest.xml');
const SCHEMA = resolve(REPO, '..', 'shared', 'schemas', 'office-manifest', 'OfficeAppManifestV1_1.xsd');
const DEV_ORIGIN = 'https://localhost:3000';
const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

/** xmllint against Microsoft's 2020 XSDs; every element we use is known to them, none is exempted. */
function xmllint(file: string): { ok: boolean; output: string } {
  const run = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8' });
  if (run.error) {
    throw new Error(`xmllint could not run (${run.error.message}): install Debian's libxml2-utils (.ci/run does)`);
  }
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

const doc = new DOMParser().parseFromString(readFileSync(MANIFEST, 'utf8'), 'text/xml');
const all = (ns: string, name: string): Element[] => Array.from(doc.getElementsByTagNameNS(ns, name));
const one = (ns: string, name: string): Element => {
  const found = all(ns, name);
  if (found.length !== 1) throw new Error(`manifest.xml has ${found.length} <${name}>, expected 1`);
  return found[0];
};

/** every absolute URL the manifest names, in any attribute or text */
function urlsInManifest(): string[] {
  return [...readFileSync(MANIFEST, 'utf8').matchAll(/https?:\/\/[^"'<>\s]+/g)]
    .map((m) => m[0])
    .filter((url) => !Object.values(NS).includes(url));
}

/** the pixel size each icon URL must have: bt:Image sizes by resid, IconUrl 32, HighResolutionIconUrl 64 */
function expectedIconSizes(): Map<string, number> {
  const sizes = new Map<string, number>();
  const urlById = new Map(all(NS.bt, 'Image').filter((e) => e.getAttribute('id')).map((e) => [e.getAttribute('id'), e.getAttribute('DefaultValue')!]));
  for (const use of all(NS.bt, 'Image').filter((e) => e.getAttribute('resid'))) {
    sizes.set(urlById.get(use.getAttribute('resid'))!, Number(use.getAttribute('size')));
  }
  sizes.set(one(NS.app, 'IconUrl').getAttribute('DefaultValue')!, 32);
  sizes.set(one(NS.app, 'HighResolutionIconUrl').getAttribute('DefaultValue')!, 64);
  return sizes;
}

describe('manifest.xml', () => {
  it('validates against the Office add-in manifest schema (xmllint, offline)', () => {
    const result = xmllint(MANIFEST);
    expect(result.output).toContain('manifest.xml validates');
    expect(result.ok).toBe(true);
  });

  it('is rejected by the same check when the ribbon button loses its action (the check really validates)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'koppelkaart-manifest-'));
    try {
      const broken = readFileSync(MANIFEST, 'utf8').replace(/<Action [\s\S]*?<\/Action>/, '');
      writeFileSync(join(dir, 'manifest.xml'), broken);
      expect(xmllint(join(dir, 'manifest.xml')).ok).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is an Excel task pane add-in named Koppelkaart in Dutch, with read-write access', () => {
    expect(doc.documentElement!.getAttributeNS(NS.xsi, 'type')).toBe('TaskPaneApp');
    expect(one(NS.app, 'DefaultLocale').textContent).toBe('nl-NL');
    expect(one(NS.app, 'DisplayName').getAttribute('DefaultValue')).toBe('Koppelkaart');
    expect(one(NS.app, 'Description').getAttribute('DefaultValue')).toMatch(/meekoppelkansen/);
    expect(one(NS.app, 'Id').textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(all(NS.app, 'Host').map((h) => h.getAttribute('Name'))).toEqual(['Workbook']);
    expect(one(NS.app, 'Permissions').textContent).toBe('ReadWriteDocument');
    expect(one(NS.app, 'SourceLocation').getAttribute('DefaultValue')).toBe(`${DEV_ORIGIN}/taskpane.html`);
  });

  it('puts a Koppelkaart button on the Home tab that opens the task pane', () => {
    expect(one(NS.ov, 'OfficeTab').getAttribute('id')).toBe('TabHome');
    const button = one(NS.ov, 'Control');
    expect(button.getAttributeNS(NS.xsi, 'type')).toBe('Button');
    const label = button.getElementsByTagNameNS(NS.ov, 'Label')[0].getAttribute('resid');
    const labelText = all(NS.bt, 'String').find((s) => s.getAttribute('id') === label);
    expect(labelText?.getAttribute('DefaultValue')).toBe('Koppelkaart');
    const action = one(NS.ov, 'Action');
    expect(action.getAttributeNS(NS.xsi, 'type')).toBe('ShowTaskpane');
    const resid = action.getElementsByTagNameNS(NS.ov, 'SourceLocation')[0].getAttribute('resid');
    const url = all(NS.bt, 'Url').find((u) => u.getAttribute('id') === resid);
    expect(url?.getAttribute('DefaultValue')).toBe(`${DEV_ORIGIN}/taskpane.html`);
  });

  describe('against the webpack production build', () => {
    let site: string;
    beforeAll(async () => {
      site = await buildSite();
    });

    it('names only https://localhost:3000 URLs, each a file the build emits', () => {
      const urls = urlsInManifest();
      expect(urls.length).toBeGreaterThanOrEqual(6);
      for (const url of urls) {
        expect(url.startsWith(`${DEV_ORIGIN}/`)).toBe(true);
        const file = join(site, decodeURIComponent(new URL(url).pathname));
        expect({ url, built: existsSync(file) }).toEqual({ url, built: true });
      }
    });

    it('has every icon as a PNG of the pixel size the manifest declares, 16, 32, 64 and 80', () => {
      const sizes = expectedIconSizes();
      expect([...new Set(sizes.values())].sort((a, b) => a - b)).toEqual([16, 32, 64, 80]);
      for (const [url, size] of sizes) {
        const png = PNG.sync.read(readFileSync(join(site, new URL(url).pathname)));
        expect({ url, width: png.width, height: png.height }).toEqual({ url, width: size, height: size });
      }
    });

    it('builds a task pane that loads office.js from Microsoft and a standalone page that does not', () => {
      const taskpane = readFileSync(join(site, 'taskpane.html'), 'utf8');
      const standalone = readFileSync(join(site, 'index.html'), 'utf8');
      expect(taskpane).toContain('src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
      expect(standalone).not.toContain('appsforoffice');
      for (const html of [taskpane, standalone]) {
        expect(html).toMatch(/Content-Security-Policy/);
        expect(html).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
      }
    });
  });
});
