/**
 * What the "Exporteren" and "Importeren" menus do, the same on the page and in Excel: the host
 * (`WerkboekHost`) says where the workbook is and how to write into it; the pure import and
 * export of src/core do the rest. This module and everything under it loads on first use.
 */
import { bronKey } from '../core/import/bronnen';
import { importBuurten } from '../core/import/buurten';
import { parseCsv } from '../core/import/csv';
import { proposeMapping } from '../core/import/mapping';
import { importWerken } from '../core/import/werken';
import type { RowProblem } from '../core/types';
import { normaliseHeader } from '../core/werkboek/headers';
import { decodeText } from '../file/decode-text';
import type { KoppelkaartApp } from './app';
import type { WerkboekHost } from './bestand-menus';
import { download, vandaag } from './download';
import { exportBestand, type ExportSoort } from './export';
import { vraagMapping } from './mapping-form';
import { kaartPng, legendaBlokken } from './map-png';

const fout = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Offers one GeoJSON or CSV export as a download. */
export async function exporteer(app: KoppelkaartApp, host: WerkboekHost, soort: ExportSoort, rd: boolean): Promise<void> {
  const r = await app.gegevens().catch(() => null);
  if (!r) {
    app.setStatus('Analyseer eerst een werkboek; dan is er iets te exporteren.');
    return;
  }
  const f = exportBestand(soort, rd ? 'rd' : 'wgs84', r.raw, r, host.edits(), vandaag());
  download(f.blob, f.naam);
  app.setStatus(f.melding);
}

/** Offers the current map view as a PNG. */
export async function exporteerPng(app: KoppelkaartApp): Promise<void> {
  try {
    const png = await kaartPng(app.kaart.map.getContainer(), legendaBlokken(app.legendaElement));
    download(png.blob, `koppelkaart-${vandaag()}.png`);
    app.setStatus(`Kaart opgeslagen als PNG (${png.breedte} × ${png.hoogte} pixels${png.tegels ? ', met achtergrondkaart' : ', zonder achtergrondkaart'}).`);
  } catch (error) {
    app.setStatus(`De kaart kon niet als PNG worden opgeslagen: ${fout(error)}`);
  }
}

/** the status line after an import, and its problems in the list under the toolbar */
function meld(app: KoppelkaartApp, tekst: string, problems: readonly RowProblem[]): void {
  app.setStatus(tekst);
  app.toonMeldingen(problems.map((p) => `${p.tabel}, regel ${p.rij}${p.kolom ? ` (${p.kolom})` : ''}: ${p.melding}`));
}

/** "Werken importeren (CSV)…": decode, parse, the mapping step, import, write. */
export async function importeerWerken(app: KoppelkaartApp, host: WerkboekHost, file: File): Promise<void> {
  try {
    const tabellen = await host.tabellen();
    if (!tabellen) {
      app.setStatus('Open eerst een werkboek, of maak er een met Nieuw werkboek.');
      return;
    }
    const { text, encoding } = decodeText(new Uint8Array(await file.arrayBuffer()));
    const csv = parseCsv(text);
    if (csv.headers.length === 0) {
      app.setStatus(`${file.name} heeft geen kopregel; er is niets ingelezen.`);
      return;
    }
    const voorstel = proposeMapping(csv.headers, tabellen.bronnen.get(bronKey(file.name)));
    const keuze = await vraagMapping(app.root, csv.headers, voorstel, file.name, eigenaren(tabellen.werken));
    if (!keuze) {
      app.setStatus('Import geannuleerd.');
      return;
    }
    const imp = importWerken(csv, tabellen.werken, {
      bron: keuze.bron, mapping: keuze.mapping, remembered: tabellen.bronnen.get(bronKey(keuze.bron)), vervangEigenaar: keuze.vervangEigenaar,
    });
    if (imp.missing.length > 0) {
      meld(app, 'Er is niets ingelezen: de koppeling mist velden.', imp.problems);
      return;
    }
    app.setStatus(`${file.name} importeren…`);
    const meldingen = await host.schrijfWerken(imp, keuze.bron);
    const c = imp.counts;
    const gelezen = encoding === 'windows-1252' ? ' (gelezen als Windows-1252)' : '';
    meld(app, [`${c.gelezen} regels gelezen${gelezen}: ${c.toegevoegd} werken toegevoegd, ${c.verwijderd} oude rijen vervangen, ${c.afgewezen} regels afgewezen (zie Controle).`, ...meldingen].join(' '), imp.problems);
  } catch (error) {
    app.setStatus(`Importeren mislukt: ${fout(error)}`);
  }
}

/** "Buurten importeren (GeoJSON)…". */
export async function importeerBuurten(app: KoppelkaartApp, host: WerkboekHost, file: File): Promise<void> {
  try {
    const tabellen = await host.tabellen();
    if (!tabellen) {
      app.setStatus('Open eerst een werkboek, of maak er een met Nieuw werkboek.');
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(decodeText(new Uint8Array(await file.arrayBuffer())).text);
    } catch (error) {
      app.setStatus(`${file.name} is geen geldige GeoJSON: ${fout(error)}`);
      return;
    }
    const imp = importBuurten(json, tabellen.buurten, { bron: file.name });
    app.setStatus(`${file.name} importeren…`);
    const meldingen = await host.schrijfBuurten(imp);
    const c = imp.counts;
    const crs = imp.crs === 'rd' ? 'RD New' : 'WGS84';
    meld(app, [`${c.features} ${imp.soort} (${crs}): ${c.toegevoegd} overgenomen, ${c.vervangen} bestaande vervangen, ${c.afgewezen} afgewezen (zie Controle).`, ...meldingen].join(' '), imp.problems);
  } catch (error) {
    app.setStatus(`Importeren mislukt: ${fout(error)}`);
  }
}

/** "Nieuw werkboek". */
export async function nieuwWerkboek(app: KoppelkaartApp, host: WerkboekHost): Promise<void> {
  try {
    app.setStatus('Nieuw werkboek maken…');
    const meldingen = await host.nieuwWerkboek();
    app.setStatus(['De tabellen Buurten, Werken, Koppelkansen en Regels staan klaar.', ...meldingen].join(' '));
  } catch (error) {
    app.setStatus(`Nieuw werkboek mislukt: ${fout(error)}`);
  }
}

/** the eigenaren in the Werken table, for the "vervang" choice */
function eigenaren(werken: { headers: string[]; rows: unknown[][] } | undefined): string[] {
  const i = werken?.headers.findIndex((h) => normaliseHeader(h) === 'eigenaar') ?? -1;
  if (!werken || i < 0) return [];
  return [...new Set(werken.rows.map((r) => String(r[i] ?? '').trim()).filter(Boolean))].sort();
}
