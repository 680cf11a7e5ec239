// the export's public surface: one line per module
export { meekoppelkansenGeoJson, werkenGeoJson, RD_CRS_MEMBER, type ExportCrs, type TabelInhoud } from './geojson';
export { dutchCsv, dutchCell } from './csv';
