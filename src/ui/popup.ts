/** Popup content for works, pairs, buurten and koppelkansen: a title and a field table, all text. */
import type { CellValue } from '../core/types';
import { el } from './dom';
import { formatCell, formatDay, formatOverlap } from './format';
import type { KaartBuurt, KaartKoppelkans, KaartPaar, KaartWerk } from './model';

type Veld = [string, string];

function velden(titel: string, rows: Veld[]): HTMLElement {
  return el(
    'div',
    { class: 'kk-popup' },
    el('div', { class: 'kk-popup-titel' }, titel),
    el('table', {}, ...rows.filter(([, v]) => v !== '').map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, v)))),
  );
}

function extraVelden(extra: Record<string, CellValue>): Veld[] {
  return Object.entries(extra).map(([k, v]) => [k, formatCell(v)]);
}

/** A work's fields. */
export function werkPopup(w: KaartWerk): HTMLElement {
  return velden(w.titel || w.id, [
    ['id', w.id],
    ['categorie', w.categorie],
    ['eigenaar', w.eigenaar],
    ['periode', `${formatDay(w.start)} – ${formatDay(w.eind)}`],
    ['buurten', w.buurten.join(' ')],
    ...extraVelden(w.extra),
  ]);
}

/** A pair's fields. */
export function paarPopup(p: KaartPaar): HTMLElement {
  return velden(p.id, [
    ['werken', `${p.werkA} (${p.categorieA}) + ${p.werkB} (${p.categorieB})`],
    ['overlap', formatOverlap(p.overlap, p.eenheid)],
    ['tussentijd', `${p.tussentijdDagen} dagen`],
    ['periode', `${formatDay(p.start)} – ${formatDay(p.eind)}`],
    ['buurten', p.buurten.join(' ')],
    ['status', p.status],
    ['notitie', p.notitie],
  ]);
}

/** A buurt's fields, with the value of the choropleth column first. */
export function buurtPopup(b: KaartBuurt): HTMLElement {
  return velden(b.naam || b.code, [
    ['buurtcode', b.code],
    ['wijk', b.wijknaam || b.wijkcode],
    ...extraVelden(b.values),
  ]);
}

/** A koppelkans's fields. */
export function koppelkansPopup(k: KaartKoppelkans): HTMLElement {
  return velden(k.thema || k.id, [
    ['id', k.id],
    ['soort', k.soort],
    ['omschrijving', k.omschrijving],
    ['eigenaar', k.eigenaar],
    ['status', k.status],
    ['buurt', k.buurtcode],
  ]);
}
