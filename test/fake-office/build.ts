/**
 * Builds `test/fake-office/office.js`, the fake as one browser script, with webpack's Node API.
 * Run `npx tsx test/fake-office/build.ts`, or call `buildFakeOffice()` before starting the e2e
 * harness with `{ officeJs: 'test/fake-office/office.js' }`.
 */
import { resolve } from 'node:path';
import webpack from 'webpack';

export const FAKE_OFFICE_JS = resolve(__dirname, 'office.js');

/** Builds the browser script; resolves with its path. */
export function buildFakeOffice(outFile = FAKE_OFFICE_JS): Promise<string> {
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    target: 'web',
    entry: resolve(__dirname, 'browser.ts'),
    output: { path: resolve(outFile, '..'), filename: outFile.split(/[\\/]/).pop(), iife: true },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'es2020' } } }],
    },
    performance: { hints: false },
  });
  return new Promise((done, fail) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) return fail(err);
      if (stats?.hasErrors()) return fail(new Error(stats.toString({ all: false, errors: true })));
      done(outFile);
    }),
  );
}

if (require.main === module) {
  buildFakeOffice().then((file) => console.log(`fake office.js: ${file}`), (e) => {
    console.error(e);
    process.exit(1);
  });
}
