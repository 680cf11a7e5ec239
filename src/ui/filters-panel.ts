/** The filter controls: categories (with their map colour), eigenaar, a year range, wijk and buurt. */
import { categorieKleur } from '../map/styles';
import { clear, el } from './dom';
import type { Filter, FilterKeuzes } from './filter';

export class FilterPaneel {
  readonly element: HTMLElement;
  private keuzes: FilterKeuzes | null = null;
  private readonly categorieen = el('fieldset', { class: 'kk-categorieen', id: 'filter-categorieen' });
  private readonly eigenaar = el('select', { id: 'filter-eigenaar' });
  private readonly van = el('input', { type: 'range', id: 'filter-van', 'aria-label': 'Vanaf jaar' });
  private readonly tot = el('input', { type: 'range', id: 'filter-tot', 'aria-label': 'Tot en met jaar' });
  private readonly periode = el('output', { id: 'filter-periode' });
  private readonly wijk = el('select', { id: 'filter-wijk' });
  private readonly buurt = el('select', { id: 'filter-buurt' });

  constructor(private readonly onChange: (f: Filter) => void) {
    const reset = el('button', { type: 'button', class: 'kk-knop-stil', id: 'filter-reset' }, 'Alles tonen');
    reset.addEventListener('click', () => this.keuzes && this.setKeuzes(this.keuzes, true));
    this.element = el('div', { class: 'kk-filters' },
      this.categorieen,
      el('label', { class: 'kk-veld' }, 'Eigenaar', this.eigenaar),
      el('div', { class: 'kk-veld' }, el('span', {}, 'Periode '), this.periode, el('div', { class: 'kk-bereik' }, this.van, this.tot)),
      el('label', { class: 'kk-veld' }, 'Wijk', this.wijk),
      el('label', { class: 'kk-veld' }, 'Buurt', this.buurt),
      reset);
    for (const input of [this.van, this.tot]) input.addEventListener('input', () => this.changed(input));
    this.eigenaar.addEventListener('change', () => this.changed());
    this.wijk.addEventListener('change', () => {
      this.buurt.value = '';
      this.fillBuurten();
      this.changed();
    });
    this.buurt.addEventListener('change', () => this.changed());
    this.categorieen.addEventListener('change', () => this.changed());
  }

  /** Fills the controls with the choices of a new model; `emit` reports the reset filter. */
  setKeuzes(k: FilterKeuzes, emit = false): void {
    this.keuzes = k;
    clear(this.categorieen);
    this.categorieen.appendChild(el('legend', {}, 'Categorieën'));
    for (const c of k.categorieen) {
      const box = el('input', { type: 'checkbox', value: c, checked: '' });
      const stip = el('span', { class: 'kk-stip' });
      stip.style.background = categorieKleur(c);
      this.categorieen.appendChild(el('label', { class: 'kk-check' }, box, stip, c));
    }
    fill(this.eigenaar, [['', 'Alle eigenaren'], ...k.eigenaren.map((e): [string, string] => [e, e])]);
    for (const input of [this.van, this.tot]) {
      input.min = String(k.minJaar);
      input.max = String(k.maxJaar);
    }
    this.van.value = String(k.minJaar);
    this.tot.value = String(k.maxJaar);
    fill(this.wijk, [['', 'Alle wijken'], ...k.wijken.map((w): [string, string] => [w.code, w.naam])]);
    this.fillBuurten();
    this.showPeriode();
    if (emit) this.onChange(this.filter());
  }

  /** The filter the controls say now. */
  filter(): Filter {
    const boxes = [...this.categorieen.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    const checked = boxes.filter((b) => b.checked).map((b) => b.value);
    const k = this.keuzes;
    const van = Number(this.van.value);
    const tot = Number(this.tot.value);
    return {
      // all checked means no filter, so a categorie that appears later is not hidden
      categorieen: new Set(checked.length === boxes.length ? [] : checked.length === 0 ? ['\u0000'] : checked),
      eigenaren: new Set(this.eigenaar.value ? [this.eigenaar.value] : []),
      vanJaar: k && van > k.minJaar ? van : null,
      totJaar: k && tot < k.maxJaar ? tot : null,
      wijk: this.wijk.value,
      buurt: this.buurt.value,
    };
  }

  private fillBuurten(): void {
    const buurten = (this.keuzes?.buurten ?? []).filter((b) => !this.wijk.value || b.wijkcode === this.wijk.value);
    fill(this.buurt, [['', 'Alle buurten'], ...buurten.map((b): [string, string] => [b.code, b.naam])]);
  }

  private changed(moved?: HTMLInputElement): void {
    // the two thumbs never cross: the one that moved pushes the other
    if (Number(this.van.value) > Number(this.tot.value)) {
      if (moved === this.van) this.tot.value = this.van.value;
      else this.van.value = this.tot.value;
    }
    this.showPeriode();
    this.onChange(this.filter());
  }

  private showPeriode(): void {
    this.periode.textContent = this.van.value === this.tot.value ? this.van.value : `${this.van.value} – ${this.tot.value}`;
  }
}

function fill(select: HTMLSelectElement, options: [string, string][]): void {
  clear(select);
  for (const [value, label] of options) select.appendChild(el('option', { value }, label));
}
