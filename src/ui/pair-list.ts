/**
 * The list of meekoppelkansen: sortable, one row per pair with its status and note editable.
 * A click on a row selects the pair (the app zooms the map to it); edits go to `onEdit`.
 */
import { statusKleur } from '../map/styles';
import { clear, el } from './dom';
import { formatOverlap } from './format';
import { PAAR_STATUSSEN, type KaartPaar } from './model';
import { SORTERINGEN, sortParen, type PaarSortering } from './sort';

export interface PaarLijstOpties {
  onSelect: (id: string) => void;
  onEdit: (id: string, velden: { status: string; notitie: string }) => void;
}

/** rows beyond this are not drawn: a planner filters rather than scrolls through thousands */
const MAX_RIJEN = 500;

export class PaarLijst {
  readonly element: HTMLElement;
  private readonly lijst: HTMLOListElement;
  private readonly sorteer: HTMLSelectElement;
  private readonly meer: HTMLElement;
  private paren: KaartPaar[] = [];
  private selected: string | null = null;

  constructor(private readonly opties: PaarLijstOpties) {
    this.sorteer = el('select', { id: 'sorteer', 'aria-label': 'Sorteer meekoppelkansen' },
      ...SORTERINGEN.map((s) => el('option', { value: s.key }, s.label)));
    this.sorteer.addEventListener('change', () => this.render());
    this.lijst = el('ol', { class: 'kk-lijst', id: 'paren' });
    this.meer = el('p', { class: 'kk-zacht', hidden: '' });
    this.element = el('div', { class: 'kk-lijst-blok' },
      el('label', { class: 'kk-rij' }, 'Sorteer op ', this.sorteer), this.lijst, this.meer);
  }

  /** Shows these pairs (already filtered). */
  setParen(paren: KaartPaar[]): void {
    this.paren = paren;
    this.render();
  }

  /** Marks a pair's row (null: none) and scrolls it into view. */
  select(id: string | null): void {
    this.selected = id;
    for (const li of this.lijst.querySelectorAll<HTMLElement>('li')) {
      const on = li.dataset.paar === id;
      li.classList.toggle('kk-geselecteerd', on);
      if (on) li.scrollIntoView({ block: 'nearest' });
    }
  }

  private render(): void {
    clear(this.lijst);
    const sorted = sortParen(this.paren, this.sorteer.value as PaarSortering);
    for (const p of sorted.slice(0, MAX_RIJEN)) this.lijst.appendChild(this.rij(p));
    this.meer.hidden = sorted.length <= MAX_RIJEN;
    this.meer.textContent = `${sorted.length - MAX_RIJEN} meer; gebruik de filters om ze te zien.`;
    this.select(this.selected);
  }

  private rij(p: KaartPaar): HTMLLIElement {
    const status = el('select', { class: 'kk-status-keuze', 'aria-label': `Status van ${p.id}` },
      ...statusOpties(p.status).map((s) => el('option', { value: s }, s)));
    status.value = p.status;
    const notitie = el('input', { type: 'text', class: 'kk-notitie', placeholder: 'Notitie', 'aria-label': `Notitie bij ${p.id}` });
    notitie.value = p.notitie;
    const edit = () => this.opties.onEdit(p.id, { status: status.value, notitie: notitie.value });
    status.addEventListener('change', edit);
    notitie.addEventListener('change', edit);
    const stip = el('span', { class: 'kk-stip' });
    stip.style.background = statusKleur(p.status);
    status.addEventListener('change', () => (stip.style.background = statusKleur(status.value)));
    const kop = el('button', { type: 'button', class: 'kk-lijst-kop' },
      stip,
      el('span', { class: 'kk-lijst-titel' }, `${p.categorieA} + ${p.categorieB}`),
      el('span', { class: 'kk-lijst-maat' }, formatOverlap(p.overlap, p.eenheid)),
      el('span', { class: 'kk-zacht kk-lijst-sub' }, `${p.werkA} · ${p.werkB} · ${p.buurten.join(' ')}`),
    );
    kop.addEventListener('click', () => this.opties.onSelect(p.id));
    return el('li', { 'data-paar': p.id }, kop, el('div', { class: 'kk-lijst-edit' }, status, notitie));
  }
}

/** the known statuses, plus whatever the planner typed in the workbook */
function statusOpties(current: string): string[] {
  const known: string[] = [...PAAR_STATUSSEN];
  return current && !known.includes(current) ? [current, ...known] : known;
}
