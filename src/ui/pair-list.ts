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

/**
 * rows drawn at first and per "Toon meer": a row (with its status menu) costs about a millisecond
 * to build and lay out, and a planner filters rather than scrolls through thousands
 */
export const PAGINA = 150;

export class PaarLijst {
  readonly element: HTMLElement;
  private readonly lijst: HTMLOListElement;
  private readonly sorteer: HTMLSelectElement;
  private readonly meer: HTMLButtonElement;
  private paren: KaartPaar[] = [];
  private gesorteerd: KaartPaar[] = [];
  private selected: string | null = null;

  constructor(private readonly opties: PaarLijstOpties) {
    this.sorteer = el('select', { id: 'sorteer', 'aria-label': 'Sorteer meekoppelkansen' },
      ...SORTERINGEN.map((s) => el('option', { value: s.key }, s.label)));
    this.sorteer.addEventListener('change', () => this.render());
    this.lijst = el('ol', { class: 'kk-lijst', id: 'paren' });
    this.meer = el('button', { type: 'button', class: 'kk-knop-stil kk-meer', id: 'paren-meer', hidden: '' });
    this.meer.addEventListener('click', () => this.toonMeer());
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
    this.gesorteerd = sortParen(this.paren, this.sorteer.value as PaarSortering);
    this.toonMeer();
  }

  /** adds the next page of rows */
  private toonMeer(): void {
    const van = this.lijst.childElementCount;
    const rijen = document.createDocumentFragment();
    for (const p of this.gesorteerd.slice(van, van + PAGINA)) rijen.appendChild(this.rij(p));
    this.lijst.appendChild(rijen);
    const over = this.gesorteerd.length - this.lijst.childElementCount;
    this.meer.hidden = over <= 0;
    this.meer.textContent = `Toon er ${Math.min(over, PAGINA)} meer (nog ${over}; filters maken de lijst korter)`;
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
