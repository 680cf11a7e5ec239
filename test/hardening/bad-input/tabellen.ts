/**
 * Corpus werkboeken about whole tables: header rows with duplicates and merged (empty) cells,
 * tables with zero rows, missing required columns, and no tables at all.
 */
import { type FixtureWerkboek, TableBuilder, pair } from './corpus';

const DEFAULTS = { afstandM: 10, minOverlapM: 30, minOverlapM2: 100, maxTussentijdMaanden: 24, zelfdeCategorie: false };
const street = (dy: number): string => `LINESTRING(131000 ${453000 + dy}, 131100 ${453000 + dy})`;
const BIG = 'POLYGON((129000 451000, 137000 451000, 137000 457000, 129000 457000, 129000 451000))';

/** Header rows with a duplicate, merged cells and a gap in the geometry columns; the rows still analysed. */
export function koppen(): FixtureWerkboek {
  // G:H is a merged "Geometrie" header, I:J a merged "opmerking" header: H and J arrive without a header
  const w = new TableBuilder('Werken', ['ID', 'Categorie', 'Discipline', 'Start', 'Eind', 'Startdatum', 'Geometrie', '', 'opmerking', '', 'geometrie_3', '']);
  w.addRaw(['A', 'warmtenet', 'elektriciteit', '2027-01-01', '2027-12-31', '2030-01-01', street(0), null, 'tracé vast', 'zie mail', null, null]);
  w.addRaw(['B', 'riolering', null, '2027-06-01', '2028-06-30', null, street(3), null, null, null, null, null]);
  const cut = street(5);
  const bad = w.addRaw(['X', 'gas', null, '2027-03-01', '2027-09-30', null, cut.slice(0, 30), cut.slice(30), null, null, null, null]);
  w.addRaw(['C', 'glasvezel', null, '2027 Q3', '2027 Q4', null, street(6), null, null, null, null, null]);
  const b = new TableBuilder('Buurten', ['buurtcode', 'Code', 'geometrie']);
  b.add({ buurtcode: 'BU0001', Code: 'X', geometrie: BIG });
  const r = new TableBuilder('Regels', ['Naam', 'Waarde', 'waarde']);
  const regel = (naam: string, waarde: import('./corpus').FixtureCell) => r.add({ Naam: naam, Waarde: waarde });
  const rows = [regel('afstand_m', ''), regel('min_overlap_m', 'tien'), regel('min_overlap_m2', -5), regel('max_tussentijd_maanden', { error: '#VALUE!' }), regel('zelfde_categorie', 'nee')];
  const k = new TableBuilder('Koppelkansen', ['id', 'buurtcode', 'thema']);
  const cats: Record<string, string> = { A: 'warmtenet', B: 'riolering', C: 'glasvezel' };
  const p = (x: string, y: string) => pair([x, cats[x]], [y, cats[y]], ['BU0001']);
  return {
    name: 'koppen',
    tables: { werken: w.table(), buurten: b.table(), regels: r.table(), koppelkansen: k.table() },
    controle: [
      { geval: 'duplicate header (Discipline means categorie)', tabel: 'Werken', rij: 1, kolom: 'Discipline', ernst: 'waarschuwing', melding: 'Deze kolom betekent hetzelfde als "Categorie" (categorie); alleen de eerste wordt gelezen. Geef deze kolom een andere naam of verwijder hem.' },
      { geval: 'duplicate header (Startdatum means start)', tabel: 'Werken', rij: 1, kolom: 'Startdatum', ernst: 'waarschuwing', bevat: 'betekent hetzelfde als "Start"' },
      { geval: 'merged header cell over a geometry continuation', tabel: 'Werken', rij: 1, kolom: '', ernst: 'waarschuwing', bevat: 'Kolom H heeft geen kop (bijvoorbeeld door samengevoegde cellen)' },
      { geval: 'merged header cell over planner notes', tabel: 'Werken', rij: 1, kolom: '', ernst: 'waarschuwing', bevat: 'Kolom J heeft geen kop' },
      { geval: 'geometrie_3 without geometrie_2', tabel: 'Werken', rij: 1, kolom: 'geometrie_2', ernst: 'waarschuwing', bevat: 'De kolom "geometrie_2" ontbreekt tussen de geometrie-kolommen' },
      { geval: 'geometry continuing into a column without header', tabel: 'Werken', rij: bad, kolom: 'Geometrie', ernst: 'fout', bevat: 'De WKT-geometrie is niet te lezen' },
      { geval: 'duplicate header in Buurten (Code means buurtcode)', tabel: 'Buurten', rij: 1, kolom: 'Code', ernst: 'waarschuwing', bevat: 'betekent hetzelfde als "buurtcode"' },
      { geval: 'duplicate header in Regels', tabel: 'Regels', rij: 1, kolom: 'waarde', ernst: 'waarschuwing', bevat: 'betekent hetzelfde als "Waarde"' },
      { geval: 'empty regel waarde', tabel: 'Regels', rij: rows[0], kolom: 'Waarde', ernst: 'fout', melding: 'De waarde is leeg. Vul een waarde in, of verwijder de rij afstand_m. De rij wordt overgeslagen; de standaardwaarde 10 geldt.' },
      { geval: 'regel waarde in words', tabel: 'Regels', rij: rows[1], kolom: 'Waarde', ernst: 'fout', bevat: '"tien" is geen getal' },
      { geval: 'negative regel waarde', tabel: 'Regels', rij: rows[2], kolom: 'Waarde', ernst: 'fout', melding: 'De waarde mag niet negatief zijn. Vul 0 of meer in. De rij wordt overgeslagen; de standaardwaarde 100 geldt.' },
      { geval: 'Excel error #VALUE! in a regel waarde', tabel: 'Regels', rij: rows[3], kolom: 'Waarde', ernst: 'fout', bevat: 'Excel-fout #VALUE!' },
    ],
    result: {
      paren: [p('A', 'B'), p('A', 'C'), p('B', 'C')],
      werken: ['A', 'B', 'C'],
      buurten: ['BU0001'],
      koppelkansen: [],
      regels: DEFAULTS,
    },
  };
}

/** Tables with a header and no rows, or only blank rows. */
export function leeg(): FixtureWerkboek {
  const w = new TableBuilder('Werken', ['id', 'categorie', 'start', 'eind', 'geometrie'], 3);
  const b = new TableBuilder('Buurten', ['buurtcode', 'geometrie']);
  b.addRaw([null, null]);
  b.addRaw(['  ', null]);
  return {
    name: 'leeg',
    tables: { werken: w.table(), buurten: b.table(), koppelkansen: new TableBuilder('Koppelkansen', ['id', 'buurtcode']).table(), regels: new TableBuilder('Regels', ['naam', 'waarde']).table() },
    controle: [
      { geval: 'Werken with zero rows', tabel: 'Werken', rij: 3, kolom: '', ernst: 'waarschuwing', melding: 'De tabel Werken heeft geen rijen. Vul onder de kopregel één rij per werk in.' },
      { geval: 'Buurten with only blank rows', tabel: 'Buurten', rij: 1, kolom: '', ernst: 'waarschuwing', bevat: 'De tabel Buurten heeft geen rijen. Vul onder de kopregel één rij per buurt in. Zonder buurten' },
    ],
    result: { paren: [], werken: [], buurten: [], koppelkansen: [], regels: DEFAULTS },
  };
}

/** Every table misses a required column: each is reported at its header row and not read. */
export function kolommen(): FixtureWerkboek {
  const w = new TableBuilder('Werken', ['id', 'categorie', 'eind', 'omschrijving'], 2);
  w.add({ id: 'A', categorie: 'gas', eind: '2027-12-31', omschrijving: 'zonder start en geometrie' });
  const b = new TableBuilder('Buurten', ['buurtcode', 'naam']);
  b.add({ buurtcode: 'BU0001', naam: 'Centrum' });
  const k = new TableBuilder('Koppelkansen', ['buurtcode', 'thema']);
  k.add({ buurtcode: 'BU0001', thema: 'Armoede & schulden' });
  const r = new TableBuilder('Regels', ['naam', 'getal']);
  r.add({ naam: 'afstand_m', getal: 500 });
  return {
    name: 'kolommen',
    tables: { werken: w.table(), buurten: b.table(), koppelkansen: k.table(), regels: r.table() },
    controle: [
      { geval: 'Werken without start', tabel: 'Werken', rij: 2, kolom: 'start', ernst: 'fout', melding: 'De kolom "start" ontbreekt. Voeg een kolom met de kop "start" (of "begin", "startdatum") toe; zonder deze kolom kan de tabel niet gelezen worden.' },
      { geval: 'Werken without geometrie', tabel: 'Werken', rij: 2, kolom: 'geometrie', ernst: 'fout', bevat: 'De kolom "geometrie" ontbreekt' },
      { geval: 'Buurten without geometrie', tabel: 'Buurten', rij: 1, kolom: 'geometrie', ernst: 'fout', bevat: 'De kolom "geometrie" ontbreekt' },
      { geval: 'Koppelkansen without id', tabel: 'Koppelkansen', rij: 1, kolom: 'id', ernst: 'fout', melding: 'De kolom "id" ontbreekt. Voeg een kolom met de kop "id" toe; zonder deze kolom kan de tabel niet gelezen worden.' },
      { geval: 'Regels without waarde', tabel: 'Regels', rij: 1, kolom: 'waarde', ernst: 'fout', bevat: 'De kolom "waarde" ontbreekt' },
    ],
    result: { paren: [], werken: [], buurten: [], koppelkansen: [], regels: DEFAULTS },
  };
}

/** A workbook without any of the tables. */
export function geenTabellen(): FixtureWerkboek {
  return {
    name: 'geen-tabellen',
    tables: {},
    controle: [
      { geval: 'no Werken table', tabel: 'Werken', rij: 0, kolom: '', ernst: 'fout', melding: 'Geen tabel of blad "Werken" gevonden. Maak een tabel of blad met die naam en een kopregel.' },
      { geval: 'no Buurten table', tabel: 'Buurten', rij: 0, kolom: '', ernst: 'waarschuwing', bevat: 'Geen tabel of blad "Buurten" gevonden' },
    ],
    result: { paren: [], werken: [], buurten: [], koppelkansen: [], regels: DEFAULTS },
  };
}
