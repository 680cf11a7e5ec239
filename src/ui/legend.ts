/** The layer switches with each layer's legend; the buurten layer chooses its choropleth column. */
import { LAGEN, type LaagNaam } from '../map/kaart';
import { STATUS_KLEUREN, categorieKleur, themaKleur } from '../map/styles';
import type { Klasse } from './classes';
import { clear, el } from './dom';

const NAMEN: Record<LaagNaam, string> = {
  buurten: 'Buurten',
  koppelkansen: 'Koppelkansen (wijkaanpak)',
  werken: 'Werken',
  meekoppelkansen: 'Meekoppelkansen',
};

export interface LegendaOpties {
  onLaag: (naam: LaagNaam, aan: boolean) => void;
  /** returns the classes drawn, for the legend */
  onChoropleth: (kolom: string | null) => Klasse[];
}

export class Legenda {
  readonly element: HTMLElement;
  private readonly items = {} as Record<LaagNaam, HTMLElement>;
  private readonly kolom = el('select', { id: 'choropleth', 'aria-label': 'Kleur buurten op' });

  constructor(private readonly opties: LegendaOpties) {
    this.element = el('div', { class: 'kk-legenda' });
    for (const naam of LAGEN) {
      const box = el('input', { type: 'checkbox', checked: '', id: `laag-${naam}` });
      box.addEventListener('change', () => opties.onLaag(naam, box.checked));
      this.items[naam] = el('ul', { class: 'kk-legenda-items' });
      this.element.appendChild(el('div', { class: 'kk-laag' }, el('label', { class: 'kk-check kk-laag-naam' }, box, NAMEN[naam]), this.items[naam]));
    }
    this.kolom.addEventListener('change', () => this.showKlassen(opties.onChoropleth(this.kolom.value || null)));
  }

  /** Fills the legends for what the model holds. */
  setInhoud(inhoud: { kolommen: string[]; categorieen: string[]; themas: string[] }): void {
    clear(this.kolom);
    this.kolom.appendChild(el('option', { value: '' }, 'alleen grenzen'));
    for (const k of inhoud.kolommen) this.kolom.appendChild(el('option', { value: k }, k));
    this.showKlassen([]);
    fillItems(this.items.werken, inhoud.categorieen.map((c) => [c, categorieKleur(c)]), 'lijn');
    fillItems(this.items.koppelkansen, inhoud.themas.map((t) => [t, themaKleur(t)]), 'stip');
    fillItems(this.items.meekoppelkansen, Object.entries(STATUS_KLEUREN), 'balk');
  }

  /** Chooses the choropleth column from code (e.g. a saved choice); '' for outlines only. */
  setKolom(kolom: string): void {
    this.kolom.value = kolom;
    this.showKlassen(this.opties.onChoropleth(kolom || null));
  }

  private showKlassen(klassen: Klasse[]): void {
    const ul = this.items.buurten;
    clear(ul);
    ul.appendChild(el('li', {}, el('label', { class: 'kk-veld' }, 'Kleur op', this.kolom)));
    const fmt = (n: number) => n.toLocaleString('nl-NL', { maximumFractionDigits: 1 });
    for (const k of klassen) ul.appendChild(item(k.van === k.tot ? fmt(k.van) : `${fmt(k.van)} – ${fmt(k.tot)}`, k.kleur, 'vlak'));
  }
}

function fillItems(ul: HTMLElement, entries: [string, string][], vorm: string): void {
  clear(ul);
  for (const [label, kleur] of entries) ul.appendChild(item(label, kleur, vorm));
}

function item(label: string, kleur: string, vorm: string): HTMLElement {
  const swatch = el('span', { class: `kk-swatch kk-swatch-${vorm}` });
  swatch.style.background = kleur;
  return el('li', {}, swatch, label);
}
