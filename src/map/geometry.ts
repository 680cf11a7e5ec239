/** WgsGeometry → Leaflet vector layers. Leaflet wants `[lat, lon]`; our positions are `[lon, lat]`. */
import L from 'leaflet';
import type { Position, WgsGeometry } from '../core/types';

const ll = (p: Position): L.LatLngTuple => [p[1], p[0]];

/** Options for every kind; points become circle markers of `radius` pixels. */
export interface VormOpties extends L.PathOptions {
  radius?: number;
}

/**
 * One Leaflet layer for a geometry: a polyline, a polygon, or circle markers (grouped when several).
 *
 * @example
 * toLeaflet({ crs: 'wgs84', kind: 'line', lines: [[[5.1, 52.1], [5.2, 52.1]]] }, { color: '#000' });
 */
export function toLeaflet(g: WgsGeometry, opties: VormOpties): L.Path | L.FeatureGroup {
  switch (g.kind) {
    case 'line':
      return L.polyline(g.lines.map((line) => line.map(ll)), opties);
    case 'poly':
      return L.polygon(g.polygons.map((poly) => poly.map((ring) => ring.map(ll))), opties);
    case 'point': {
      const markers = g.points.map((p) => L.circleMarker(ll(p), { radius: 6, ...opties }));
      return markers.length === 1 ? markers[0] : L.featureGroup(markers);
    }
  }
}

/** The bounds of a geometry, for zooming to it. */
export function boundsOf(g: WgsGeometry): L.LatLngBounds {
  const points: Position[] =
    g.kind === 'point' ? g.points : g.kind === 'line' ? g.lines.flat() : g.polygons.flatMap((p) => p[0]);
  return L.latLngBounds(points.map(ll));
}
