/**
 * What the planner filters on, and which works, pairs, buurten and koppelkansen stay visible.
 * Pure: the map, the list and the counts all read one `Zichtbaar`.
 */
import type { KaartModel, KaartPaar, KaartWerk } from './model';
import { firstDayOfYear, yearOf } from './format';

/** The filter settings; an empty set means "all". */
export interface Filter {
  categorieen: ReadonlySet<string>;
  eigenaren: ReadonlySet<string>;
  /** inclusive year range a work's period must touch; null: any */
  vanJaar: number | null;
  totJaar: number | null;
  /** a wijkcode or '' for all */
  wijk: string;
  /** a buurtcode or '' for all */
  buurt: string;
}

export const GEEN_FILTER: Filter = Object.freeze({
  categorieen: new Set<string>(),
  eigenaren: new Set<string>(),
  vanJaar: null,
  totJaar: null,
  wijk: '',
  buurt: '',
});

/** The ids of what stays visible under a filter. */
export interface Zichtbaar {
  werken: Set<string>;
  paren: Set<string>;
  buurten: Set<string>;
  koppelkansen: Set<string>;
}

/** The choices the filter controls offer, taken from the data. */
export interface FilterKeuzes {
  categorieen: string[];
  eigenaren: string[];
  minJaar: number;
  maxJaar: number;
  wijken: { code: string; naam: string }[];
  buurten: { code: string; naam: string; wijkcode: string }[];
}

/** Distinct values, sorted the Dutch way. */
function distinct(values: Iterable<string>): string[] {
  return [...new Set([...values].filter((v) => v !== ''))].sort((a, b) => a.localeCompare(b, 'nl'));
}

/** The filter choices found in a model. */
export function filterKeuzes(model: KaartModel): FilterKeuzes {
  // a loop, not Math.min(...years): spreading 200,000 numbers overflows the stack
  let [minJaar, maxJaar] = [Infinity, -Infinity];
  for (const w of model.werken) {
    const [a, b] = [yearOf(w.start), yearOf(w.eind)];
    minJaar = Math.min(minJaar, a, b);
    maxJaar = Math.max(maxJaar, a, b);
  }
  const thisYear = new Date().getUTCFullYear();
  const wijken = new Map<string, string>();
  for (const b of model.buurten) if (b.wijkcode) wijken.set(b.wijkcode, b.wijknaam || b.wijkcode);
  return {
    categorieen: distinct(model.werken.map((w) => w.categorie)),
    eigenaren: distinct(model.werken.map((w) => w.eigenaar)),
    minJaar: model.werken.length ? minJaar : thisYear,
    maxJaar: model.werken.length ? maxJaar : thisYear,
    wijken: [...wijken].map(([code, naam]) => ({ code, naam })).sort((a, b) => a.code.localeCompare(b.code, 'nl')),
    buurten: model.buurten
      .map((b) => ({ code: b.code, naam: b.naam, wijkcode: b.wijkcode }))
      .sort((a, b) => a.naam.localeCompare(b.naam, 'nl')),
  };
}

/** The buurtcodes an area filter keeps, or null when it keeps all. */
function areaCodes(model: KaartModel, filter: Filter): Set<string> | null {
  if (filter.buurt) return new Set([filter.buurt]);
  if (filter.wijk) return new Set(model.buurten.filter((b) => b.wijkcode === filter.wijk).map((b) => b.code));
  return null;
}

/** Whether a period touches the filter's year range. */
function inPeriod(start: number, eind: number, filter: Filter): boolean {
  if (filter.vanJaar !== null && eind < firstDayOfYear(filter.vanJaar)) return false;
  if (filter.totJaar !== null && start >= firstDayOfYear(filter.totJaar + 1)) return false;
  return true;
}

function werkVisible(w: KaartWerk, filter: Filter, area: Set<string> | null): boolean {
  if (filter.categorieen.size && !filter.categorieen.has(w.categorie)) return false;
  if (filter.eigenaren.size && !filter.eigenaren.has(w.eigenaar)) return false;
  if (!inPeriod(w.start, w.eind, filter)) return false;
  return area === null || w.buurten.some((c) => area.has(c));
}

/** a pair stays when both works pass the work filters and its shared part lies in the area */
function paarVisible(p: KaartPaar, werken: Set<string>, filter: Filter, area: Set<string> | null): boolean {
  if (!werken.has(p.werkA) || !werken.has(p.werkB)) return false;
  if (!inPeriod(p.start, p.eind, filter)) return false;
  return area === null || p.buurten.some((c) => area.has(c));
}

/**
 * Applies a filter to a model.
 *
 * @example
 * const z = applyFilter(model, { ...GEEN_FILTER, categorieen: new Set(['warmtenet']) });
 * z.werken.size; // the warmtenet works only
 */
export function applyFilter(model: KaartModel, filter: Filter): Zichtbaar {
  const area = areaCodes(model, filter);
  // works are filtered by area too, but a pair needs both works regardless of where the
  // second one lies, so check the works' own filters separately for pairs
  const werkenOwn = new Set<string>();
  const werken = new Set<string>();
  for (const w of model.werken) {
    if (!werkVisible(w, filter, null)) continue;
    werkenOwn.add(w.id);
    if (area === null || w.buurten.some((c) => area.has(c))) werken.add(w.id);
  }
  const paren = new Set(model.paren.filter((p) => paarVisible(p, werkenOwn, filter, area)).map((p) => p.id));
  const buurten = new Set(model.buurten.filter((b) => area === null || area.has(b.code)).map((b) => b.code));
  const koppelkansen = new Set(
    model.koppelkansen.filter((k) => area === null || area.has(k.buurtcode)).map((k) => k.id),
  );
  return { werken, paren, buurten, koppelkansen };
}
