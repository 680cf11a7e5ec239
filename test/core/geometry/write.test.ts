import { toRd, toWgs84 } from '../../../src/core/geometry/crs';
import { parseGeometry } from '../../../src/core/geometry/parse';
import { toGeoJson, toWkt } from '../../../src/core/geometry/write';
import type { RdGeometry } from '../../../src/core/types';

const line: RdGeometry = { crs: 'rd', kind: 'line', lines: [[[136603.38123, 455665.99], [136636.68, 455681.66]]] };

describe('writers', () => {
  it('writes RD WKT with at most three decimals', () => {
    expect(toWkt(line)).toBe('LINESTRING(136603.381 455665.99, 136636.68 455681.66)');
  });

  it('writes Multi types only for several parts, and reads back what it wrote', () => {
    const pts: RdGeometry = { crs: 'rd', kind: 'point', points: [[136000, 455000], [136001.5, 455002]] };
    expect(toWkt(pts)).toBe('MULTIPOINT((136000 455000), (136001.5 455002))');
    const poly: RdGeometry = { crs: 'rd', kind: 'poly', polygons: [[[[136000, 455000], [136100, 455000], [136100, 455100], [136000, 455000]]]] };
    expect(toWkt(poly)).toBe('POLYGON((136000 455000, 136100 455000, 136100 455100, 136000 455000))');
    for (const g of [pts, poly]) {
      const back = parseGeometry(toWkt(g));
      expect(back.ok && back.geometry).toEqual(g);
    }
  });

  it('writes GeoJSON geometry objects that parseGeometry reads back', () => {
    expect(toGeoJson(line)).toEqual({ type: 'LineString', coordinates: line.lines[0] });
    const back = parseGeometry(JSON.stringify(toGeoJson(line)));
    expect(back.ok && back.geometry).toEqual(line);
  });

  it('projects RD to WGS84 and back within a millimetre', () => {
    const wgs = toWgs84(line);
    expect(wgs.crs).toBe('wgs84');
    const back = toRd(wgs);
    const a = line.kind === 'line' ? line.lines[0] : [];
    const b = back.kind === 'line' ? back.lines[0] : [];
    a.forEach((p, i) => {
      expect(Math.abs(p[0] - b[i][0])).toBeLessThan(0.001);
      expect(Math.abs(p[1] - b[i][1])).toBeLessThan(0.001);
    });
  });

  it('puts Amersfoort (RD 155000 463000) where PostGIS puts it', () => {
    // PostGIS 3.3: ST_Transform(ST_MakePoint(155000, 463000), <regels.md string>, '+proj=longlat +datum=WGS84 +no_defs')
    const g = toWgs84({ crs: 'rd', kind: 'point', points: [[155000, 463000]] });
    const p = g.kind === 'point' ? g.points[0] : [0, 0];
    expect(Math.abs(p[0] - 5.38720358055895)).toBeLessThan(1e-8);
    expect(Math.abs(p[1] - 52.15517230263769)).toBeLessThan(1e-8);
  });
});
