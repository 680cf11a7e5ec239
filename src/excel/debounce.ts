/**
 * A small debounce for re-analysis after edits: many change events in a row become one call,
 * `wait` ms after the last. Switch it off by not calling it (or `cancel()`).
 */

/** A debounced function with a way to drop a pending call. */
export interface Debounced<A extends unknown[]> {
  call(...args: A): void;
  /** drops a pending call */
  cancel(): void;
  /** runs a pending call now */
  flush(): void;
}

/**
 * @example
 * const rerun = debounce(() => analyse(), 1500);
 * rerun.call(); rerun.call(); // one analyse(), 1.5 s after the second call
 */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, wait: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: A | undefined;
  const fire = () => {
    timer = undefined;
    const args = last as A;
    last = undefined;
    fn(...args);
  };
  return {
    call(...args: A) {
      last = args;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(fire, wait);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      last = undefined;
    },
    flush() {
      if (timer === undefined) return;
      clearTimeout(timer);
      fire();
    },
  };
}
