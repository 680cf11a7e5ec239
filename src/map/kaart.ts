/**
 * The Koppelkaart map: buurten, koppelkansen, works and meekoppelkansen as switchable layers on a
 * canvas renderer. One canvas for all four, so a click finds the topmost feature of any layer
 * (a canvas per pane would swallow the clicks meant for the ones below); the drawing order keeps
 * pairs on top of koppelkansen, those on works, and works on buurten. Works and pairs (there can
 * be a hundred thousand) are each one `VeelLaag` drawn from the worker's flat arrays; buurten and
 * koppelkansen (a few hundred) are plain Leaflet paths.
 * It draws a `KaartModel`, follows a `Zichtbaar` from the filters and reports clicks as a `Selectie`.
 */
import L from 'leaflet';
import type { Position } from '../core/types';
import type { KaartModel, KaartPaar } from '../ui/model';
import type { Zichtbaar } from '../ui/filter';
import { buurtPopup, koppelkansPopup, paarPopup, werkPopup } from '../ui/popup';
import { kleurVoor, numberOf, quantileKlassen, type Klasse } from '../ui/classes';
import { addBasemap } from './basemap';
import { boundsOf, toLeaflet } from './geometry';
import { BUURT_STIJL, isAfgerond, themaKleur } from './styles';
import { VeelLaag } from './veel-laag';
import { VeelStijlen } from './veel-stijlen';
import { lonLat, lonLatBox, middenVan, type Vormen } from './vormen';

export type LaagNaam = 'buurten' | 'koppelkansen' | 'werken' | 'meekoppelkansen';
export const LAGEN: LaagNaam[] = ['buurten', 'koppelkansen', 'werken', 'meekoppelkansen'];

/** What the planner clicked or what is selected in the sheet. */
export interface Selectie {
  soort: 'werk' | 'paar';
  id: string;
}

export interface KaartOpties {
  /** load the PDOK base map (default true) */
  basemap?: boolean;
  /** called when a work or a pair is clicked on the map */
  onSelect?: (s: Selectie) => void;
  /** called once when the base map cannot load */
  onBasemapUnavailable?: () => void;
}

type Vorm = L.Path | L.FeatureGroup;
/** the key of a layer's one VeelLaag in `vormen` and `shown` */
const ALLE = '*';

/** buurt labels appear from this zoom level on; below it they would cover the map */
const LABEL_ZOOM = 14;
/** drawing order, bottom first */
const VOLGORDE: LaagNaam[] = ['buurten', 'werken', 'koppelkansen', 'meekoppelkansen'];

export class Kaart {
  readonly map: L.Map;
  private readonly container: HTMLElement;
  private readonly groups = {} as Record<LaagNaam, L.FeatureGroup>;
  /** feature → its id: one click handler per layer instead of one (and a popup) per feature */
  private readonly ids = new WeakMap<L.Layer, string>();
  private readonly renderer = L.canvas({ padding: 0.3, tolerance: 4 });
  private readonly labels = L.layerGroup();
  private readonly stijlen = new VeelStijlen();
  private werkLaag: VeelLaag | null = null;
  private paarLaag: VeelLaag | null = null;
  /** id → place in the model's werken / paren (and in their Vormen) */
  private werkIndex = new Map<string, number>();
  private paarIndex = new Map<string, number>();
  private readonly vormen: Record<LaagNaam, Map<string, Vorm>> = {
    buurten: new Map(), koppelkansen: new Map(), werken: new Map(), meekoppelkansen: new Map(),
  };
  private readonly aan = new Set<LaagNaam>(LAGEN);
  /** ids now in each group, so a filter change only adds and removes the difference */
  private readonly shown: Record<LaagNaam, Set<string>> = {
    buurten: new Set(), koppelkansen: new Set(), werken: new Set(), meekoppelkansen: new Set(),
  };
  private model: KaartModel | null = null;
  private zichtbaar: Zichtbaar | null = null;
  private selectie: Selectie | null = null;

  constructor(container: HTMLElement, private readonly opties: KaartOpties = {}) {
    this.container = container;
    this.map = L.map(container, { preferCanvas: true, zoomSnap: 0.5, minZoom: 6 }).setView([52.09, 5.12], 12);
    for (const naam of LAGEN) {
      this.groups[naam] = L.featureGroup().addTo(this.map);
      this.groups[naam].on('click', (e) => this.onFeatureClick(naam, e as L.LeafletMouseEvent & { propagatedFrom?: L.Layer; layer?: L.Layer }));
    }
    if (opties.basemap !== false) addBasemap(this.map, () => opties.onBasemapUnavailable?.());
    // metric only: planners measure streets in metres (the PNG export draws this bar too)
    L.control.scale({ imperial: false, metric: true, maxWidth: 120 }).addTo(this.map);
    this.map.on('zoomend', () => this.updateLabels());
    this.updateCounts();
  }

  /** Draws a new model (all layers rebuilt) and fits the map to its buurten or works. */
  setModel(model: KaartModel, zichtbaar: Zichtbaar | null = null): void {
    this.model = model;
    this.zichtbaar = zichtbaar;
    this.selectie = null;
    for (const naam of LAGEN) {
      this.groups[naam].clearLayers();
      this.vormen[naam].clear();
      this.shown[naam].clear();
    }
    this.labels.clearLayers();
    // fit first: features added after the view is set are projected once, not again on the zoom
    this.fitAll();
    this.buildBuurten(model);
    this.buildKoppelkansen(model);
    this.buildWerken(model);
    this.buildParen(model);
    this.render();
  }

  /** Shows only what the filters keep. */
  setZichtbaar(z: Zichtbaar): void {
    this.zichtbaar = z;
    this.render();
  }

  /** Switches a layer on or off. */
  showLaag(naam: LaagNaam, on: boolean): void {
    if (on) this.aan.add(naam);
    else this.aan.delete(naam);
    this.render();
  }

  /** Colours the buurten by a numeric column (null: outlines only); returns the classes for the legend. */
  setChoropleth(column: string | null): Klasse[] {
    const buurten = this.model?.buurten ?? [];
    const values = column ? buurten.map((b) => numberOf(b.values[column])) : [];
    const klassen = column ? quantileKlassen(values.filter((v): v is number => v !== null)) : [];
    buurten.forEach((b, i) => {
      const vorm = this.vormen.buurten.get(b.code) as L.Path | undefined;
      vorm?.setStyle(column ? { fillColor: kleurVoor(values[i], klassen), fillOpacity: 0.6 } : { fillOpacity: 0 });
    });
    return klassen;
  }

  // every programmatic move jumps (animate: false): Leaflet drops a zoom asked for while another animates

  /** Zooms to a pair's shared stretch and both works, and highlights them. */
  zoomToPaar(id: string): void {
    const m = this.model;
    const i = this.paarIndex.get(id);
    if (!m || i === undefined) return;
    const paar = m.paren[i];
    const bounds = vakVan(m.paarVormen, i);
    for (const w of [paar.werkA, paar.werkB]) {
      const j = this.werkIndex.get(w);
      if (j !== undefined) bounds.extend(vakVan(m.werkVormen, j));
    }
    this.map.fitBounds(bounds.pad(0.2), { maxZoom: 18, animate: false });
    this.highlight({ soort: 'paar', id });
  }

  /** Zooms to a work and highlights it. */
  zoomToWerk(id: string): void {
    const i = this.werkIndex.get(id);
    if (!this.model || i === undefined) return;
    this.map.fitBounds(vakVan(this.model.werkVormen, i).pad(0.3), { maxZoom: 18, animate: false });
    this.highlight({ soort: 'werk', id });
  }

  /** Marks one work or pair (null: none). */
  highlight(s: Selectie | null): void {
    this.selectie = s;
    this.restyleSelectie();
  }

  /** The current selection. */
  get selected(): Selectie | null {
    return this.selectie;
  }

  /** Fits the map to the buurten (or, without buurten or when `alles`, to the works as well). */
  fitAll(alles = false): void {
    const model = this.model;
    if (!model) return;
    const bounds = L.latLngBounds([]);
    for (const b of model.buurten) bounds.extend(boundsOf(b.geometry));
    if ((alles || !bounds.isValid()) && model.werken.length) bounds.extend(totaalVak(model.werkVormen));
    if (bounds.isValid()) this.map.fitBounds(bounds, { padding: [8, 8], animate: false });
  }

  /** Fits the map to some buurten (e.g. the wijk chosen in the filters). */
  fitBuurten(codes: ReadonlySet<string>): void {
    const bounds = L.latLngBounds([]);
    for (const b of this.model?.buurten ?? []) if (codes.has(b.code)) bounds.extend(boundsOf(b.geometry));
    if (bounds.isValid()) this.map.fitBounds(bounds, { padding: [8, 8], animate: false });
  }

  /** The number of features drawn per layer now (0 for a layer switched off). */
  counts(): Record<LaagNaam, number> {
    const out = {} as Record<LaagNaam, number>;
    for (const naam of LAGEN) out[naam] = this.groups[naam].getLayers().length;
    // works and pairs: the features their one layer draws
    out.werken = this.shown.werken.size ? this.werkLaag?.getekend ?? 0 : 0;
    out.meekoppelkansen = this.shown.meekoppelkansen.size ? this.paarLaag?.getekend ?? 0 : 0;
    return out;
  }

  /** The middle vertex of a work's or pair's first part, WGS84 (where a click hits it); null if unknown. */
  midden(soort: 'werk' | 'paar', id: string): Position | null {
    const m = this.model;
    const i = (soort === 'werk' ? this.werkIndex : this.paarIndex).get(id);
    if (!m || i === undefined) return null;
    return middenVan(soort === 'werk' ? m.werkVormen : m.paarVormen, i);
  }

  private buildBuurten(model: KaartModel): void {
    for (const b of model.buurten) {
      const vorm = toLeaflet(b.geometry, { ...BUURT_STIJL, renderer: this.renderer });
      this.register(vorm, b.code);
      this.vormen.buurten.set(b.code, vorm);
      const text = document.createElement('span');
      text.textContent = b.naam;
      this.labels.addLayer(
        L.tooltip({ permanent: true, direction: 'center', className: 'kk-buurtlabel', interactive: false })
          .setLatLng([b.labelAt[1], b.labelAt[0]])
          .setContent(text),
      );
    }
  }

  private buildKoppelkansen(model: KaartModel): void {
    // the dots of one buurt sit in a small ring around its label point
    const perBuurt = new Map<string, number>();
    for (const k of model.koppelkansen) perBuurt.set(k.buurtcode, (perBuurt.get(k.buurtcode) ?? 0) + 1);
    const index = new Map<string, number>();
    for (const k of model.koppelkansen) {
      const n = perBuurt.get(k.buurtcode) ?? 1;
      const i = index.get(k.buurtcode) ?? 0;
      index.set(k.buurtcode, i + 1);
      const at: Position = n > 1 ? ringPosition(k.at, i, n) : k.at;
      const kleur = themaKleur(k.thema);
      const hollow = isAfgerond(k.status);
      const vorm = L.circleMarker([at[1], at[0]], {
        renderer: this.renderer, radius: 6, weight: 2,
        color: hollow ? kleur : '#ffffff', fillColor: kleur, fillOpacity: hollow ? 0.15 : 0.95,
      });
      this.register(vorm, k.id);
      this.vormen.koppelkansen.set(k.id, vorm);
    }
  }

  private buildWerken(model: KaartModel): void {
    this.werkIndex = new Map(model.werken.map((w, i) => [w.id, i]));
    this.werkLaag = new VeelLaag(model.werkVormen, (i, sel) => this.stijlen.werk(model.werken[i], sel), { renderer: this.renderer });
    this.vormen.werken.set(ALLE, this.werkLaag);
  }

  private buildParen(model: KaartModel): void {
    this.paarIndex = new Map(model.paren.map((p, i) => [p.id, i]));
    this.paarLaag = new VeelLaag(model.paarVormen, (i, sel) => this.stijlen.paar(model.paren[i], sel), { renderer: this.renderer });
    this.vormen.meekoppelkansen.set(ALLE, this.paarLaag);
  }

  private register(vorm: Vorm, id: string): void {
    this.ids.set(vorm, id);
    // the circle markers of a multi-point work are clicked one by one
    if (vorm instanceof L.FeatureGroup) vorm.eachLayer((l) => this.ids.set(l, id));
  }

  /** A click on any feature of a layer: its popup, and for works and pairs the selection. */
  private onFeatureClick(naam: LaagNaam, e: L.LeafletMouseEvent & { propagatedFrom?: L.Layer; layer?: L.Layer }): void {
    const m = this.model;
    const hit = e.propagatedFrom ?? e.layer;
    const id = hit instanceof VeelLaag ? this.idVan(naam, hit.treffer) : hit ? this.ids.get(hit) : undefined;
    if (!m || id === undefined) return;
    let content: HTMLElement | undefined;
    if (naam === 'buurten') content = maybe(m.buurten.find((b) => b.code === id), buurtPopup);
    else if (naam === 'koppelkansen') content = maybe(m.koppelkansen.find((k) => k.id === id), koppelkansPopup);
    else if (naam === 'werken') content = maybe(m.werken.find((w) => w.id === id), werkPopup);
    else content = maybe(m.paren.find((p) => p.id === id), paarPopup);
    if (content) L.popup({ maxWidth: 280 }).setLatLng(e.latlng).setContent(content).openOn(this.map);
    if (naam === 'werken') this.clicked({ soort: 'werk', id });
    if (naam === 'meekoppelkansen') this.clicked({ soort: 'paar', id });
  }

  private idVan(naam: LaagNaam, i: number): string | undefined {
    if (naam === 'werken') return this.model?.werken[i]?.id;
    if (naam === 'meekoppelkansen') return this.model?.paren[i]?.id;
    return undefined;
  }

  /** Restyles after a planner changed a pair's status. */
  updatePaar(_p: KaartPaar): void {
    // the pair layer asks the model for each pair's status as it draws
    this.paarLaag?.herteken();
  }

  /** the selected work, or the selected pair with its two works, drawn selected and on top */
  private restyleSelectie(): void {
    const s = this.selectie;
    const m = this.model;
    const werken: number[] = [];
    const paren: number[] = [];
    if (m && s?.soort === 'werk') werken.push(...maybeIndex(this.werkIndex, s.id));
    if (m && s?.soort === 'paar') {
      const i = this.paarIndex.get(s.id);
      if (i !== undefined) {
        paren.push(i);
        werken.push(...maybeIndex(this.werkIndex, m.paren[i].werkA), ...maybeIndex(this.werkIndex, m.paren[i].werkB));
      }
    }
    this.werkLaag?.setSelectie(werken);
    this.paarLaag?.setSelectie(paren);
  }

  private clicked(s: Selectie): void {
    this.highlight(s);
    this.opties.onSelect?.(s);
  }

  /** Puts in each group exactly the visible features of the layers that are on; only changes move. */
  private render(): void {
    const z = this.zichtbaar;
    const visibleIds: Record<LaagNaam, Set<string> | null> = {
      buurten: z?.buurten ?? null,
      koppelkansen: z?.koppelkansen ?? null,
      werken: z?.werken ?? null,
      meekoppelkansen: z?.paren ?? null,
    };
    const m = this.model;
    const kies = (ids: Set<string> | null, lijst: readonly { id: string }[]) => (i: number) => ids === null || ids.has(lijst[i].id);
    if (m) this.werkLaag?.setAan(kies(visibleIds.werken, m.werken));
    if (m) this.paarLaag?.setAan(kies(visibleIds.meekoppelkansen, m.paren));
    let reorder = false;
    // whether a layer has features drawn above it already (before this render)
    const drawnAbove = (naam: LaagNaam) => VOLGORDE.slice(VOLGORDE.indexOf(naam) + 1).some((n) => this.shown[n].size > 0);
    for (const naam of VOLGORDE) {
      const group = this.groups[naam];
      const shown = this.shown[naam];
      const on = this.aan.has(naam);
      const ids = visibleIds[naam];
      for (const [id, vorm] of this.vormen[naam]) {
        const want = on && (id === ALLE || ids === null || ids.has(id));
        if (want === shown.has(id)) continue;
        if (want) {
          group.addLayer(vorm);
          shown.add(id);
          // a feature added now is drawn last: the layers above it must come to the front again
          if (!reorder && drawnAbove(naam)) reorder = true;
        } else {
          group.removeLayer(vorm);
          shown.delete(id);
        }
      }
    }
    if (reorder) this.restoreOrder();
    this.updateLabels();
    this.updateCounts();
  }

  private restoreOrder(): void {
    for (const naam of VOLGORDE.slice(1)) for (const id of this.shown[naam]) this.vormen[naam].get(id)?.bringToFront();
  }

  private updateLabels(): void {
    const show = this.aan.has('buurten') && this.map.getZoom() >= LABEL_ZOOM;
    if (show && !this.map.hasLayer(this.labels)) this.labels.addTo(this.map);
    if (!show && this.map.hasLayer(this.labels)) this.map.removeLayer(this.labels);
  }

  /** counts go on the container as data- attributes: the e2e tests and the status line read them */
  private updateCounts(): void {
    for (const [naam, n] of Object.entries(this.counts())) this.container.dataset[`count${cap(naam)}`] = String(n);
  }
}

function maybe<T>(x: T | undefined, f: (x: T) => HTMLElement): HTMLElement | undefined {
  return x === undefined ? undefined : f(x);
}

function maybeIndex(index: ReadonlyMap<string, number>, id: string): number[] {
  const i = index.get(id);
  return i === undefined ? [] : [i];
}

/** feature i's box as Leaflet bounds */
function vakVan(v: Vormen, i: number): L.LatLngBounds {
  const [[w, s], [e, n]] = lonLatBox(v, i);
  return L.latLngBounds([s, w], [n, e]);
}

/** the box around every feature, as Leaflet bounds */
function totaalVak(v: Vormen): L.LatLngBounds {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < v.box.length; i += 4) {
    x0 = Math.min(x0, v.box[i]);
    y0 = Math.min(y0, v.box[i + 1]);
    x1 = Math.max(x1, v.box[i + 2]);
    y1 = Math.max(y1, v.box[i + 3]);
  }
  const [w, n] = lonLat(x0, y0);
  const [e, s] = lonLat(x1, y1);
  return L.latLngBounds([s, w], [n, e]);
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** i-th of n positions on a small ring (about 60 m) around a point */
function ringPosition(at: Position, i: number, n: number): Position {
  const angle = (2 * Math.PI * i) / n;
  const r = 0.0006;
  return [at[0] + (r * Math.cos(angle)) / Math.cos((at[1] * Math.PI) / 180), at[1] + r * Math.sin(angle)];
}
