/**
 * The current map view as a PNG for a report or a buurtavond: the base map tiles (when they
 * loaded) and the map's canvas composited onto an offscreen canvas at the places they are drawn,
 * then the legend, the scale bar and the attribution drawn with canvas 2D. Tiles come with CORS
 * (`crossOrigin` on the tile layer; PDOK sends the headers), so the canvas is not tainted.
 */

/** One block of the legend: a layer's name and its colours. */
export interface LegendaBlok {
  titel: string;
  items: { label: string; kleur: string }[];
}

const FONT = '12px "Segoe UI", system-ui, sans-serif';
const FONT_VET = '600 12px "Segoe UI", system-ui, sans-serif';
const REGEL = 16;

/** where an element is drawn, relative to the map container */
function plek(node: Element, origin: DOMRect): [number, number, number, number] {
  const r = node.getBoundingClientRect();
  return [r.left - origin.left, r.top - origin.top, r.width, r.height];
}

/** the base map tiles and the vector canvas, in drawing order */
function tekenKaart(ctx: CanvasRenderingContext2D, container: HTMLElement, origin: DOMRect): number {
  let tegels = 0;
  for (const img of container.querySelectorAll<HTMLImageElement>('.leaflet-tile-pane img.leaflet-tile-loaded')) {
    if (!img.complete || img.naturalWidth === 0) continue;
    const opacity = Number(getComputedStyle(img.parentElement ?? img).opacity || '1');
    ctx.globalAlpha = Number.isFinite(opacity) ? opacity : 1;
    ctx.drawImage(img, ...plek(img, origin));
    tegels++;
  }
  ctx.globalAlpha = 1;
  for (const canvas of container.querySelectorAll<HTMLCanvasElement>('.leaflet-pane canvas')) {
    if (canvas.width > 0 && canvas.height > 0) ctx.drawImage(canvas, ...plek(canvas, origin));
  }
  return tegels;
}

/** the legend in a white box at the top right */
function tekenLegenda(ctx: CanvasRenderingContext2D, blokken: readonly LegendaBlok[], breedte: number): void {
  const regels = blokken.reduce((n, b) => n + 1 + b.items.length, 0);
  if (regels === 0) return;
  ctx.font = FONT;
  const tekstBreedte = Math.max(...blokken.flatMap((b) => [b.titel, ...b.items.map((i) => `    ${i.label}`)]).map((t) => ctx.measureText(t).width));
  const w = Math.min(tekstBreedte + 36, breedte / 2);
  const h = regels * REGEL + 12;
  const x = breedte - w - 10;
  let y = 10;
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.strokeStyle = '#8a8886';
  ctx.fillRect(x, y, w, h);
  ctx.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
  y += 6;
  ctx.textBaseline = 'middle';
  for (const b of blokken) {
    ctx.font = FONT_VET;
    ctx.fillStyle = '#323130';
    ctx.fillText(b.titel, x + 8, y + REGEL / 2, w - 16);
    y += REGEL;
    ctx.font = FONT;
    for (const i of b.items) {
      ctx.fillStyle = i.kleur;
      ctx.fillRect(x + 10, y + 4, 14, REGEL - 8);
      ctx.fillStyle = '#323130';
      ctx.fillText(i.label, x + 30, y + REGEL / 2, w - 38);
      y += REGEL;
    }
  }
}

/** the scale bar as Leaflet shows it (its line's width and text), at the bottom left */
function tekenSchaal(ctx: CanvasRenderingContext2D, container: HTMLElement, hoogte: number): void {
  const lijn = container.querySelector<HTMLElement>('.leaflet-control-scale-line');
  const tekst = lijn?.textContent?.trim();
  const w = lijn?.getBoundingClientRect().width ?? 0;
  if (!tekst || w <= 0) return;
  const x = 10;
  const y = hoogte - 30;
  ctx.fillStyle = 'rgba(255,255,255,0.8)';
  ctx.fillRect(x, y, w, 18);
  ctx.strokeStyle = '#323130';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(x + 1, y);
  ctx.lineTo(x + 1, y + 18);
  ctx.lineTo(x + w - 1, y + 18);
  ctx.lineTo(x + w - 1, y);
  ctx.stroke();
  ctx.lineWidth = 1;
  ctx.font = FONT;
  ctx.fillStyle = '#323130';
  ctx.textBaseline = 'middle';
  ctx.fillText(tekst, x + 5, y + 9);
}

/** the attribution (the base map's licence asks for it), bottom right */
function tekenBronvermelding(ctx: CanvasRenderingContext2D, tekst: string, breedte: number, hoogte: number): void {
  if (!tekst) return;
  ctx.font = '11px "Segoe UI", system-ui, sans-serif';
  const w = Math.min(ctx.measureText(tekst).width + 8, breedte);
  ctx.fillStyle = 'rgba(255,255,255,0.8)';
  ctx.fillRect(breedte - w, hoogte - 16, w, 16);
  ctx.fillStyle = '#323130';
  ctx.textBaseline = 'middle';
  ctx.fillText(tekst, breedte - w + 4, hoogte - 8, w - 8);
}

/**
 * Renders the map in `container` (a Leaflet map with one canvas renderer) as a PNG of its size.
 *
 * @example
 * const { blob, tegels } = await kaartPng(kaart.map.getContainer(), legendaBlokken(legenda.element));
 * download(blob, `koppelkaart-${vandaag()}.png`);
 */
export async function kaartPng(container: HTMLElement, legenda: readonly LegendaBlok[]): Promise<{ blob: Blob; breedte: number; hoogte: number; tegels: number }> {
  const origin = container.getBoundingClientRect();
  const breedte = Math.round(origin.width);
  const hoogte = Math.round(origin.height);
  if (breedte === 0 || hoogte === 0) throw new Error('kaartPng: the map container has no size; show the map before exporting it.');
  const canvas = document.createElement('canvas');
  canvas.width = breedte;
  canvas.height = hoogte;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('kaartPng: this browser gives no 2D canvas.');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, breedte, hoogte);
  const tegels = tekenKaart(ctx, container, origin);
  tekenLegenda(ctx, legenda, breedte);
  tekenSchaal(ctx, container, hoogte);
  const attributie = tegels > 0 ? container.querySelector('.leaflet-control-attribution')?.textContent?.replace(/\s+/g, ' ').trim() ?? '' : '';
  tekenBronvermelding(ctx, attributie, breedte, hoogte);
  const blob = await new Promise<Blob | null>((ok) => canvas.toBlob(ok, 'image/png'));
  if (!blob) throw new Error('De kaart kon niet als PNG worden gemaakt (de browser gaf geen afbeelding).');
  return { blob, breedte, hoogte, tegels };
}

/**
 * The legend as shown under "Lagen en legenda": the layers switched on, each with its colours
 * (the buurten block only when a choropleth column is chosen).
 *
 * @example
 * legendaBlokken(document.querySelector('.kk-legenda')!);
 */
export function legendaBlokken(legenda: HTMLElement): LegendaBlok[] {
  const blokken: LegendaBlok[] = [];
  for (const laag of legenda.querySelectorAll<HTMLElement>('.kk-laag')) {
    const aan = laag.querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked ?? false;
    let titel = laag.querySelector('.kk-laag-naam')?.textContent?.trim() ?? '';
    const kolom = laag.querySelector<HTMLSelectElement>('select');
    if (kolom?.value) titel = `${titel}: ${kolom.value}`;
    const items = [...laag.querySelectorAll<HTMLElement>('li')]
      .filter((li) => !li.querySelector('select'))
      .map((li) => ({ label: li.textContent?.trim() ?? '', kleur: li.querySelector<HTMLElement>('.kk-swatch')?.style.background || '#999999' }));
    if (aan && items.length > 0) blokken.push({ titel, items });
  }
  return blokken;
}
