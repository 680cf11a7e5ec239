// the shell's status texts: plain functions of what the host said, no DOM

/** Text while the page waits for office.js to report ready. */
export const WACHT_OP_EXCEL = 'Wachten op Excel…';

/** Text when office.js did not load (no network, or the page opened outside Excel). */
export const OFFICE_JS_ONTBREEKT =
  'office.js kon niet worden geladen: open Koppelkaart vanuit Excel (met internet), of gebruik de standalone pagina.';

/** Text of the standalone page, which runs without Excel. */
export const STANDALONE = 'Standalone modus: deze pagina werkt zonder Excel.';

/** The status after `Office.onReady` (its `info.host`, e.g. "Excel"): only Excel is supported. */
export function statusNaOfficeReady(host: string | null | undefined): string {
  if (host === 'Excel') return 'Verbonden met Excel.';
  if (!host) return 'Geen Office-host gevonden: open Koppelkaart vanuit Excel, of gebruik de standalone pagina.';
  return `Koppelkaart werkt alleen in Excel, niet in ${host}.`;
}
