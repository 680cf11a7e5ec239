/**
 * The main corpus werkboek `rijen`: every bad row sits between good rows in Werken, Buurten,
 * Koppelkansen and Regels, and the good rows must still be read and analysed.
 */
import { type ExpectedPair, type ExpectedProblem, type FixtureWerkboek, TableBuilder, pair } from './corpus';
import { WERKEN_CASES, cutLongLine, type CaseProblem } from './werken-cases';

const sq = (x1: number, y1: number, x2: number, y2: number): string => `POLYGON((${x1} ${y1}, ${x2} ${y1}, ${x2} ${y2}, ${x1} ${y2}, ${x1} ${y1}))`;
// covers every case's street; the good buurten elsewhere touch no pair
const BIG = sq(129000, 451000, 137000, 457000);
const elsewhere = (i: number): string => sq(140000 + i * 1000, 451000, 140900 + i * 1000, 451900);
// the buurten every pair's shared part lies in: BU0001 and the repaired (unclosed) BU0010
const PAIR_BUURTEN = ['BU0001', 'BU0010'];
const W_HEADERS = ['id', 'categorie', 'eigenaar', 'titel', 'start', 'eind', 'geometrie', 'geometrie_2', 'geometrie_3', 'buffer_m', 'status', 'budget', 'wethouder'];

const at = (tabel: string, rij: number, geval: string) => (p: CaseProblem): ExpectedProblem => ({ geval, tabel, rij, ...p });

function werken(controle: ExpectedProblem[], paren: ExpectedPair[], analysed: string[]): TableBuilder {
  const t = new TableBuilder('Werken', W_HEADERS, 4, 2);
  WERKEN_CASES.forEach((c, k) => {
    const o = { x: 130000 + (k % 10) * 600, y: 452000 + Math.floor(k / 10) * 600 };
    const n = String(k + 1).padStart(2, '0');
    const ids = { a: `W${n}-A`, b: `W${n}-B`, x: `W${n}-X` };
    const street = (dy: number) => `LINESTRING(${o.x} ${o.y + dy}, ${o.x + 100} ${o.y + dy})`;
    t.add({ id: ids.a, categorie: 'warmtenet', eigenaar: 'Eneco', titel: 'Warmtenet', start: '2027-01-01', eind: '2027-12-31', geometrie: street(0) });
    const rij = t.add({ id: ids.x, categorie: 'gas', eigenaar: 'Stedin', titel: 'Gasleiding', start: '2027-03-01', eind: '2027-09-30', geometrie: street(5), ...c.cells(o, ids) });
    t.add({ id: ids.b, categorie: 'riolering', eigenaar: 'Gemeente', titel: 'Riool', start: '2027 Q2', eind: '2028 Q1', geometrie: street(3), budget: 250000 });
    // a blank row now and then: skipped without a word
    if (k % 25 === 24) t.add({});
    controle.push(...c.problems.map(at('Werken', rij, c.geval)));
    const a: [string, string] = [ids.a, 'warmtenet'];
    const b: [string, string] = [ids.b, 'riolering'];
    paren.push(pair(a, b, PAIR_BUURTEN));
    analysed.push(ids.a);
    if (!c.problems.some((p) => p.ernst === 'fout')) {
      const x: [string, string] = [c.werkId ?? ids.x, c.categorie ?? 'gas'];
      paren.push(pair(a, x, PAIR_BUURTEN), pair(b, x, PAIR_BUURTEN));
      analysed.push(x[0]);
    }
    analysed.push(ids.b);
  });
  return t;
}

/** A polygon around the streets whose WKT is cut at the cell limit, in a table without geometrie_2. */
function cutPolygon(): string {
  return cutLongLine({ x: 131000, y: 452000 }, 32767, 'POLYGON((');
}

function buurten(controle: ExpectedProblem[]): TableBuilder {
  const t = new TableBuilder('Buurten', ['buurtcode', 'buurtnaam', 'wijkcode', 'geometrie', 'inwoners']);
  const bad = (geval: string, values: Record<string, import('./corpus').FixtureCell>, ...problems: CaseProblem[]) =>
    controle.push(...problems.map(at('Buurten', t.add({ buurtnaam: 'Fout', geometrie: BIG, ...values }), geval)));
  t.add({ buurtcode: 'BU0001', buurtnaam: 'Centrum', wijkcode: 'WK01', geometrie: BIG, inwoners: 5120 });
  bad('empty buurtcode', { buurtcode: '' }, { kolom: 'buurtcode', ernst: 'fout', melding: '"buurtcode" is leeg. Vul een waarde in; de rij wordt overgeslagen.' });
  t.add({ buurtcode: '0111', buurtnaam: 'Lombok', geometrie: elsewhere(0) });
  bad('Excel error #N/A in buurtcode', { buurtcode: { error: '#N/A' } }, { kolom: 'buurtcode', ernst: 'fout', bevat: 'Excel-fout #N/A', waarde: '#N/A' });
  t.add({ buurtcode: 'BU0002', buurtnaam: 'Oog in Al', geometrie: elsewhere(1) });
  bad('duplicate buurtcode', { buurtcode: 'BU0001' }, { kolom: 'buurtcode', ernst: 'fout', melding: 'De buurtcode "BU0001" komt al voor in rij 2. Geef elke rij een eigen buurtcode, of verwijder een van de twee; deze rij wordt overgeslagen.' });
  t.add({ buurtcode: 'BU0003', buurtnaam: 'Dichterswijk', geometrie: elsewhere(2), inwoners: { error: '#DIV/0!' } });
  controle.push({ geval: 'Excel error #DIV/0! in a numeric buurt column (kept)', tabel: 'Buurten', rij: t.nextRij - 1, kolom: 'inwoners', ernst: 'waarschuwing', bevat: 'Excel-fout #DIV/0!' });
  bad('buurt geometry that is a line', { buurtcode: 'BU0020', geometrie: 'LINESTRING(129000 451000, 137000 457000)' }, { kolom: 'geometrie', ernst: 'fout', bevat: 'Een buurt moet een vlak zijn' });
  bad('a 32,767-character buurt polygon cut mid-number, no geometrie_2 column', { buurtcode: 'BU0021', geometrie: cutPolygon() },
    { kolom: 'geometrie', ernst: 'fout', bevat: 'tot het maximum van 32.767 tekens en breekt daar af, zodat de tekst niet compleet is. Voeg een kolom "geometrie_2" toe en zet de rest van de tekst in "geometrie_2"' });
  bad('buurt WKT cut off', { buurtcode: 'BU0022', geometrie: 'POLYGON((129000 451000, 137000' }, { kolom: 'geometrie', ernst: 'fout', bevat: 'De WKT-geometrie is niet te lezen' });
  bad('Excel error #REF! in buurt geometrie', { buurtcode: 'BU0023', geometrie: { error: '#REF!' } }, { kolom: 'geometrie', ernst: 'fout', bevat: 'Excel-fout #REF!' });
  bad('buurt bow tie', { buurtcode: 'BU0024', geometrie: 'POLYGON((129000 451000, 137000 457000, 137000 451000, 129000 457000, 129000 451000))' }, { kolom: 'geometrie', ernst: 'fout', bevat: 'snijdt zichzelf' });
  t.add({ buurtcode: 'BU0010', buurtnaam: 'Open ring', geometrie: 'POLYGON((129000 451000, 137000 451000, 137000 457000, 129000 457000))' });
  controle.push({ geval: 'unclosed buurt polygon (repaired, used)', tabel: 'Buurten', rij: t.nextRij - 1, kolom: 'geometrie', ernst: 'waarschuwing', bevat: 'niet gesloten' });
  bad('buurt outside the Netherlands', { buurtcode: 'BU0025', geometrie: sq(400000, 451000, 401000, 452000) }, { kolom: 'geometrie', ernst: 'fout', bevat: 'ligt buiten Nederland' });
  bad('empty buurt geometry', { buurtcode: 'BU0026', geometrie: null }, { kolom: 'geometrie', ernst: 'fout', bevat: '"geometrie" is leeg' });
  bad('Excel error #VALUE! in buurtnaam', { buurtcode: 'BU0027', buurtnaam: { error: '#VALUE!' } }, { kolom: 'buurtnaam', ernst: 'fout', bevat: 'Excel-fout #VALUE!' });
  t.add({ buurtcode: 'BU0004', buurtnaam: 'Met hoogte', geometrie: `{"type":"MultiPolygon","coordinates":[[[[143000,451000,2],[143900,451000,2],[143900,451900,2],[143000,451000,2]]]]}` });
  controle.push({ geval: 'buurt GeoJSON with heights (dropped, used)', tabel: 'Buurten', rij: t.nextRij - 1, kolom: 'geometrie', ernst: 'waarschuwing', bevat: 'Z/M' });
  bad('buurt GeometryCollection', { buurtcode: 'BU0028', geometrie: `GEOMETRYCOLLECTION(${BIG})` }, { kolom: 'geometrie', ernst: 'fout', bevat: 'GEOMETRYCOLLECTION' });
  t.add({ buurtcode: 'BU0005', buurtnaam: 'Laatste', geometrie: elsewhere(4) });
  return t;
}

function koppelkansen(controle: ExpectedProblem[]): TableBuilder {
  const t = new TableBuilder('Koppelkansen', ['id', 'buurtcode', 'geometrie', 'thema', 'soort', 'omschrijving', 'eigenaar', 'status']);
  const good = (values: Record<string, import('./corpus').FixtureCell>) => t.add({ thema: 'Gezondheid', soort: 'mensgericht', ...values });
  const bad = (geval: string, values: Record<string, import('./corpus').FixtureCell>, p: CaseProblem) =>
    controle.push(at('Koppelkansen', good(values), geval)(p));
  good({ id: 'K01', buurtcode: 'BU0001' });
  bad('empty koppelkans id', { id: '', buurtcode: 'BU0001' }, { kolom: 'id', ernst: 'fout', melding: '"id" is leeg. Vul een waarde in; de rij wordt overgeslagen.' });
  good({ id: 'K02', buurtcode: '0111' });
  bad('duplicate koppelkans id', { id: 'K01', buurtcode: 'BU0002' }, { kolom: 'id', ernst: 'fout', melding: 'Het id "K01" komt al voor in rij 2. Geef elke rij een eigen id; deze rij wordt overgeslagen.' });
  good({ id: 'K03', geometrie: 'POINT(133000 454000)' });
  bad('Excel error #N/A in koppelkans id', { id: { error: '#N/A' }, buurtcode: 'BU0001' }, { kolom: 'id', ernst: 'fout', bevat: 'Excel-fout #N/A' });
  bad('Excel error #N/A in koppelkans buurtcode', { id: 'K05', buurtcode: { error: '#N/A' } }, { kolom: 'buurtcode', ernst: 'fout', bevat: 'Excel-fout #N/A' });
  good({ id: 'K04', buurtcode: 'BU0003' });
  bad('koppelkans without buurtcode or geometry', { id: 'K06' }, { kolom: 'buurtcode', ernst: 'fout', bevat: 'heeft een buurtcode of een eigen geometrie nodig. Vul een van beide in' });
  good({ id: 'K07', buurtcode: 'BU9999' });
  controle.push({ geval: 'koppelkans with an unknown buurtcode (kept)', tabel: 'Koppelkansen', rij: t.nextRij - 1, kolom: 'buurtcode', ernst: 'waarschuwing', bevat: 'De buurtcode BU9999 staat niet in de tabel Buurten' });
  bad('koppelkans GeometryCollection', { id: 'K08', geometrie: 'GEOMETRYCOLLECTION(POINT(133000 454000))' }, { kolom: 'geometrie', ernst: 'fout', bevat: 'GEOMETRYCOLLECTION' });
  bad('Excel error #VALUE! in thema', { id: 'K09', buurtcode: 'BU0001', thema: { error: '#VALUE!' } }, { kolom: 'thema', ernst: 'fout', bevat: 'Excel-fout #VALUE!' });
  good({ id: 'K10', buurtcode: 'BU0020' });
  controle.push({ geval: 'koppelkans in a buurt that was left out (kept)', tabel: 'Koppelkansen', rij: t.nextRij - 1, kolom: 'buurtcode', ernst: 'waarschuwing', bevat: 'De buurtcode BU0020 staat niet in de tabel Buurten' });
  bad('koppelkans outside the Netherlands', { id: 'K11', geometrie: 'POINT(2.35 48.85)' }, { kolom: 'geometrie', ernst: 'fout', bevat: 'ligt buiten Nederland' });
  good({ id: 'K12', buurtcode: 'BU0005' });
  return t;
}

function regels(controle: ExpectedProblem[]): TableBuilder {
  const t = new TableBuilder('Regels', ['naam', 'waarde']);
  const bad = (geval: string, naam: import('./corpus').FixtureCell, waarde: import('./corpus').FixtureCell, p: CaseProblem) =>
    controle.push(at('Regels', t.add({ naam, waarde }), geval)(p));
  t.add({ naam: 'afstand_m', waarde: 12 });
  bad('unknown regel', 'afstand', 7, { kolom: 'naam', ernst: 'fout', bevat: 'Onbekende regel; de rij wordt overgeslagen. Gebruik een van: afstand_m' });
  t.add({ naam: 'Min overlap m', waarde: '25' });
  bad('Excel error #N/A in a regel waarde', 'min_overlap_m2', { error: '#N/A' }, { kolom: 'waarde', ernst: 'fout', bevat: 'Excel-fout #N/A' });
  bad('another unknown regel', 'maximale_afstand', 100, { kolom: 'naam', ernst: 'fout', bevat: 'Onbekende regel' });
  bad('months not whole', 'max_tussentijd_maanden', '1,5', { kolom: 'waarde', ernst: 'fout', melding: 'Het aantal maanden moet een heel getal zijn. Vul een heel aantal maanden in, bijvoorbeeld 24. De rij wordt overgeslagen; de standaardwaarde 24 geldt.' });
  bad('no ja or nee', 'zelfde_categorie', 'misschien', { kolom: 'waarde', ernst: 'fout', bevat: '"misschien" is geen ja of nee. Vul ja of nee in.' });
  bad('a regel written another way, twice', 'AFSTAND M', 5000, { kolom: 'naam', ernst: 'fout', melding: 'De regel afstand_m staat al in rij 2; alleen die geldt, deze rij wordt overgeslagen. Verwijder een van de twee.' });
  bad('Excel error #REF! in a regel naam', { error: '#REF!' }, 3, { kolom: 'naam', ernst: 'fout', bevat: 'Excel-fout #REF!' });
  bad('empty regel naam', '', 3, { kolom: 'naam', ernst: 'fout', melding: '"naam" is leeg. Vul een waarde in; de rij wordt overgeslagen.' });
  bad('the same regel twice', 'afstand_m', 5000, { kolom: 'naam', ernst: 'fout', melding: 'De regel afstand_m staat al in rij 2; alleen die geldt, deze rij wordt overgeslagen. Verwijder een van de twee.' });
  return t;
}

/** The main corpus werkboek. */
export function rijen(): FixtureWerkboek {
  const controle: ExpectedProblem[] = [];
  const paren: ExpectedPair[] = [];
  const analysed: string[] = [];
  const tables = {
    werken: werken(controle, paren, analysed).table(),
    buurten: buurten(controle).table(),
    koppelkansen: koppelkansen(controle).table(),
    regels: regels(controle).table(),
  };
  return {
    name: 'rijen',
    tables,
    controle,
    result: {
      paren,
      werken: analysed,
      buurten: ['BU0001', '0111', 'BU0002', 'BU0003', 'BU0010', 'BU0004', 'BU0005'],
      koppelkansen: ['K01', 'K02', 'K03', 'K04', 'K07', 'K10', 'K12'],
      regels: { afstandM: 12, minOverlapM: 25, minOverlapM2: 100, maxTussentijdMaanden: 24, zelfdeCategorie: false },
    },
  };
}
