/** A pair's detail: both works side by side and their timeline. */
import { categorieKleur } from '../map/styles';
import { el } from './dom';
import { formatDay, formatOverlap } from './format';
import type { KaartPaar, KaartWerk } from './model';
import { tijdlijnSvg } from './timeline-svg';

function werkBlok(w: KaartWerk): HTMLElement {
  return el(
    'div',
    { class: 'kk-detail-werk' },
    el('span', { class: 'kk-stip', 'data-kleur': categorieKleur(w.categorie) }),
    el('strong', {}, w.titel || w.id),
    el('div', { class: 'kk-zacht' }, `${w.id} · ${w.categorie} · ${w.eigenaar}`),
    el('div', { class: 'kk-zacht' }, `${formatDay(w.start)} – ${formatDay(w.eind)}`),
  );
}

/** The detail of a pair; `werken` looks a work up by id. */
export function paarDetail(p: KaartPaar, werk: (id: string) => KaartWerk | undefined): HTMLElement {
  const a = werk(p.werkA);
  const b = werk(p.werkB);
  const overlap = formatOverlap(p.overlap, p.eenheid);
  const tussen = p.tussentijdDagen > 0 ? `${p.tussentijdDagen} dagen ertussen` : 'tegelijk bezig';
  const node = el(
    'section',
    { class: 'kk-detail', id: 'paar-detail', 'data-paar': p.id, 'aria-label': `Details van ${p.id}` },
    el('h3', {}, p.id),
    el('div', { class: 'kk-zacht' }, `Gedeeld: ${overlap} · ${tussen} · buurten ${p.buurten.join(' ') || '–'}`),
    a ? werkBlok(a) : null,
    b ? werkBlok(b) : null,
    a && b
      ? tijdlijnSvg(
          { start: a.start, eind: a.eind, label: `${a.id} (${a.categorie})`, kleur: categorieKleur(a.categorie) },
          { start: b.start, eind: b.eind, label: `${b.id} (${b.categorie})`, kleur: categorieKleur(b.categorie) },
        )
      : null,
  );
  // swatch colours go through the CSSOM: the page's policy forbids style attributes
  node.querySelectorAll<HTMLElement>('[data-kleur]').forEach((s) => (s.style.background = s.dataset.kleur ?? ''));
  return node;
}
