/**
 * The column-mapping step of "Werken importeren (CSV)": each CSV column gets a Werken field
 * (prefilled from the remembered mapping and the aliases), the source name, and whether the rows
 * are added or replace one eigenaar's rows. Shown as a modal dialog; resolves with the choice, or
 * null when the planner cancels.
 */
import { NIET_OVERNEMEN, WERK_VELDEN, missingFields, type KolomKeuze, type KolomMapping, type MappingProposal, type WerkVeld } from '../core/import/mapping';
import { el } from './dom';

/** What the planner chose. */
export interface MappingKeuze {
  bron: string;
  mapping: KolomMapping;
  /** the eigenaar whose rows the import replaces; undefined: the rows are added */
  vervangEigenaar?: string;
}

const VELD_NAMEN: Record<WerkVeld, string> = {
  id: 'id', categorie: 'categorie', eigenaar: 'eigenaar', titel: 'titel', start: 'start', eind: 'eind',
  geometrie: 'geometrie (WKT of GeoJSON)', x: 'x (RD New)', y: 'y (RD New)', lat: 'lat (WGS84)', lon: 'lon (WGS84)',
  buffer_m: 'buffer_m', status: 'status', budget: 'budget', contact: 'contact',
};

/**
 * the mapping the selects describe now: a column set to "(niet overnemen)" that the proposal had
 * given a field (or that was left out before) is left out on purpose; a column nobody chose for
 * stays unnamed, so it is still kept where Werken has a column of that name
 */
function gekozen(selects: readonly HTMLSelectElement[], voorstel: MappingProposal): KolomMapping {
  const m: Record<string, KolomKeuze> = {};
  for (const s of selects) {
    if (s.value) m[s.name] = s.value as WerkVeld;
    else if (s.name in voorstel.mapping) m[s.name] = NIET_OVERNEMEN;
  }
  return m;
}

/**
 * Asks the planner to map the columns of a CSV.
 *
 * @example
 * const keuze = await vraagMapping(document.body, csv.headers, proposeMapping(csv.headers, remembered), 'stedin.csv', eigenaren);
 * if (keuze) importWerken(csv, raw.werken, { ...keuze, mapping: keuze.mapping });
 */
export function vraagMapping(host: HTMLElement, headers: readonly string[], voorstel: MappingProposal, bron: string, eigenaren: readonly string[]): Promise<MappingKeuze | null> {
  const selects = headers.filter((h) => h !== '').map((h) => {
    const s = el('select', { name: h, 'aria-label': `Veld voor kolom ${h}` }, el('option', { value: '' }, '(niet overnemen)'));
    for (const v of WERK_VELDEN) s.appendChild(el('option', { value: v }, VELD_NAMEN[v]));
    s.value = voorstel.mapping[h] ?? '';
    return s;
  });
  const bronInput = el('input', { type: 'text', id: 'import-bron', value: bron, required: '' });
  const vervang = el('input', { type: 'checkbox', id: 'import-vervang' });
  const eigenaar = el('input', { type: 'text', id: 'import-eigenaar', list: 'import-eigenaren', disabled: '' });
  const lijst = el('datalist', { id: 'import-eigenaren' });
  for (const e of eigenaren) lijst.appendChild(el('option', { value: e }));
  const ontbreekt = el('p', { class: 'kk-melding', id: 'import-ontbreekt', role: 'status' });
  const ok = el('button', { type: 'submit', class: 'kk-knop', id: 'import-ok' }, 'Importeren');
  const annuleer = el('button', { type: 'button', class: 'kk-knop-stil', id: 'import-annuleer' }, 'Annuleren');
  const tabel = el('table', { class: 'kk-mapping' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Kolom in het bestand'), el('th', {}, 'Veld in Werken'))),
    el('tbody', {}, ...selects.map((s) => el('tr', {}, el('td', {}, s.name), el('td', {}, s)))));
  const form = el('form', { method: 'dialog', class: 'kk-import-form' },
    el('h2', {}, 'Kolommen koppelen'),
    el('label', { class: 'kk-veld' }, 'Bron (onthouden in KoppelkaartBronnen)', bronInput),
    tabel,
    el('label', { class: 'kk-check' }, vervang, 'Vervang de rijen van eigenaar'),
    el('label', { class: 'kk-veld' }, 'Eigenaar', eigenaar, lijst),
    ontbreekt,
    el('div', { class: 'kk-toolbar' }, ok, annuleer));
  const dialog = el('dialog', { class: 'kk-dialog', id: 'import-dialoog', 'aria-label': 'Kolommen koppelen' }, form);

  const check = () => {
    const missing = missingFields(gekozen(selects, voorstel));
    ontbreekt.textContent = missing.length ? `Nog nodig: ${missing.join(', ')}.` : '';
    ok.disabled = missing.length > 0 || bronInput.value.trim() === '' || (vervang.checked && eigenaar.value.trim() === '');
  };
  for (const s of selects) s.addEventListener('change', check);
  bronInput.addEventListener('input', check);
  eigenaar.addEventListener('input', check);
  vervang.addEventListener('change', () => {
    eigenaar.disabled = !vervang.checked;
    check();
  });
  check();
  host.appendChild(dialog);
  return new Promise((resolve) => {
    const klaar = (keuze: MappingKeuze | null) => {
      dialog.close();
      dialog.remove();
      resolve(keuze);
    };
    annuleer.addEventListener('click', () => klaar(null));
    dialog.addEventListener('cancel', () => klaar(null));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      klaar({ bron: bronInput.value.trim(), mapping: gekozen(selects, voorstel), vervangEigenaar: vervang.checked ? eigenaar.value.trim() : undefined });
    });
    dialog.showModal();
  });
}
