// the DOM of the shell (page.html): found once, so the rest of the UI gets typed elements

/** The elements of the shell page that code talks to. */
export interface ShellElements {
  /** where the UI (src/ui/app.ts) is built */
  app: HTMLElement;
  status: HTMLElement;
}

function required<T extends HTMLElement>(doc: Document, id: string, kind: { new (): T }): T {
  const el = doc.getElementById(id);
  if (!(el instanceof kind)) {
    throw new Error(`page has no #${id} ${kind.name}: is src/taskpane/page.html the template of this page?`);
  }
  return el;
}

/** Finds the shell's elements; throws when the page is not built from page.html. */
export function findShell(doc: Document): ShellElements {
  return {
    app: required(doc, 'app', HTMLElement),
    status: required(doc, 'status', HTMLElement),
  };
}

/** Shows a line in the status bar. */
export function showStatus(shell: ShellElements, text: string): void {
  shell.status.textContent = text;
}

/** The page's `?achtergrond=uit` switch: no PDOK base map (offline use, tests). */
export function basemapWanted(location: Location): boolean {
  return new URLSearchParams(location.search).get('achtergrond') !== 'uit';
}
