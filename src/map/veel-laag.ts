/**
 * Thousands of features as ONE Leaflet path on the map's canvas renderer: drawn in one pass,
 * grouped by style (one stroke per colour instead of one per feature), straight from the flat
 * `Vormen` arrays, and hit-tested through a flatbush index. A Leaflet layer per work costs about
 * 0.1 ms to build and draw; at 10,000 works and more that was the map's whole load time.
 *
 * It takes part in the renderer like any L.Path (drawing order, clicks: the renderer asks
 * `_containsPoint`, the click then carries this layer and `treffer` says which feature).
 */
import Flatbush from 'flatbush';
import L from 'leaflet';
import { aantal, type Vormen } from './vormen';

/** How one feature is drawn; return the same object for the same look (features are grouped by it). */
export interface VeelStijl {
  color: string;
  fillColor: string;
  weight: number;
  opacity: number;
  fillOpacity: number;
  /** points: circle radius in pixels */
  radius: number;
  dash?: number[];
  lineCap?: CanvasLineCap;
}

/** the parts of L.Path and L.Canvas this layer works with (Leaflet's own, not in its typings) */
interface Binnenwerk {
  _map: L.Map;
  _pxBounds?: L.Bounds;
  _renderer: { _ctx: CanvasRenderingContext2D; _drawing: boolean; _bounds: L.Bounds; options: { tolerance?: number }; _requestRedraw(l: unknown): void };
}

/** pixels a vertex must move before the next one is drawn: below this a line looks the same */
const MIN_STAP = 0.7;
/** a feature whose box is smaller than this many pixels either way is drawn as a dot */
const KLEIN = 2;

function voegToe(groepen: Map<VeelStijl, number[]>, s: VeelStijl, i: number): void {
  const lijst = groepen.get(s);
  if (lijst) lijst.push(i);
  else groepen.set(s, [i]);
}

export class VeelLaag extends L.Path {
  /** the feature the last `_containsPoint` found (-1: none) */
  treffer = -1;
  private readonly aan: Uint8Array;
  private aantalAan = 0;
  private selectie = new Set<number>();
  private index: Flatbush | null = null;
  /** each feature's unselected look, asked once (cleared by `herteken`) */
  private stijlen: (VeelStijl | undefined)[] = [];
  /** per 2×2-pixel cell of the canvas: the look of the dot drawn there (reused between draws) */
  private cel = new Uint16Array(0);
  private schaal = 1;
  private ox = 0;
  private oy = 0;
  private readonly totaal: [number, number, number, number];

  constructor(
    readonly vormen: Vormen,
    private readonly stijl: (i: number, geselecteerd: boolean) => VeelStijl,
    opties: L.PathOptions = {},
  ) {
    super();
    L.Util.setOptions(this, opties);
    this.aan = new Uint8Array(aantal(vormen));
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    const b = vormen.box;
    for (let i = 0; i < b.length; i += 4) {
      if (b[i] < x0) x0 = b[i];
      if (b[i + 1] < y0) y0 = b[i + 1];
      if (b[i + 2] > x1) x1 = b[i + 2];
      if (b[i + 3] > y1) y1 = b[i + 3];
    }
    this.totaal = [x0, y0, x1, y1];
  }

  /** Which features are drawn; returns how many. */
  setAan(wil: (i: number) => boolean): number {
    let n = 0;
    for (let i = 0; i < this.aan.length; i++) n += this.aan[i] = wil(i) ? 1 : 0;
    this.aantalAan = n;
    this.vraagTekening();
    return n;
  }

  /** the number of features drawn */
  get getekend(): number {
    return this.aantalAan;
  }

  /** Features drawn in their selected style, on top of the others. */
  setSelectie(indices: Iterable<number>): void {
    this.selectie = new Set(indices);
    this.vraagTekening();
  }

  /** Draws again (after a style the `stijl` function gives has changed). */
  herteken(): void {
    this.stijlen = [];
    this.vraagTekening();
  }

  private vraagTekening(): void {
    const self = this as unknown as Binnenwerk;
    if (self._map) self._renderer._requestRedraw(this);
  }

  // --- the L.Path contract, called by Leaflet's canvas renderer ---

  _project(): void {
    const self = this as unknown as Binnenwerk;
    const map = self._map;
    this.schaal = map.options.crs!.scale(map.getZoom());
    const o = map.getPixelOrigin();
    [this.ox, this.oy] = [o.x, o.y];
    const [x0, y0, x1, y1] = this.totaal;
    self._pxBounds = x0 <= x1 ? L.bounds([this.px(x0), this.py(y0)], [this.px(x1), this.py(y1)]) : undefined;
  }

  _update(): void {
    // nothing to clip or simplify ahead: drawing culls by box and skips sub-pixel steps
  }

  _updateBounds(): void {
    // the bounds come from the features, not the style
  }

  _updatePath(): void {
    const r = (this as unknown as Binnenwerk)._renderer;
    if (!r._drawing) return;
    const groepen = new Map<VeelStijl, number[]>();
    const boven = new Map<VeelStijl, number[]>();
    const stippen = new Map<VeelStijl, number[]>();
    const view = r._bounds;
    const [vx0, vy0, vx1, vy1] = [view.min!.x, view.min!.y, view.max!.x, view.max!.y];
    const cellen = this.cellen(vx1 - vx0, vy1 - vy0);
    const cw = Math.ceil((vx1 - vx0) / 2) + 1;
    const groepNr = new Map<VeelStijl, number>();
    const { box: b } = this.vormen;
    const [S, ox, oy] = [this.schaal, this.ox, this.oy];
    for (let i = 0; i < this.aan.length; i++) {
      if (!this.aan[i]) continue;
      const x0 = b[4 * i] * S - ox, y0 = b[4 * i + 1] * S - oy, x1 = b[4 * i + 2] * S - ox, y1 = b[4 * i + 3] * S - oy;
      // off screen (with the renderer's padding): skip
      if (x1 < vx0 || x0 > vx1 || y1 < vy0 || y0 > vy1) continue;
      const sel = this.selectie.has(i);
      const s = sel ? this.stijl(i, true) : (this.stijlen[i] ??= this.stijl(i, false));
      if (!sel && x1 - x0 < KLEIN && y1 - y0 < KLEIN) {
        // a feature smaller than a dot is a dot; one dot per 2-pixel cell and look is enough
        let nr = groepNr.get(s);
        if (nr === undefined) groepNr.set(s, (nr = groepNr.size + 1));
        const cel = Math.floor(((x0 + x1) / 2 - vx0) / 2) + cw * Math.floor(((y0 + y1) / 2 - vy0) / 2);
        if (cellen[cel] === nr) continue;
        cellen[cel] = nr;
        voegToe(stippen, s, i);
      } else voegToe(sel ? boven : groepen, s, i);
    }
    const ctx = r._ctx;
    for (const [s, ids] of stippen) this.tekenStippen(ctx, s, ids);
    for (const [s, ids] of [...groepen, ...boven]) this.tekenGroep(ctx, s, ids);
  }

  _containsPoint(p: L.Point): boolean {
    this.treffer = this.zoek(p.x, p.y, (this as unknown as Binnenwerk)._renderer.options.tolerance ?? 0);
    return this.treffer >= 0;
  }

  // --- drawing ---

  private px(x: number): number {
    return x * this.schaal - this.ox;
  }

  private py(y: number): number {
    return y * this.schaal - this.oy;
  }

  /** the dot grid for a canvas of w × h pixels, cleared */
  private cellen(w: number, h: number): Uint16Array {
    const n = (Math.ceil(w / 2) + 1) * (Math.ceil(h / 2) + 2);
    if (this.cel.length < n) this.cel = new Uint16Array(n);
    else this.cel.fill(0, 0, n);
    return this.cel;
  }

  /** features too small to see their shape: a 2-pixel square each, in their line colour */
  private tekenStippen(ctx: CanvasRenderingContext2D, s: VeelStijl, ids: number[]): void {
    const b = this.vormen.box;
    const [S, ox, oy] = [this.schaal, this.ox, this.oy];
    ctx.beginPath();
    for (const i of ids) {
      const x = ((b[4 * i] + b[4 * i + 2]) / 2) * S - ox, y = ((b[4 * i + 1] + b[4 * i + 3]) / 2) * S - oy;
      ctx.rect(x - 1, y - 1, 2, 2);
    }
    ctx.globalAlpha = s.opacity;
    ctx.fillStyle = s.color;
    ctx.fill();
    ctx.globalAlpha = 1;
  }

  private tekenGroep(ctx: CanvasRenderingContext2D, s: VeelStijl, ids: number[]): void {
    const v = this.vormen;
    const per: number[][] = [[], [], []];
    for (const i of ids) per[v.soort[i]].push(i);
    ctx.setLineDash(s.dash ?? []);
    ctx.lineCap = s.lineCap ?? 'round';
    ctx.lineJoin = 'round';
    ctx.lineWidth = s.weight;
    ctx.strokeStyle = s.color;
    ctx.fillStyle = s.fillColor;
    if (per[2].length) {
      // polygons are filled one by one (a shared even-odd fill would cut holes where they overlap)
      ctx.globalAlpha = s.fillOpacity;
      for (const i of per[2]) {
        ctx.beginPath();
        this.paden(ctx, i, true);
        ctx.fill('evenodd');
      }
    }
    if (per[0].length) {
      ctx.beginPath();
      for (const i of per[0]) this.cirkels(ctx, i, s.radius);
      ctx.globalAlpha = s.fillOpacity;
      ctx.fill();
      this.lijn(ctx, s);
    }
    if (per[1].length + per[2].length) {
      ctx.beginPath();
      for (const i of per[1]) this.paden(ctx, i, false);
      for (const i of per[2]) this.paden(ctx, i, true);
      this.lijn(ctx, s);
    }
    ctx.globalAlpha = 1;
  }

  private lijn(ctx: CanvasRenderingContext2D, s: VeelStijl): void {
    ctx.globalAlpha = s.opacity;
    ctx.stroke();
  }

  private paden(ctx: CanvasRenderingContext2D, i: number, dicht: boolean): void {
    const { feature, part, xy } = this.vormen;
    const [S, ox, oy] = [this.schaal, this.ox, this.oy];
    for (let j = feature[i]; j < feature[i + 1]; j++) {
      const a = part[j], b = part[j + 1];
      let lx = xy[2 * a] * S - ox, ly = xy[2 * a + 1] * S - oy;
      ctx.moveTo(lx, ly);
      for (let k = a + 1; k < b; k++) {
        const x = xy[2 * k] * S - ox, y = xy[2 * k + 1] * S - oy;
        if (k < b - 1 && Math.abs(x - lx) + Math.abs(y - ly) < MIN_STAP) continue;
        ctx.lineTo(x, y);
        lx = x;
        ly = y;
      }
      if (dicht) ctx.closePath();
    }
  }

  private cirkels(ctx: CanvasRenderingContext2D, i: number, r: number): void {
    const { feature, part, xy } = this.vormen;
    for (let k = part[feature[i]]; k < part[feature[i + 1]]; k++) {
      const x = this.px(xy[2 * k]), y = this.py(xy[2 * k + 1]);
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, Math.PI * 2);
    }
  }

  // --- hit testing ---

  private zoek(x: number, y: number, tolerantie: number): number {
    if (!this.aantalAan) return -1;
    this.index ??= this.bouwIndex();
    // the widest a feature can be drawn: a selected pair's line or a point's circle
    const marge = (12 + tolerantie) / this.schaal;
    const [nx, ny] = [(x + this.ox) / this.schaal, (y + this.oy) / this.schaal];
    let beste = -1, besteD = Infinity;
    for (const i of this.index.search(nx - marge, ny - marge, nx + marge, ny + marge)) {
      if (!this.aan[i]) continue;
      const sel = this.selectie.has(i);
      const s = this.stijl(i, sel);
      const d = this.afstand(i, x, y);
      const reik = (this.vormen.soort[i] === 0 ? s.radius : 0) + s.weight / 2 + tolerantie;
      if (d > reik) continue;
      // a selected feature is drawn on top, so it wins; else the nearest, on a tie the later one
      const score = sel ? d - 1e9 : d;
      if (score < besteD || (score === besteD && i > beste)) [beste, besteD] = [i, score];
    }
    return beste;
  }

  private bouwIndex(): Flatbush {
    const n = aantal(this.vormen);
    const index = new Flatbush(Math.max(1, n));
    const b = this.vormen.box;
    for (let i = 0; i < n; i++) index.add(b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]);
    if (n === 0) index.add(0, 0, 0, 0);
    index.finish();
    return index;
  }

  /** pixel distance from (x, y) to feature i: 0 inside a polygon, else to the nearest edge or point */
  private afstand(i: number, x: number, y: number): number {
    const { soort, feature, part, xy } = this.vormen;
    let best = Infinity;
    let binnen = false;
    for (let j = feature[i]; j < feature[i + 1]; j++) {
      const [a, b] = [part[j], part[j + 1]];
      if (b - a === 1) {
        best = Math.min(best, Math.hypot(this.px(xy[2 * a]) - x, this.py(xy[2 * a + 1]) - y));
        continue;
      }
      for (let k = a; k + 1 < b; k++) {
        const [x1, y1, x2, y2] = [this.px(xy[2 * k]), this.py(xy[2 * k + 1]), this.px(xy[2 * k + 2]), this.py(xy[2 * k + 3])];
        best = Math.min(best, segmentAfstand(x, y, x1, y1, x2, y2));
        // even-odd crossing count, as the fill is drawn
        if (soort[i] === 2 && (y1 > y) !== (y2 > y) && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) binnen = !binnen;
      }
    }
    return binnen ? 0 : best;
  }
}

function segmentAfstand(px: number, py: number, x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1, dy = y2 - y1;
  const len2 = dx * dx + dy * dy;
  const t = len2 ? Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / len2)) : 0;
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}
