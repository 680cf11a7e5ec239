/**
 * The "Exporteren" menu's files: the meekoppelkansen (shared parts, every column of the
 * Meekoppelkansen table with the planner's edits) and the works as GeoJSON, and the
 * Meekoppelkansen table as a CSV for Dutch Excel. Built by src/core/export; loaded on demand.
 */
import { dutchCsv } from '../core/export/csv';
import { meekoppelkansenGeoJson, werkenGeoJson, type ExportCrs, type TabelInhoud } from '../core/export/geojson';
import type { RawWerkboek } from '../core/types';
import { mergeMeekoppelkansen } from '../core/werkboek/meekoppelkansen';
import type { AnalyseResultaat } from '../worker/protocol';
import type { PlannerVelden } from '../worker/kaart-model';
import { applyPlannerEdits } from './save-xlsx';

export type ExportSoort = 'meekoppelkansen' | 'werken' | 'csv';

/** One file to offer. */
export interface ExportBestand {
  naam: string;
  blob: Blob;
  /** what the status line says */
  melding: string;
}

/** the Meekoppelkansen table as the planner would save it now */
function tabel(raw: RawWerkboek | undefined, r: Pick<AnalyseResultaat, 'werkboek' | 'paren'>, edits: ReadonlyMap<string, PlannerVelden>): TabelInhoud {
  const t = mergeMeekoppelkansen(raw?.meekoppelkansen, r.paren, r.werkboek.werken);
  applyPlannerEdits(t.headers, t.rows, edits);
  return t;
}

/**
 * The file for one export.
 *
 * @example
 * const f = exportBestand('meekoppelkansen', 'rd', raw, app.resultaat!, edits, '2026-11-22');
 * download(f.blob, f.naam);
 */
export function exportBestand(
  soort: ExportSoort,
  crs: ExportCrs,
  raw: RawWerkboek | undefined,
  r: Pick<AnalyseResultaat, 'werkboek' | 'paren'>,
  edits: ReadonlyMap<string, PlannerVelden>,
  datum: string,
): ExportBestand {
  const geo = (text: string) => new Blob([text], { type: 'application/geo+json' });
  const crsNaam = crs === 'rd' ? 'RD New, EPSG:28992' : 'WGS84';
  const achter = crs === 'rd' ? '-rd' : '';
  if (soort === 'csv') {
    return {
      naam: `meekoppelkansen-${datum}.csv`,
      blob: new Blob([dutchCsv(tabel(raw, r, edits))], { type: 'text/csv;charset=utf-8' }),
      melding: `${r.paren.length} meekoppelkansen geëxporteerd als CSV.`,
    };
  }
  if (soort === 'werken') {
    return {
      naam: `werken-${datum}${achter}.geojson`,
      blob: geo(werkenGeoJson(r.werkboek.werken, r.paren, crs)),
      melding: `${r.werkboek.werken.length} werken geëxporteerd als GeoJSON (${crsNaam}).`,
    };
  }
  return {
    naam: `meekoppelkansen-${datum}${achter}.geojson`,
    blob: geo(meekoppelkansenGeoJson(r.paren, tabel(raw, r, edits), crs)),
    melding: `${r.paren.length} meekoppelkansen geëxporteerd als GeoJSON (${crsNaam}).`,
  };
}
