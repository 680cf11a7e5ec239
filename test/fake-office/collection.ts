/**
 * Collections (`worksheets`, `tables`, `columns`, `rows`) and event sources, shared by the proxies.
 */
import { FakeClientObject, FakeRequestContext, Reader } from './context';
import { EventKind, FakeWorkbook } from './model';

/**
 * A collection proxy: `load('name')` or `load('items/name')` loads `items`, each an item proxy with
 * those properties; `count` loads on its own.
 */
export abstract class FakeCollection<T, I extends FakeClientObject<T>> extends FakeClientObject<T[]> {
  private loadedItems?: I[];

  protected readonly readers: Record<string, Reader<T[]>> = { count: () => this.list().length };

  /** the members are looked up when the batch reaches a load, so they are never stale */
  constructor(context: FakeRequestContext, protected readonly list: () => T[]) {
    super(context, { bound: [] });
  }

  /** a proxy for one member, already bound */
  protected abstract item(target: T): I;

  get items(): I[] {
    if (!this.loadedItems) return this.get<I[]>('items');
    return this.loadedItems;
  }

  get count(): number {
    return this.get<number>('count');
  }

  override loadNow(props: string[]): void {
    const own = props.filter((p) => p === 'count');
    const itemProps = props
      .filter((p) => p !== 'count')
      .map((p) => (p.startsWith('items/') ? p.slice(6) : p))
      .filter((p) => p !== 'items');
    if (own.length > 0) super.loadNow(own);
    if (own.length > 0 && itemProps.length === 0 && !props.includes('items')) return;
    const items = this.list().map((t) => this.item(t));
    for (const it of items) it.loadNow(itemProps.length > 0 ? itemProps : defaultProps(it));
    this.context.stage(() => (this.loadedItems = items), 0);
  }

  override load(props?: string | string[] | { select?: string | string[] }): this {
    const list = props === undefined ? ['items'] : typeof props === 'string' ? props.split(',') : Array.isArray(props) ? props : ['items'];
    this.context.queue(() => this.loadNow(list.map((p) => p.trim()).filter(Boolean)));
    return this;
  }
}

function defaultProps(item: object): string[] {
  return Object.keys((item as unknown as { readers: Record<string, unknown> }).readers);
}

/** `onChanged` / `onSelectionChanged` of a worksheet or table. */
export class FakeEventSource {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly scope: 'worksheet' | 'table',
    private readonly targetId: () => string,
    private readonly kind: EventKind,
  ) {}

  add(handler: (args: never) => unknown): FakeEventHandlerResult {
    const result = new FakeEventHandlerResult(this.context);
    this.context.queue(() => {
      result.id = this.context.model.addHandler(this.scope, this.targetId(), this.kind, handler as (args: unknown) => unknown);
    });
    return result;
  }
}

export class FakeEventHandlerResult {
  id?: number;
  constructor(readonly context: FakeRequestContext) {}

  remove(): void {
    this.context.queue(() => {
      if (this.id !== undefined) this.context.model.removeHandler(this.id);
    });
  }
}

export type { FakeWorkbook };
