/**
 * The batching of office-js: proxies queue operations on their request context; `context.sync()`
 * runs them in order against the model, measures the payload, and only then hands loaded values
 * to the proxies. A property read before it was loaded and synced throws `PropertyNotLoaded`.
 */
import { Box } from './address';
import { ErrorCodes, FakeOfficeError, notLoaded } from './errors';
import { FakeWorkbook, SheetModel, SyncRecord } from './model';

/** One queued operation: what it does and how many bytes it sends. */
interface Op {
  run: () => void;
  bytes: number;
}

/** The JSON length of a payload, as it would travel to Excel. */
export function jsonBytes(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}

export class FakeRequestContext {
  private ops: Op[] = [];
  private staged: (() => void)[] = [];
  private responseBytes = 0;
  private changes: { sheet: SheetModel; box: Box; changeType: string }[] = [];
  /** kept for office-js compatibility; the fake tracks nothing */
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  readonly application = {
    suspendApiCalculationUntilNextSync: (): void => undefined,
  };
  private workbookProxy?: unknown;

  constructor(
    readonly model: FakeWorkbook,
    private readonly makeWorkbook: (ctx: FakeRequestContext) => unknown,
  ) {}

  /** `context.workbook`: created once per context, as office-js does */
  get workbook(): unknown {
    return (this.workbookProxy ??= this.makeWorkbook(this));
  }

  /** operations waiting for the next sync */
  get pending(): number {
    return this.ops.length;
  }

  /** true while a sync runs the queue: proxies made then (navigation) bind at once */
  running = false;

  queue(run: () => void, bytes = 0): void {
    if (this.running && bytes === 0) {
      run();
      return;
    }
    this.ops.push({ run, bytes });
  }

  /** A loaded value reaches its proxy only when the whole sync succeeded. */
  stage(commit: () => void, bytes: number): void {
    this.staged.push(commit);
    this.responseBytes += bytes;
  }

  changed(sheet: SheetModel, box: Box, changeType: string): void {
    this.changes.push({ sheet, box, changeType });
  }

  async sync(): Promise<void> {
    const ops = this.ops.splice(0);
    const record: SyncRecord = { ops: ops.length, requestBytes: ops.reduce((s, op) => s + op.bytes, 0), responseBytes: 0 };
    this.model.syncLog.push(record);
    try {
      await this.run(ops, record);
    } catch (error) {
      record.error = (error as { code?: string }).code ?? 'Error';
      throw error;
    }
  }

  private async run(ops: Op[], record: SyncRecord): Promise<void> {
    // a round trip is always asynchronous
    await Promise.resolve();
    if (record.requestBytes > this.model.payloadLimitBytes) {
      throw new FakeOfficeError(ErrorCodes.requestPayloadSizeLimitExceeded, 'The request payload size has exceeded the limit.');
    }
    this.staged = [];
    this.responseBytes = 0;
    try {
      // office-js runs the batch in order and does not roll back what ran before a failing operation
      this.running = true;
      for (const op of ops) op.run();
    } finally {
      this.running = false;
      record.responseBytes = this.responseBytes;
      for (const c of this.changes.splice(0)) this.model.fireChanged(c.sheet, c.box, c.changeType);
    }
    if (record.responseBytes > this.model.payloadLimitBytes) {
      throw new FakeOfficeError(ErrorCodes.responsePayloadSizeLimitExceeded, 'The response payload size has exceeded the limit.');
    }
    for (const commit of this.staged.splice(0)) commit();
  }
}

type Binding<T> = { kind: 'ok'; target: T } | { kind: 'null' } | { kind: 'missing'; error: FakeOfficeError };

/** Reads one property of a target; `undefined` as a reader means "navigation property". */
export type Reader<T> = (target: T) => unknown;

/**
 * A proxy for one Excel object. Its target is found when the operation that made it runs in the
 * batch (so `getItem` of a sheet added earlier in the same batch works), and stays fixed after.
 */
export abstract class FakeClientObject<T> {
  private binding?: Binding<T>;
  private readonly loaded = new Map<string, unknown>();
  private readonly children = new Map<string, unknown>();
  private nullObject?: boolean;

  constructor(
    readonly context: FakeRequestContext,
    bind: (() => T | undefined) | { bound: T },
    private readonly nullable = false,
    private readonly what = 'item',
  ) {
    if (typeof bind === 'function') context.queue(() => this.bindNow(bind));
    else this.binding = { kind: 'ok', target: bind.bound };
  }

  /** the properties `load()` knows, with their readers */
  protected abstract readonly readers: Record<string, Reader<T>>;

  /** the same child proxy on every access, as office-js navigation properties are */
  protected child<C>(name: string, make: () => C): C {
    if (!this.children.has(name)) this.children.set(name, make());
    return this.children.get(name) as C;
  }

  /** navigation properties that `load('a/b')` can follow */
  protected navigate(_name: string): FakeClientObject<unknown> | undefined {
    return undefined;
  }

  private bindNow(bind: () => T | undefined): void {
    const target = bind();
    if (target !== undefined) this.binding = { kind: 'ok', target };
    else if (this.nullable) this.binding = { kind: 'null' };
    else this.binding = { kind: 'missing', error: new FakeOfficeError(ErrorCodes.itemNotFound, `The requested ${this.what} was not found.`) };
  }

  /** The target, while a sync runs; throws like office-js when it does not exist. */
  target(): T {
    const b = this.binding;
    if (!b) throw new Error('fake-office: a proxy was used before the operation that creates it ran.');
    if (b.kind === 'missing') throw b.error;
    if (b.kind === 'null') throw new FakeOfficeError(ErrorCodes.itemNotFound, `The requested ${this.what} is a null object.`);
    return b.target;
  }

  get isNullObject(): boolean {
    if (this.nullObject === undefined) throw notLoaded('isNullObject');
    return this.nullObject;
  }

  load(props?: string | string[] | { select?: string | string[] }): this {
    const list = normaliseProps(props, Object.keys(this.readers));
    this.context.queue(() => this.loadNow(list));
    return this;
  }

  /** Runs inside a sync: reads the properties now, hands them over when the sync succeeds. */
  loadNow(props: string[]): void {
    if (this.binding?.kind === 'null') {
      this.context.stage(() => (this.nullObject = true), 0);
      return;
    }
    const target = this.target();
    const own: [string, unknown][] = [];
    const nested = new Map<string, string[]>();
    for (const p of props) {
      const slash = p.indexOf('/');
      if (slash > 0) {
        const [head, rest] = [p.slice(0, slash), p.slice(slash + 1)];
        nested.set(head, [...(nested.get(head) ?? []), rest]);
        continue;
      }
      const reader = this.readers[p];
      if (!reader) throw new FakeOfficeError(ErrorCodes.invalidArgument, `The property '${p}' does not exist on this object.`);
      own.push([p, reader(target)]);
    }
    this.context.stage(() => {
      this.nullObject = false;
      for (const [p, v] of own) this.loaded.set(p, v);
    }, own.reduce((s, [, v]) => s + (v instanceof FakeClientObject ? 0 : jsonBytes(v)), 0));
    for (const [head, rest] of nested) {
      const child = this.navigate(head);
      if (!child) throw new FakeOfficeError(ErrorCodes.invalidArgument, `The property '${head}' cannot be navigated.`);
      child.loadNow(rest);
    }
  }

  protected get<V>(prop: string): V {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as V;
  }

  /** Queues a write; `bytes` is what it adds to the request payload. */
  protected write(apply: (target: T) => void, bytes = 0): void {
    this.context.queue(() => apply(this.target()), bytes);
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

function normaliseProps(props: string | string[] | { select?: string | string[] } | undefined, all: string[]): string[] {
  const raw = props === undefined ? all : typeof props === 'string' || Array.isArray(props) ? props : (props.select ?? all);
  const list = (Array.isArray(raw) ? raw : raw.split(',')).map((p) => p.trim()).filter((p) => p.length > 0);
  return list.length > 0 ? list : all;
}
