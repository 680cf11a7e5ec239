import { readFileSync } from 'node:fs';
import { analyse } from '../../src/core/analysis/analyse';
import { readWerkboek } from '../../src/core/werkboek/read';
import { readXlsx } from '../../src/file/read-xlsx';
import { vandaag } from '../../src/ui/download';
import { exportBestand } from '../../src/ui/export';
import { DEMO } from '../e2e/ui-helpers';

describe('the export menu files', () => {
  let input: Parameters<typeof exportBestand>[3];
  let raw: Awaited<ReturnType<typeof readXlsx>>;

  beforeAll(async () => {
    raw = await readXlsx(readFileSync(DEMO));
    const werkboek = readWerkboek(raw);
    input = { werkboek, paren: analyse(werkboek.werken, werkboek.buurten, werkboek.regels) };
  });

  it('puts the planner\'s list edits into the meekoppelkansen GeoJSON', async () => {
    const id = input.paren[0].id;
    const edits = new Map([[id, { status: 'afgesproken', notitie: 'samen met Stedin' }]]);
    const f = exportBestand('meekoppelkansen', 'wgs84', raw, input, edits, '2026-11-22');
    expect(f.naam).toBe('meekoppelkansen-2026-11-22.geojson');
    const fc = JSON.parse(await f.blob.text());
    expect(fc.features).toHaveLength(input.paren.length);
    expect(fc.features.find((x: { id: string }) => x.id === id).properties).toMatchObject({ status: 'afgesproken', notitie: 'samen met Stedin' });
  });

  it('names RD files with -rd and gives them the EPSG:28992 crs member', async () => {
    const f = exportBestand('werken', 'rd', raw, input, new Map(), '2026-11-22');
    expect(f.naam).toBe('werken-2026-11-22-rd.geojson');
    const fc = JSON.parse(await f.blob.text());
    expect(fc.crs.properties.name).toBe('urn:ogc:def:crs:EPSG::28992');
    expect(fc.features).toHaveLength(input.werkboek.werken.length);
  });

  it('writes the CSV as UTF-8 with a byte order mark', async () => {
    const f = exportBestand('csv', 'wgs84', raw, input, new Map(), '2026-11-22');
    const bytes = new Uint8Array(await f.blob.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes).split('\r\n')[0]).toContain(';');
  });

  it('dates file names in local time, zero-padded', () => {
    expect(vandaag(new Date(2027, 0, 5, 23, 30))).toBe('2027-01-05');
  });
});
