/**
 * The globals office.js defines (`Office`, `Excel`, `OfficeExtension`), backed by a `FakeWorkbook`.
 * Install them on `globalThis` in a Jest test or in the browser in place of office.js.
 */
import { FakeRequestContext } from './context';
import { ErrorCodes, FakeOfficeError } from './errors';
import { FakeWorkbook } from './model';
import { FakeWorkbookProxy } from './sheets';

export interface FakeOfficeGlobals {
  Office: unknown;
  Excel: unknown;
  OfficeExtension: unknown;
}

/** The requirement sets the fake answers yes to: what Excel on the web supports today. */
const SUPPORTED: Record<string, number> = { ExcelApi: 1.17 };

/** Builds the office.js globals over `model`. */
export function createFakeOffice(model: FakeWorkbook): FakeOfficeGlobals {
  const newContext = (): FakeRequestContext => new FakeRequestContext(model, (ctx) => new FakeWorkbookProxy(ctx));

  async function run<R>(a: unknown, b?: unknown): Promise<R> {
    const batch = (typeof a === 'function' ? a : b) as (ctx: FakeRequestContext) => Promise<R>;
    let ctx: FakeRequestContext;
    if (typeof a === 'function') ctx = newContext();
    else if (a instanceof FakeRequestContext) ctx = a;
    else if (a && typeof a === 'object' && (a as { context?: unknown }).context instanceof FakeRequestContext) ctx = (a as { context: FakeRequestContext }).context;
    else throw new FakeOfficeError(ErrorCodes.invalidArgument, 'Excel.run takes a batch function, or a context or object and a batch function.');
    const result = await batch(ctx);
    // Excel.run sends whatever the batch left queued
    if (ctx.pending > 0) await ctx.sync();
    return result;
  }

  const Excel = {
    run,
    RequestContext: function RequestContext() {
      return newContext();
    },
    DeleteShiftDirection: { up: 'Up', left: 'Left' },
    InsertShiftDirection: { down: 'Down', right: 'Right' },
    ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents' },
    RangeValueType: { unknown: 'Unknown', empty: 'Empty', string: 'String', integer: 'Integer', double: 'Double', boolean: 'Boolean', error: 'Error', richValue: 'RichValue' },
    EventSource: { local: 'Local', remote: 'Remote' },
    /** for tests and the e2e harness: the workbook behind the fake */
    fakeWorkbook: model,
  };

  const info = { host: 'Excel', platform: 'OfficeOnline' };
  const Office = {
    HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook' },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      return Promise.resolve().then(() => {
        callback?.(info);
        return info;
      });
    },
    context: {
      host: 'Excel',
      platform: 'OfficeOnline',
      diagnostics: { host: 'Excel', platform: 'OfficeOnline', version: 'fake' },
      requirements: {
        isSetSupported(name: string, version?: string | number): boolean {
          const have = SUPPORTED[name];
          return have !== undefined && Number(version ?? 1) <= have + 1e-9;
        },
      },
    },
  };

  return { Office, Excel, OfficeExtension: { Error: FakeOfficeError, ErrorCodes } };
}

/** Puts `Office`, `Excel` and `OfficeExtension` on `target`; returns a function that takes them off. */
export function installFakeOffice(model: FakeWorkbook, target: object = globalThis): () => void {
  const globals = createFakeOffice(model);
  const t = target as Record<string, unknown>;
  const before = { Office: t.Office, Excel: t.Excel, OfficeExtension: t.OfficeExtension };
  Object.assign(t, globals);
  return () => Object.assign(t, before);
}
