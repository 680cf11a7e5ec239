/**
 * Offers bytes or text as a file download: a Blob behind a temporary `<a download>`. Works on the
 * standalone page and in Excel on the web; desktop task pane webviews mostly allow it too.
 */
import { el } from './dom';

/**
 * Starts the download of `data` as `naam`.
 *
 * @example
 * download(new Blob([csv], { type: 'text/csv' }), 'meekoppelkansen-2026-11-22.csv');
 */
export function download(data: Blob, naam: string): void {
  const a = el('a', { href: URL.createObjectURL(data), download: naam, hidden: '' });
  document.body.appendChild(a);
  a.click();
  a.remove();
  // the browser has taken the file by then; revoking at once can cancel it in some webviews
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** Today as YYYY-MM-DD in local time, for file names. */
export function vandaag(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
