// the import's public surface: one line per module
export { parseCsv, detectDelimiter, type CsvTable } from './csv';
export { proposeMapping, missingFields, parseMappingText, mappingText, WERK_VELDEN, NIET_OVERNEMEN, type KolomKeuze, type KolomMapping, type WerkVeld, type MappingProposal } from './mapping';
export { importWerken, type ImportWerkenOptions, type WerkenImport } from './werken';
export { importBuurten, type BuurtenImport } from './buurten';
export { readBronnen, bronnenTable, bronKey, BRONNEN_TABEL, BRONNEN_KOPPEN } from './bronnen';
export { NIEUW_WERKBOEK, lijstFormule, WERK_STATUSSEN, KOPPELKANS_THEMAS, KOPPELKANS_SOORTEN, type TabelSpec, type KolomSpec, type Keuzelijst } from './nieuw-werkboek';
export { locationText, type Location, type LocationResult } from './locatie';
export { splitGeometryText } from '../werkboek/geometrie-tekst';
