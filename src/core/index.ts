// the public surface of core: one line per module
export * from './types';
export { parseGeometry } from './geometry/parse';
export { toWgs84, toRd, wgs84ToRd, rdToWgs84, RD_NEW_PROJ4 } from './geometry/crs';
export { toWkt, toGeoJson } from './geometry/write';
export type { GeoJsonGeometry } from './geometry/write';
export { analyse } from './analysis/analyse';
export type { AnalyseOptions } from './analysis/analyse';
