/** The progress bar of a running analysis, with a cancel button. */
import { el } from './dom';

export class Voortgang {
  readonly element: HTMLElement;
  private readonly bar: HTMLProgressElement;
  private readonly label: HTMLElement;
  private readonly annuleer: HTMLButtonElement;

  constructor(onCancel: () => void) {
    this.bar = el('progress', { max: '1', value: '0', 'aria-label': 'Voortgang van de analyse' });
    this.label = el('span', { class: 'kk-voortgang-tekst' });
    this.annuleer = el('button', { type: 'button', class: 'kk-knop-stil', id: 'annuleer' }, 'Annuleer');
    this.annuleer.addEventListener('click', onCancel);
    // the button first: the changing label must not move it under the pointer
    this.element = el('div', { class: 'kk-voortgang', id: 'voortgang', hidden: '' }, this.annuleer, this.bar, this.label);
  }

  /** Shows the stage and the fraction done (0..1). */
  show(fase: string, fractie: number): void {
    this.element.hidden = false;
    this.bar.value = Math.max(0, Math.min(1, fractie));
    this.label.textContent = `${fase} (${Math.round(this.bar.value * 100)}%)`;
  }

  hide(): void {
    this.element.hidden = true;
  }
}
