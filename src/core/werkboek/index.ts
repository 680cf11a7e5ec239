// the werkboek model's public surface: one line per module
export * from './columns';
export { normaliseHeader, matchTableName, sameName, mapHeaders, type ColumnMap } from './headers';
export { type Parsed, MAX_CELL_CHARS, cellToText, cellToNumber, cellToBoolean, isEmptyCell, numberToText, errorMelding } from './cells';
export * from './dates';
export { problem, columnLetter, cellDisplay, cut, meldingen, MAX_WAARDE_LENGTH, type Place } from './problems';
export { readWerkboek, controleRows } from './read';
export { readWerken, readBuurten, readKoppelkansen, normaliseCategorie } from './tables';
export { readRegels, SETTINGS } from './regels';
export * from './meekoppelkansen';
export * from './meekoppelkansen-kolom';
export { splitGeometryText, geometryColumnHeaders } from './geometrie-tekst';
