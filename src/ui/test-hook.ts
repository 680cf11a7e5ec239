/**
 * `window.__koppelkaart`: a small read-only view for the browser tests and the benchmark, so they
 * check what the planner sees (features drawn per layer, the map's view) without reaching inside.
 */
import type { KoppelkaartApp } from './app';

export interface TestHook {
  state(): string;
  counts(): Record<string, number>;
  view(): { zoom: number; center: [number, number]; bounds: [number, number, number, number] };
  paren(): { id: string; status: string; notitie: string }[];
  pan(dx: number, dy: number): void;
  /** fits the map to every work and buurt */
  toonAlles(): void;
  /** fits the map to one work, nothing highlighted */
  toonWerk(id: string): void;
  /** where the worker's time went in the last analysis (ms), for the benchmark */
  fasen(): { werkboekMs: number; analyseMs: number; kaartMs: number } | null;
  /** the work or pair highlighted on the map */
  selectie(): { soort: string; id: string } | null;
  /** where on the map container a work's or pair's middle vertex is drawn, in pixels */
  punt(soort: 'werk' | 'paar', id: string): [number, number] | null;
}

declare global {
  interface Window {
    __koppelkaart?: TestHook;
  }
}

export function installTestHook(app: KoppelkaartApp): void {
  if (typeof window === 'undefined') return;
  window.__koppelkaart = {
    state: () => app.state,
    counts: () => app.kaart.counts(),
    view: () => {
      const map = app.kaart.map;
      const c = map.getCenter();
      const b = map.getBounds();
      return { zoom: map.getZoom(), center: [c.lng, c.lat], bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] };
    },
    paren: () => (app.model?.paren ?? []).map((p) => ({ id: p.id, status: p.status, notitie: p.notitie })),
    pan: (dx, dy) => app.kaart.map.panBy([dx, dy], { animate: false }),
    toonAlles: () => app.kaart.fitAll(true),
    toonWerk: (id) => {
      app.kaart.zoomToWerk(id);
      app.kaart.highlight(null);
    },
    selectie: () => app.kaart.selected,
    fasen: () => app.resultaat?.fasen ?? null,
    punt: (soort, id) => {
      const at = app.kaart.midden(soort, id);
      if (!at) return null;
      const [lon, lat] = at;
      const pt = app.kaart.map.latLngToContainerPoint([lat, lon]);
      return [pt.x, pt.y];
    },
  };
}
