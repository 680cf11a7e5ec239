/**
 * The Koppelkaart UI, the same in the task pane and the standalone page: toolbar, progress, map,
 * layers with legend, filters, the list of meekoppelkansen and a pair's detail. The host (Excel or
 * the page) brings the workbook and takes the results; this class only shows and edits.
 */
import 'leaflet/dist/leaflet.css';
import './ui.css';
import type { RawWerkboek } from '../core/types';
import { Kaart, type Selectie } from '../map/kaart';
import {
  GEANNULEERD, WerkerVoorraad, startAnalyse, type AnalyseInvoer, type AnalyseResultaat, type AnalyseRun, type KaartResultaat,
  type WorkerFactory,
} from '../worker/analysis-client';
import type { PlannerVelden } from '../worker/kaart-model';
import { clear, el } from './dom';
import { FilterPaneel } from './filters-panel';
import { GEEN_FILTER, applyFilter, filterKeuzes, type Filter, type Zichtbaar } from './filter';
import { Legenda } from './legend';
import type { KaartModel } from './model';
import { paarDetail } from './pair-detail';
import { PaarLijst } from './pair-list';
import { Voortgang } from './progress';
import { installTestHook } from './test-hook';

export interface AppOpties {
  /** load the PDOK base map (default true) */
  basemap?: boolean;
  /** a work or pair was clicked on the map or chosen in the list (Excel selects its row) */
  onSelect?: (s: Selectie) => void;
  /** the planner changed a pair's status or notitie in the list */
  onEdit?: (id: string, velden: PlannerVelden) => void;
  worker?: WorkerFactory;
  /**
   * warm the first analysis's worker through an .xlsx as well (default true: the page opens
   * .xlsx files; the task pane, which reads its tables from Excel, can pass false)
   */
  opwarmenMetXlsx?: boolean;
}

/** `tekenen`: the result is in, the map paints on the next frames */
/** above this many works a result is shown in steps (see `show`) */
const GROOT = 20_000;

export type AppState = 'leeg' | 'bezig' | 'tekenen' | 'klaar' | 'fout';

export class KoppelkaartApp {
  readonly kaart: Kaart;
  readonly toolbar: HTMLElement;
  private readonly status = el('p', { class: 'kk-status', id: 'app-status', role: 'status', 'aria-live': 'polite' });
  private readonly tellingen = el('p', { class: 'kk-tellingen', id: 'tellingen' });
  private readonly meldingen = el('details', { class: 'kk-meldingen', id: 'meldingen', hidden: '' });
  private readonly voortgang: Voortgang;
  private readonly filters: FilterPaneel;
  private readonly legenda: Legenda;
  private readonly lijst: PaarLijst;
  private readonly detail = el('div', { class: 'kk-detail-blok' });
  private readonly lijstKop = el('summary', {}, 'Meekoppelkansen');
  /** the analysis running now */
  private run: AnalyseRun | null = null;
  /** the finished analysis shown on the map; its worker holds what saving needs */
  private sessie: AnalyseRun | null = null;
  /** the first analysis's worker, made and warmed ahead */
  private readonly voorraad: WerkerVoorraad;
  private filter: Filter = GEEN_FILTER;
  private zichtbaar: Zichtbaar | null = null;
  state: AppState = 'leeg';
  /** the map's part of the result shown; the rest comes from `gegevens()` */
  resultaat: KaartResultaat | null = null;

  constructor(readonly root: HTMLElement, private readonly opties: AppOpties = {}) {
    const mapEl = el('div', { class: 'kk-kaart', id: 'map', role: 'region', 'aria-label': 'Kaart met werken en meekoppelkansen' });
    this.voortgang = new Voortgang(() => this.cancel());
    this.filters = new FilterPaneel((f) => this.setFilter(f));
    this.lijst = new PaarLijst({ onSelect: (id) => this.select({ soort: 'paar', id }, true), onEdit: (id, v) => this.edit(id, v) });
    this.toolbar = el('div', { class: 'kk-toolbar' });
    const paneel = el('aside', { class: 'kk-paneel' },
      this.tellingen,
      el('details', { class: 'kk-sectie', id: 'sectie-lijst', open: '' }, this.lijstKop, this.detail, this.lijst.element),
      el('details', { class: 'kk-sectie', id: 'sectie-filters' }, el('summary', {}, 'Filters'), this.filters.element),
      el('details', { class: 'kk-sectie', id: 'sectie-lagen' }, el('summary', {}, 'Lagen en legenda'), (this.legenda = this.makeLegenda()).element),
    );
    root.appendChild(el('div', { class: 'kk-app' },
      el('div', { class: 'kk-balk' }, this.toolbar, this.status, this.meldingen), this.voortgang.element,
      el('div', { class: 'kk-werkvlak' }, mapEl, paneel)));
    this.kaart = new Kaart(mapEl, {
      basemap: opties.basemap,
      onSelect: (s) => this.select(s, false),
      onBasemapUnavailable: () => this.setStatus('Achtergrondkaart niet bereikbaar: de kaart toont alleen de buurtgrenzen.'),
    });
    installTestHook(this);
    this.voorraad = new WerkerVoorraad(opties.worker);
    this.warmXlsx = opties.opwarmenMetXlsx ?? true;
    this.warmLater();
  }

  private readonly warmXlsx: boolean;

  /**
   * Once the page is idle and no analysis runs, a warm worker is made ready for the next one: at
   * the start, and again after each analysis (the shown result's worker keeps its data for saving,
   * so the next analysis needs another).
   */
  private warmLater(): void {
    const warm = () => {
      if (!this.run) this.voorraad.warmOp({ xlsx: this.warmXlsx });
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 1000 });
    else setTimeout(warm, 0);
  }

  /** Shows a line of status text. */
  setStatus(text: string): void {
    this.status.textContent = text;
  }

  /** Lists an import's problems under the status line (empty: the list goes away). */
  toonMeldingen(regels: readonly string[]): void {
    clear(this.meldingen);
    this.meldingen.hidden = regels.length === 0;
    if (regels.length === 0) return;
    this.meldingen.append(el('summary', {}, `${regels.length} meldingen (ook op het blad Controle)`),
      el('ul', {}, ...regels.slice(0, 200).map((r) => el('li', {}, r))));
  }

  /** The layer switches and legends, as shown (the PNG export draws this legend). */
  get legendaElement(): HTMLElement {
    return this.legenda.element;
  }

  /**
   * Analyses tables (read by the host) in the worker and shows the result; then fetches what
   * writing back needs. Null when cancelled or failed.
   */
  async analyse(raw: RawWerkboek): Promise<AnalyseResultaat | null> {
    return (await this.start({ raw })) ? this.gegevens() : null;
  }

  /**
   * Reads .xlsx bytes and analyses them, both in the worker, and shows the result; false when
   * cancelled or failed. The bytes are transferred to the worker (pass a copy to keep them).
   */
  analyseBestand(bytes: ArrayBuffer): Promise<boolean> {
    return this.start({ bytes });
  }

  /** The result shown with the tables, werkboek and pairs (fetched from the worker once); null without one. */
  async gegevens(): Promise<AnalyseResultaat | null> {
    const [sessie, r] = [this.sessie, this.resultaat];
    if (!sessie || !r) return null;
    return { ...(await sessie.gegevens()), ...r };
  }

  /**
   * Writes the result shown, with the planner's edits, into a copy of the opened .xlsx bytes, in
   * the worker that analysed it (the bytes are transferred: pass a copy); null without a result.
   */
  async opslaan(bytes: ArrayBuffer, edits: ReadonlyMap<string, PlannerVelden>): Promise<{ bytes: Uint8Array; notices: string[] } | null> {
    return this.sessie && this.resultaat ? this.sessie.opslaan(bytes, edits) : null;
  }

  private async start(invoer: AnalyseInvoer): Promise<boolean> {
    this.run?.cancel();
    this.state = 'bezig';
    this.voortgang.show('Starten', 0);
    const run = (this.run = startAnalyse(invoer, {
      voortgang: (fase, f) => this.voortgang.show(fase, f),
      gelezen: () => performance.mark('kk-werkboek-geladen'),
    }, this.voorraad.neem));
    try {
      const r = await run.resultaat;
      if (this.run !== run) {
        run.sluit();
        return false;
      }
      performance.mark('kk-analyse-klaar');
      this.sessie?.sluit();
      this.sessie = run;
      if (!(await this.show(r))) return false;
      // the canvas paints on the next frame; the mark after it is "map drawn" for the benchmark;
      // then the list, and the analysis is done
      requestAnimationFrame(() => requestAnimationFrame(() => {
        performance.mark('kk-kaart-getekend');
        if (this.resultaat !== r) return;
        this.toonLijst();
        this.state = 'klaar';
      }));
      return true;
    } catch (error) {
      if (this.run !== run) return false;
      const melding = error instanceof Error ? error.message : String(error);
      this.state = melding === GEANNULEERD ? (this.resultaat ? 'klaar' : 'leeg') : 'fout';
      this.setStatus(melding);
      return false;
    } finally {
      if (this.run === run) {
        this.run = null;
        this.voortgang.hide();
        this.warmLater();
      }
    }
  }

  /** Stops a running analysis. */
  cancel(): void {
    this.run?.cancel();
  }

  /** Selects a work or pair from outside (a row chosen in Excel): highlight, zoom, detail. */
  selectFromHost(s: Selectie): void {
    this.select(s, false, true);
  }

  /** The model now shown, with the planner's edits applied. */
  get model(): KaartModel | null {
    return this.resultaat?.model ?? null;
  }

  /** Shows a result; false when another took its place meanwhile. */
  private async show(r: KaartResultaat): Promise<boolean> {
    this.resultaat = r;
    this.state = 'tekenen';
    const m = r.model;
    // a big model is shown in steps with a pause between, so the page can paint and react
    const pauze = async () => {
      if (m.werken.length > GROOT) await new Promise((ok) => setTimeout(ok, 0));
      return this.resultaat === r;
    };
    this.filters.setKeuzes(filterKeuzes(m));
    // the map is drawn once, already filtered (filtering 100,000 works takes a while: once)
    const z = applyFilter(m, this.filters.filter());
    if (!(await pauze())) return false;
    this.kaart.setModel(m, z);
    this.legenda.setInhoud({
      kolommen: m.numericColumns,
      categorieen: [...new Set(m.werken.map((w) => w.categorie))].sort(),
      themas: [...new Set(m.koppelkansen.map((k) => k.thema))].sort(),
    });
    clear(this.detail);
    if (!(await pauze())) return false;
    // the list follows once the map is painted (see start): the map first
    this.lijst.setParen([]);
    this.setFilter(this.filters.filter(), z, false);
    const fouten = m.problems.filter((p) => p.ernst === 'fout').length;
    this.setStatus(`${m.paren.length} meekoppelkansen gevonden in ${m.werken.length} werken` +
      (fouten ? `; ${fouten} rijen met een fout (zie Controle).` : '.'));
    return true;
  }

  /** the list of the pairs the filters keep */
  private toonLijst(): void {
    const [m, z] = [this.model, this.zichtbaar];
    if (!m || !z) return;
    const paren = m.paren.filter((p) => z.paren.has(p.id));
    this.lijst.setParen(paren);
    this.lijstKop.textContent = `Meekoppelkansen (${paren.length})`;
  }

  private setFilter(f: Filter, al?: Zichtbaar, lijstOok = true): void {
    const m = this.model;
    const areaChanged = f.wijk !== this.filter.wijk || f.buurt !== this.filter.buurt;
    this.filter = f;
    if (!m) return;
    this.zichtbaar = al ?? applyFilter(m, f);
    this.kaart.setZichtbaar(this.zichtbaar);
    // a chosen wijk or buurt is where the planner wants to look
    if (areaChanged) {
      if (f.wijk || f.buurt) this.kaart.fitBuurten(this.zichtbaar.buurten);
      else this.kaart.fitAll();
    }
    if (lijstOok) this.toonLijst();
    const z = this.zichtbaar;
    this.tellingen.textContent = `${z.werken.size} werken · ${z.paren.size} meekoppelkansen · ${z.koppelkansen.size} koppelkansen · ${z.buurten.size} buurten`;
    Object.assign(this.tellingen.dataset, {
      werken: String(z.werken.size), paren: String(z.paren.size), koppelkansen: String(z.koppelkansen.size), buurten: String(z.buurten.size),
    });
  }

  private select(s: Selectie, zoom: boolean, fromHost = false): void {
    const m = this.model;
    if (!m) return;
    if (zoom || fromHost) {
      if (s.soort === 'paar') this.kaart.zoomToPaar(s.id);
      else this.kaart.zoomToWerk(s.id);
    } else this.kaart.highlight(s);
    clear(this.detail);
    if (s.soort === 'paar') {
      const p = m.paren.find((x) => x.id === s.id);
      const byId = new Map(m.werken.map((w) => [w.id, w]));
      if (p) this.detail.appendChild(paarDetail(p, (id) => byId.get(id)));
      this.lijst.select(s.id);
    } else this.lijst.select(null);
    if (!fromHost) this.opties.onSelect?.(s);
  }

  private edit(id: string, velden: PlannerVelden): void {
    const p = this.model?.paren.find((x) => x.id === id);
    if (!p) return;
    p.status = velden.status;
    p.notitie = velden.notitie;
    this.kaart.updatePaar(p);
    this.opties.onEdit?.(id, velden);
  }

  private makeLegenda(): Legenda {
    return new Legenda({
      onLaag: (naam, aan) => this.kaart.showLaag(naam, aan),
      onChoropleth: (kolom) => this.kaart.setChoropleth(kolom),
    });
  }
}
