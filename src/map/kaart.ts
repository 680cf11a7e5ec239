/**
 * The Koppelkaart map: buurten, koppelkansen, works and meekoppelkansen as switchable layers on a
 * canvas renderer. One canvas for all four, so a click finds the topmost feature of any layer
 * (a canvas per pane would swallow the clicks meant for the ones below); the drawing order keeps
 * pairs on top of koppelkansen, those on works, and works on buurten.
 * It draws a `KaartModel`, follows a `Zichtbaar` from the filters and reports clicks as a `Selectie`.
 */
import L from 'leaflet';
import type { Position } from '../core/types';
import type { KaartModel, KaartPaar, KaartWerk } from '../ui/model';
import type { Zichtbaar } from '../ui/filter';
import { buurtPopup, koppelkansPopup, paarPopup, werkPopup } from '../ui/popup';
import { kleurVoor, numberOf, quantileKlassen, type Klasse } from '../ui/classes';
import { addBasemap } from './basemap';
import { boundsOf, toLeaflet } from './geometry';
import {
  BUURT_STIJL, PAAR_GEWICHT, SELECTIE_KLEUR, WERK_GEWICHT,
  categorieKleur, isAfgerond, statusKleur, themaKleur,
} from './styles';

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
    const paar = this.model?.paren.find((p) => p.id === id);
    if (!paar) return;
    const werken = this.model!.werken.filter((w) => w.id === paar.werkA || w.id === paar.werkB);
    const bounds = boundsOf(paar.shared);
    for (const w of werken) bounds.extend(boundsOf(w.geometry));
    this.map.fitBounds(bounds.pad(0.2), { maxZoom: 18, animate: false });
    this.highlight({ soort: 'paar', id });
  }

  /** Zooms to a work and highlights it. */
  zoomToWerk(id: string): void {
    const werk = this.model?.werken.find((w) => w.id === id);
    if (!werk) return;
    this.map.fitBounds(boundsOf(werk.geometry).pad(0.3), { maxZoom: 18, animate: false });
    this.highlight({ soort: 'werk', id });
  }

  /** Marks one work or pair (null: none). */
  highlight(s: Selectie | null): void {
    const prev = this.selectie;
    this.selectie = s;
    if (prev) this.restyle(prev);
    if (s) this.restyle(s);
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
    if (alles || !bounds.isValid()) for (const w of model.werken) bounds.extend(boundsOf(w.geometry));
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
    return out;
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
    for (const w of model.werken) {
      const vorm = toLeaflet(w.geometry, this.werkStijl(w, false));
      this.register(vorm, w.id);
      this.vormen.werken.set(w.id, vorm);
    }
  }

  private buildParen(model: KaartModel): void {
    for (const p of model.paren) {
      const vorm = toLeaflet(p.shared, this.paarStijl(p, false));
      this.register(vorm, p.id);
      this.vormen.meekoppelkansen.set(p.id, vorm);
    }
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
    const id = hit ? this.ids.get(hit) : undefined;
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

  private werkStijl(w: KaartWerk, selected: boolean): L.CircleMarkerOptions {
    const kleur = categorieKleur(w.categorie);
    return {
      renderer: this.renderer,
      color: selected ? SELECTIE_KLEUR : kleur, fillColor: kleur,
      weight: selected ? WERK_GEWICHT + 3 : WERK_GEWICHT, opacity: 0.9,
      fillOpacity: w.geometry.kind === 'poly' ? 0.25 : 0.9, radius: 5,
    };
  }

  private paarStijl(p: KaartPaar, selected: boolean): L.CircleMarkerOptions {
    const kleur = statusKleur(p.status);
    // a shared stretch is drawn bold; a shared area or point only outlined, or it hides the works
    const gewicht = p.shared.kind === 'line' ? PAAR_GEWICHT : 3;
    return {
      renderer: this.renderer,
      color: selected ? SELECTIE_KLEUR : kleur, fillColor: kleur,
      weight: selected ? gewicht + 3 : gewicht, opacity: 0.95, fillOpacity: p.shared.kind === 'poly' ? 0.35 : 0.8,
      dashArray: p.status === 'vervallen' ? '6 6' : undefined, radius: 6, lineCap: 'butt',
    };
  }

  /** Restyles after a planner changed a pair's status. */
  updatePaar(p: KaartPaar): void {
    const vorm = this.vormen.meekoppelkansen.get(p.id);
    const sel = this.selectie?.soort === 'paar' && this.selectie.id === p.id;
    vorm?.setStyle(this.paarStijl(p, sel));
  }

  private restyle(s: Selectie): void {
    const model = this.model;
    if (!model) return;
    if (s.soort === 'werk') {
      this.styleWerk(s.id, this.isSelected(s));
      return;
    }
    const p = model.paren.find((x) => x.id === s.id);
    if (!p) return;
    const on = this.isSelected(s);
    const vorm = this.vormen.meekoppelkansen.get(p.id);
    vorm?.setStyle(this.paarStijl(p, on));
    this.styleWerk(p.werkA, on);
    this.styleWerk(p.werkB, on);
    if (on) vorm?.bringToFront();
  }

  private styleWerk(id: string, on: boolean): void {
    const w = this.model?.werken.find((x) => x.id === id);
    const vorm = this.vormen.werken.get(id);
    if (!w || !vorm) return;
    vorm.setStyle(this.werkStijl(w, on));
    if (on) vorm.bringToFront();
  }

  private isSelected(s: Selectie): boolean {
    return this.selectie?.soort === s.soort && this.selectie.id === s.id;
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
    let reorder = false;
    // whether a layer has features drawn above it already (before this render)
    const drawnAbove = (naam: LaagNaam) => VOLGORDE.slice(VOLGORDE.indexOf(naam) + 1).some((n) => this.shown[n].size > 0);
    for (const naam of VOLGORDE) {
      const group = this.groups[naam];
      const shown = this.shown[naam];
      const on = this.aan.has(naam);
      const ids = visibleIds[naam];
      for (const [id, vorm] of this.vormen[naam]) {
        const want = on && (ids === null || ids.has(id));
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
    const s = this.selectie;
    if (s) this.restyle(s);
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

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** i-th of n positions on a small ring (about 60 m) around a point */
function ringPosition(at: Position, i: number, n: number): Position {
  const angle = (2 * Math.PI * i) / n;
  const r = 0.0006;
  return [at[0] + (r * Math.cos(angle)) / Math.cos((at[1] * Math.PI) / 180), at[1] + r * Math.sin(angle)];
}
