/**
 * The Werken cases of the corpus. Each case is one row (X) placed between two good works A
 * (warmtenet) and B (riolering) on the same street, 600 m from every other case: A and B must
 * always pair; X pairs with both only when it is analysed (a warning, or a good odd form), so a bad
 * row that slipped into the analysis shows up as an extra pair.
 */
import { rdToWgs84 } from '../../../src/core/geometry/crs';
import type { FixtureCell } from './corpus';

/** Where a case's street lies (RD New metres). */
export interface Origin {
  x: number;
  y: number;
}

/** One expected Controle row of a case, at the case's row. */
export interface CaseProblem {
  kolom: string;
  ernst: 'fout' | 'waarschuwing';
  bevat?: string;
  melding?: string;
  waarde?: string;
}

export interface WerkCase {
  geval: string;
  /** the cells of row X that differ from a good gas work on the street */
  cells: (o: Origin, ids: { a: string; x: string }) => Record<string, FixtureCell>;
  problems: CaseProblem[];
  /** id the work is read with, when it is analysed and not the default X id */
  werkId?: string;
  /** the categorie it is read with, when analysed and not 'gas' */
  categorie?: string;
}

const line = (o: Origin, dy: number, dx = 100): string => `LINESTRING(${o.x} ${o.y + dy}, ${o.x + dx} ${o.y + dy})`;
const LEFT_OUT = ' De rij wordt overgeslagen.';
const excel = (error: string, hint: string): string => `De cel bevat de Excel-fout ${error}: ${hint}. Herstel de formule of typ de waarde in.`;
const fout = (kolom: string, bevat: string, waarde?: string): CaseProblem => ({ kolom, ernst: 'fout', bevat, ...(waarde === undefined ? {} : { waarde }) });
const exact = (kolom: string, melding: string, waarde?: string): CaseProblem => ({ kolom, ernst: 'fout', melding, ...(waarde === undefined ? {} : { waarde }) });
const warn = (kolom: string, bevat: string): CaseProblem => ({ kolom, ernst: 'waarschuwing', bevat });

/** A long line (or ring, with `prefix` POLYGON(() whose WKT is cut at exactly `length` characters, between two digits of one number. */
export function cutLongLine(o: Origin, length: number, prefix = 'LINESTRING('): string {
  const points: string[] = [];
  for (let i = 0; points.join(', ').length < length + 40; i++) points.push(`${(o.x + i * 0.731).toFixed(3)} ${(o.y + 5 + (i % 7) * 0.113).toFixed(3)}`);
  // spaces after the '(' are valid WKT and move the cut until it falls inside a number
  for (let pad = 0; ; pad++) {
    const full = `${prefix}${' '.repeat(pad)}${points.join(', ')})`;
    if (/\d/.test(full[length - 1]) && /\d/.test(full[length])) return full.slice(0, length);
  }
}

/** A good line split over three cells at fixed places, one of them inside a number. */
function threeParts(o: Origin): Record<string, FixtureCell> {
  const full = line(o, 5);
  return { geometrie: full.slice(0, 20), geometrie_2: full.slice(20, 33), geometrie_3: full.slice(33) };
}

function swapped(o: Origin): string {
  const a = rdToWgs84([o.x, o.y + 5]);
  const b = rdToWgs84([o.x + 100, o.y + 5]);
  return `LINESTRING(${a[1].toFixed(9)} ${a[0].toFixed(9)}, ${b[1].toFixed(9)} ${b[0].toFixed(9)})`;
}

const geometryCases: WerkCase[] = [
  { geval: 'unparseable WKT', cells: (o) => ({ geometrie: `LIJN(${o.x} ${o.y}, ${o.x + 100} ${o.y})` }), problems: [fout('geometrie', "Onbekend geometrietype 'lijn'")] },
  { geval: 'WKT cut off', cells: (o) => ({ geometrie: `LINESTRING(${o.x} ${o.y + 5}, ${o.x + 100}` }), problems: [fout('geometrie', 'De WKT-geometrie is niet te lezen')] },
  { geval: 'GeoJSON that is no JSON', cells: (o) => ({ geometrie: `{"type":"LineString","coordinates":[[${o.x},${o.y}],[${o.x + 100},${o.y}]]` }), problems: [fout('geometrie', 'geen geldige JSON')] },
  { geval: 'GeoJSON of an unknown type', cells: (o) => ({ geometrie: `{"type":"Lijn","coordinates":[[${o.x},${o.y}],[${o.x + 100},${o.y}]]}` }), problems: [fout('geometrie', "Onbekend GeoJSON-geometrietype 'Lijn'")] },
  { geval: 'unclosed polygon (repaired, analysed)', cells: (o) => ({ geometrie: `POLYGON((${o.x - 5} ${o.y - 5}, ${o.x + 105} ${o.y - 5}, ${o.x + 105} ${o.y + 10}, ${o.x - 5} ${o.y + 10}))` }), problems: [warn('geometrie', 'niet gesloten; het eerste punt is achteraan herhaald')] },
  { geval: 'self-intersecting polygon, a spike folded back (repaired, analysed)', cells: (o) => ({ geometrie: `POLYGON((${o.x - 5} ${o.y - 5}, ${o.x + 105} ${o.y - 5}, ${o.x + 150} ${o.y - 5}, ${o.x + 105} ${o.y - 5}, ${o.x + 105} ${o.y + 10}, ${o.x - 5} ${o.y + 10}, ${o.x - 5} ${o.y - 5}))` }), problems: [warn('geometrie', 'snijdt zichzelf; het is hersteld zonder de oppervlakte te veranderen')] },
  { geval: 'self-intersecting polygon, a bow tie', cells: (o) => ({ geometrie: `POLYGON((${o.x} ${o.y - 5}, ${o.x + 100} ${o.y + 10}, ${o.x + 100} ${o.y - 5}, ${o.x} ${o.y + 10}, ${o.x} ${o.y - 5}))` }), problems: [fout('geometrie', 'niet eenduidig te herstellen. Teken de rand zonder kruisingen')] },
  { geval: 'polygon ring of three points', cells: (o) => ({ geometrie: `POLYGON((${o.x} ${o.y}, ${o.x + 100} ${o.y}, ${o.x} ${o.y}))` }), problems: [fout('geometrie', 'er zijn er minstens 4 nodig')] },
  { geval: 'line of one repeated point', cells: (o) => ({ geometrie: `LINESTRING(${o.x} ${o.y}, ${o.x} ${o.y})` }), problems: [fout('geometrie', 'minder dan twee verschillende punten')] },
  { geval: 'empty WKT geometry', cells: () => ({ geometrie: 'LINESTRING EMPTY' }), problems: [fout('geometrie', 'De geometrie is leeg (EMPTY)')] },
  { geval: 'empty GeoJSON coordinates', cells: () => ({ geometrie: '{"type":"Point","coordinates":[]}' }), problems: [fout('geometrie', 'De geometrie is leeg')] },
  { geval: 'empty geometry cell', cells: () => ({ geometrie: '   ' }), problems: [exact('geometrie', '"geometrie" is leeg. Vul een waarde in; de rij wordt overgeslagen.', '   ')] },
  { geval: 'WKT GeometryCollection', cells: (o) => ({ geometrie: `GEOMETRYCOLLECTION(${line(o, 5)}, POINT(${o.x} ${o.y}))` }), problems: [fout('geometrie', 'Een GEOMETRYCOLLECTION kan niet')] },
  { geval: 'GeoJSON GeometryCollection', cells: (o) => ({ geometrie: `{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[${o.x},${o.y}]}]}` }), problems: [fout('geometrie', 'Een GeometryCollection kan niet')] },
  { geval: 'RD coordinates outside the Netherlands', cells: (o) => ({ geometrie: `LINESTRING(${o.x} 900000, ${o.x + 100} 900000)` }), problems: [fout('geometrie', ' 900000) ligt buiten Nederland')] },
  { geval: 'WGS84 coordinates outside the Netherlands (Paris)', cells: () => ({ geometrie: 'POINT(2.3522 48.8566)' }), problems: [fout('geometrie', 'De coördinaat (2.3522 48.8566) ligt buiten Nederland')] },
  { geval: 'lat/lon swapped (turned, analysed)', cells: (o) => ({ geometrie: swapped(o) }), problems: [warn('geometrie', 'stonden als breedte lengte; ze zijn omgedraaid')] },
  { geval: 'RD and WGS84 mixed in one geometry', cells: (o) => ({ geometrie: `LINESTRING(${o.x} ${o.y + 5}, 5.12 52.09)` }), problems: [fout('geometrie', 'mengt RD-coördinaten (meters) en WGS84-coördinaten (graden)')] },
  { geval: 'Z coordinates (dropped, analysed)', cells: (o) => ({ geometrie: `LINESTRING Z (${o.x} ${o.y + 5} 1.5, ${o.x + 100} ${o.y + 5} 2)` }), problems: [warn('geometrie', 'hoogte- of meetwaarden (Z/M)')] },
  { geval: 'M coordinates (dropped, analysed)', cells: (o) => ({ geometrie: `LINESTRING M (${o.x} ${o.y + 5} 0, ${o.x + 100} ${o.y + 5} 100)` }), problems: [warn('geometrie', 'hoogte- of meetwaarden (Z/M)')] },
  { geval: 'GeoJSON with heights (dropped, analysed)', cells: (o) => ({ geometrie: `{"type":"LineString","coordinates":[[${o.x},${o.y + 5},0.4],[${o.x + 100},${o.y + 5},0.6]]}` }), problems: [warn('geometrie', 'hoogte- of meetwaarden (Z/M)')] },
  { geval: 'NaN in WKT', cells: (o) => ({ geometrie: `LINESTRING(NaN ${o.y + 5}, ${o.x + 100} ${o.y + 5})` }), problems: [fout('geometrie', 'geen eindig getal (NaN of Infinity)')] },
  { geval: 'Infinity in WKT', cells: (o) => ({ geometrie: `LINESTRING(${o.x} ${o.y + 5}, Infinity ${o.y + 5})` }), problems: [fout('geometrie', 'geen eindig getal (NaN of Infinity)')] },
  { geval: 'a number too large to be finite (1e999)', cells: (o) => ({ geometrie: `LINESTRING(1e999 ${o.y + 5}, ${o.x + 100} ${o.y + 5})` }), problems: [fout('geometrie', 'De coördinaat (Infinity ')] },
  { geval: 'GeoJSON coordinate as text', cells: (o) => ({ geometrie: `{"type":"Point","coordinates":["${o.x}",${o.y}]}` }), problems: [fout('geometrie', 'is geen eindig getal')] },
  { geval: 'unsupported SRID', cells: (o) => ({ geometrie: `SRID=3857;POINT(${o.x} ${o.y})` }), problems: [fout('geometrie', 'SRID 3857 wordt niet ondersteund')] },
  {
    geval: 'geometry over geometrie_2..3 with a missing middle part',
    cells: (o) => ({ geometrie: `LINESTRING(${o.x} ${o.y + 5}, `, geometrie_3: `${o.x + 100} ${o.y + 5})` }),
    problems: [exact('geometrie_2', 'geometrie_2 is leeg, maar geometrie_3 niet. Een lange geometrie loopt zonder gat door de kolommen; zet de tekst aaneen.' + LEFT_OUT, '')],
  },
  { geval: 'a 32,767-character geometry cut mid-number, geometrie_2 left empty', cells: (o) => ({ geometrie: cutLongLine(o, 32767) }), problems: [fout('geometrie', 'tot het maximum van 32.767 tekens en breekt daar af, zodat de tekst niet compleet is. Zet de rest van de tekst in "geometrie_2"')] },
  { geval: 'Excel error #NAME? in geometrie', cells: () => ({ geometrie: { error: '#NAME?' } }), problems: [exact('geometrie', excel('#NAME?', 'een formule gebruikt een onbekende functie- of bereiknaam') + LEFT_OUT, '#NAME?')] },
  { geval: 'Excel error #REF! in geometrie_2', cells: (o) => ({ geometrie: `LINESTRING(${o.x} ${o.y + 5}, `, geometrie_2: { error: '#REF!' } }), problems: [exact('geometrie_2', excel('#REF!', 'een formule verwijst naar een cel die niet meer bestaat') + LEFT_OUT, '#REF!')] },
  { geval: 'geometry formula with an error result', cells: () => ({ geometrie: { formula: 'TEKST.SAMENVOEGEN(Blad2!A1;Blad2!B1)', result: { error: '#VALUE!' } } }), problems: [fout('geometrie', 'Excel-fout #VALUE!: een formule rekent met een waarde van het verkeerde soort')] },
];

const idAndCategorieCases: WerkCase[] = [
  { geval: 'empty id', cells: () => ({ id: null }), problems: [exact('id', '"id" is leeg. Vul een waarde in; de rij wordt overgeslagen.', '')] },
  { geval: 'id of only spaces', cells: () => ({ id: '   ' }), problems: [exact('id', '"id" is leeg. Vul een waarde in; de rij wordt overgeslagen.')] },
  { geval: 'duplicate id', cells: (_o, ids) => ({ id: ids.a }), problems: [fout('id', 'komt al voor in rij')] },
  { geval: 'Excel error #N/A in id', cells: () => ({ id: { error: '#N/A' } }), problems: [exact('id', excel('#N/A', 'een opzoekformule (zoals VERT.ZOEKEN) vond geen waarde') + LEFT_OUT, '#N/A')] },
  { geval: 'empty categorie', cells: () => ({ categorie: '' }), problems: [exact('categorie', '"categorie" is leeg. Vul een waarde in; de rij wordt overgeslagen.')] },
  { geval: 'Excel error #VALUE! in categorie', cells: () => ({ categorie: { error: '#VALUE!' } }), problems: [fout('categorie', 'Excel-fout #VALUE!', '#VALUE!')] },
  { geval: 'categorie formula (VERT.ZOEKEN) with result #N/A', cells: () => ({ categorie: { formula: 'VERT.ZOEKEN(B9;Soorten!A:B;2;ONWAAR)', result: { error: '#N/A' } } }), problems: [fout('categorie', 'Excel-fout #N/A', '#N/A')] },
  { geval: 'Excel error #N/A in eigenaar', cells: () => ({ eigenaar: { error: '#N/A' } }), problems: [fout('eigenaar', 'Excel-fout #N/A')] },
  { geval: 'Excel error #REF! in titel', cells: () => ({ titel: { error: '#REF!' } }), problems: [fout('titel', 'Excel-fout #REF!')] },
];

const dateCases: WerkCase[] = [
  { geval: 'date with the month in letters', cells: () => ({ start: '1 maart 2027' }), problems: [exact('start', '"1 maart 2027" heeft de maand in letters; die vorm wordt niet gelezen. Schrijf de datum in cijfers: 1-3-2027.' + LEFT_OUT)] },
  { geval: 'month-year 03-2027', cells: () => ({ start: '03-2027' }), problems: [fout('start', 'Schrijf een maand als jaar-maand: 2027-03.')] },
  { geval: 'fifth quarter', cells: () => ({ eind: 'Q5 2027' }), problems: [fout('eind', 'Kwartaal 5 bestaat niet in "Q5 2027". Gebruik Q1 tot en met Q4')] },
  { geval: 'a day that does not exist (31-02-2027)', cells: () => ({ start: '31-02-2027' }), problems: [fout('start', 'februari 2027 heeft 28 dagen. Verbeter de dag.')] },
  { geval: 'month 13', cells: () => ({ start: '2027-13-01' }), problems: [fout('start', 'Maand 13 bestaat niet')] },
  { geval: 'text that is no date', cells: () => ({ start: 'na de zomer' }), problems: [fout('start', '"na de zomer" is geen datum die de invoegtoepassing herkent')] },
  { geval: 'eind before start', cells: () => ({ start: '2027-06-01', eind: '2027-03-01' }), problems: [exact('eind', 'De einddatum ligt vóór de startdatum. Pas start of eind aan; de rij wordt overgeslagen.')] },
  { geval: 'start in 1900 (text)', cells: () => ({ start: '1-1-1900' }), problems: [fout('start', 'valt op 1900-01-01, buiten 1990–2100. Controleer het jaartal.')] },
  { geval: 'start in 1900 (serial 1, a date cell holding 1)', cells: () => ({ start: 1 }), problems: [fout('start', 'valt op 1900-01-01, buiten 1990–2100')] },
  { geval: 'eind in 2200 (text)', cells: () => ({ eind: '2200-01-01' }), problems: [fout('eind', 'valt op 2200-01-01, buiten 1990–2100')] },
  { geval: 'eind in 2200 (serial)', cells: () => ({ eind: 109574 }), problems: [fout('eind', 'valt op 2199-12-31, buiten 1990–2100')] },
  { geval: 'Excel error #REF! in start', cells: () => ({ start: { error: '#REF!' } }), problems: [fout('start', 'Excel-fout #REF!', '#REF!')] },
  { geval: 'Excel error #DIV/0! in eind', cells: () => ({ eind: { error: '#DIV/0!' } }), problems: [fout('eind', 'Excel-fout #DIV/0!: een formule deelt door nul', '#DIV/0!')] },
  { geval: 'eind formula with result #VALUE!', cells: () => ({ eind: { formula: 'DATUM(E7;13;1)+"x"', result: { error: '#VALUE!' } } }), problems: [fout('eind', 'Excel-fout #VALUE!')] },
  { geval: 'empty start', cells: () => ({ start: null }), problems: [fout('start', 'De datum ontbreekt. Schrijf bijvoorbeeld')] },
  { geval: 'WAAR in a date cell', cells: () => ({ start: true }), problems: [fout('start', 'Hier hoort een datum, geen WAAR/ONWAAR', 'WAAR')] },
  { geval: 'NaN in a date cell', cells: () => ({ start: { getal: 'NaN' } }), problems: [fout('start', 'NaN is geen datum')] },
];

const numberAndOtherCases: WerkCase[] = [
  { geval: 'negative buffer_m', cells: () => ({ buffer_m: '-5' }), problems: [fout('buffer_m', 'mag niet kleiner zijn dan 0. Vul 0 of meer in', '-5')] },
  { geval: 'buffer_m in words', cells: () => ({ buffer_m: 'tien' }), problems: [fout('buffer_m', '"tien" is geen getal. Schrijf een getal')] },
  { geval: 'Excel error #NUM! in buffer_m', cells: () => ({ buffer_m: { error: '#NUM!' } }), problems: [fout('buffer_m', 'Excel-fout #NUM!')] },
  { geval: 'Infinity in buffer_m', cells: () => ({ buffer_m: { getal: 'Infinity' } }), problems: [fout('buffer_m', 'Infinity is geen eindig getal')] },
  { geval: 'NaN in buffer_m', cells: () => ({ buffer_m: { getal: 'NaN' } }), problems: [fout('buffer_m', 'NaN is geen eindig getal')] },
  { geval: 'Excel error #DIV/0! in budget (kept, analysed)', cells: () => ({ budget: { error: '#DIV/0!' } }), problems: [warn('budget', 'Excel-fout #DIV/0!: een formule deelt door nul. Herstel de formule of typ de waarde in. De rij doet wel mee')] },
  { geval: 'Excel error #N/A in status (kept, analysed)', cells: () => ({ status: { error: '#N/A' } }), problems: [warn('status', 'Excel-fout #N/A')] },
  { geval: 'Excel error #VALUE! in a planner column (kept, analysed)', cells: () => ({ wethouder: { error: '#VALUE!' } }), problems: [warn('wethouder', 'Excel-fout #VALUE!')] },
  {
    geval: 'several problems in one row: each reported, the row left out once',
    cells: (o) => ({ id: '', start: '2027-02-30', geometrie: `POLYGON((${o.x} ${o.y}))`, buffer_m: '-1' }),
    problems: [fout('id', '"id" is leeg'), fout('start', 'februari 2027 heeft 28 dagen'), fout('geometrie', 'er zijn er minstens 4 nodig'), fout('buffer_m', 'Vul 0 of meer in')],
  },
];

/** Odd but readable rows: no Controle row, and each is analysed. */
const goodOddCases: WerkCase[] = [
  { geval: 'unknown categorie with odd case and spacing (allowed, normalised)', cells: () => ({ categorie: '  Openbare   VERLICHTING ' }), problems: [], categorie: 'openbare verlichting' },
  { geval: 'date 2027/3/1 (year first, slashes)', cells: () => ({ start: '2027/3/1' }), problems: [] },
  { geval: 'quarter as K2 2027', cells: () => ({ start: 'K2 2027', eind: '2027-q3' }), problems: [] },
  { geval: 'numeric id kept as text', cells: () => ({ id: 4711 }), problems: [], werkId: '4711' },
  { geval: 'id, start and geometry as formula results', cells: (o, ids) => ({ id: { formula: '"W"&TEKST(RIJ();"00")', result: ids.x }, start: { formula: 'DATUM(2027;3;1)', result: 46447 }, geometrie: { formula: 'TEKST.SAMENVOEGEN(...)', result: line(o, 5) } }), problems: [] },
  { geval: 'geometry over geometrie, geometrie_2 and geometrie_3', cells: threeParts, problems: [] },
  { geval: 'buffer_m with a decimal comma', cells: () => ({ buffer_m: '12,5' }), problems: [] },
];

/** Every Werken case, in the order they appear in the table. */
export const WERKEN_CASES: readonly WerkCase[] = [...geometryCases, ...idAndCategorieCases, ...dateCases, ...numberAndOtherCases, ...goodOddCases];
