// Builds the two pages that share one UI: taskpane.html (inside Excel, with office.js)
// and index.html (the standalone page, no office.js). `npm start` serves them on port 3000.
const path = require('node:path');
const fs = require('node:fs');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const PORT = 3000;
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const TILE_HOST = 'https://service.pdok.nl';

/**
 * The Content-Security-Policy of a page. Scripts only from this origin (and office.js's in Excel).
 * style-src allows 'unsafe-inline' only in the task pane: office.js's host scripts set inline
 * styles (OfficeDev/office-js#1687). Our own CSS is emitted as files, so the standalone page
 * keeps style-src 'self'; Leaflet sets styles through the CSSOM, which CSP does not restrict.
 */
function contentSecurityPolicy({ office }) {
  return [
    "default-src 'self'",
    `script-src 'self'${office ? ` https://appsforoffice.microsoft.com` : ''}`,
    `style-src 'self'${office ? " 'unsafe-inline'" : ''}`,
    `img-src 'self' data: ${TILE_HOST}`,
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** One page: the shared template, its entry chunk, its policy, office.js or not. */
function page({ filename, chunk, office, title }) {
  return new HtmlWebpackPlugin({
    filename,
    chunks: [chunk],
    template: path.resolve(__dirname, 'src/taskpane/page.html'),
    templateParameters: {
      csp: contentSecurityPolicy({ office }),
      officeJs: office ? OFFICE_JS : '',
      title,
    },
  });
}

/**
 * The dev server's https options: office-addin-dev-certs' trusted localhost certificate when
 * installed (`npx office-addin-dev-certs install`), else webpack-dev-server's self-signed one.
 */
function httpsServer() {
  const certDir = path.join(require('node:os').homedir(), '.office-addin-dev-certs');
  const files = { ca: 'ca.crt', cert: 'localhost.crt', key: 'localhost.key' };
  const present = Object.values(files).every((f) => fs.existsSync(path.join(certDir, f)));
  if (!present) {
    console.warn('[koppelkaart] no office-addin-dev-certs certificate found: using a self-signed one.');
    console.warn('[koppelkaart] run `npx office-addin-dev-certs install` once so Excel trusts https://localhost:3000.');
    return { type: 'https' };
  }
  const options = Object.fromEntries(
    Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(certDir, f))]),
  );
  return { type: 'https', options };
}

function sideloadHelp(https, port) {
  const origin = `${https ? 'https' : 'http'}://localhost:${port}`;
  return [
    `Koppelkaart draait op ${origin}/ (standalone pagina)${https ? ` en ${origin}/taskpane.html (taakvenster)` : ''}.`,
    'In Excel laden (sideloaden): zie README.md, "Sideloaden in Excel".',
    https
      ? '  Excel desktop (Windows/Mac): npx office-addin-debugging start manifest.xml desktop'
      : '  Voor Excel is https nodig: npm run start:excel',
    '  Excel op het web: Invoegen > Invoegtoepassingen > Mijn invoegtoepassing uploaden > manifest.xml',
  ].join('\n');
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const https = Boolean(env.https);
  return {
    mode,
    context: __dirname,
    entry: {
      taskpane: './src/taskpane/taskpane.ts',
      standalone: './src/taskpane/standalone.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist/web'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      assetModuleFilename: 'assets/[name].[contenthash:8][ext]',
      clean: true,
    },
    // no eval-based source maps: the pages' CSP forbids eval
    devtool: 'source-map',
    resolve: { extensions: ['.ts', '.js'] },
    // CSS as real files (webpack's built-in CSS support), so no inline <style> tags under the CSP
    experiments: { css: true },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // esnext modules so dynamic import() splits chunks; types are checked by `npm run typecheck`
            options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: true } },
          },
        },
        // images referenced from CSS (Leaflet's markers) stay files: img-src allows data: anyway
        { test: /\.(png|svg|jpg|gif)$/, type: 'asset/resource' },
      ],
    },
    plugins: [
      page({ filename: 'taskpane.html', chunk: 'taskpane', office: true, title: 'Koppelkaart' }),
      page({ filename: 'index.html', chunk: 'standalone', office: false, title: 'Koppelkaart (standalone)' }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icons/*.png', to: 'assets/icons/[name][ext]' },
          // made by scripts/make-demo-workbook.ts; a fresh checkout without it still builds
          { from: 'assets/koppelkaart-demo-utrecht.xlsx', to: 'assets/[name][ext]', noErrorOnMissing: true },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      port: PORT,
      host: 'localhost',
      server: https ? httpsServer() : 'http',
      static: false,
      open: !https && !process.env.CI ? ['/'] : false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      client: { overlay: { warnings: false, errors: true } },
      onListening(devServer) {
        console.log(`\n${sideloadHelp(https, devServer.server.address().port)}\n`);
      },
    },
  };
};

module.exports.PORT = PORT;
module.exports.OFFICE_JS = OFFICE_JS;
module.exports.TILE_HOST = TILE_HOST;
