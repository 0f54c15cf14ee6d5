// Bundles the client, the language server and the CLI with esbuild.
import * as esbuild from 'esbuild';
import * as fs from 'fs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

/**
 * The readers of files that are not text (files/html.ts, docx.ts, pdf.ts) are
 * bundles of their own, loaded only when such a file is read: checking text
 * does not parse their libraries. files/read.ts asks for `./html` (and
 * `./docx`, `./pdf`); in the CLI's and the server's bundles that is the
 * `./html.js` next to them.
 */
const readersApart = {
  name: 'readers-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/(html|docx|pdf)$/ }, (args) =>
      /[\\/]server[\\/]src[\\/]files$/.test(args.resolveDir) ? { path: `${args.path}.js`, external: true } : undefined,
    );
    // The CLI's review command (and its workbook writer), likewise: ./review.js.
    build.onResolve({ filter: /^\.\/review\/index$/ }, (args) => (/[\\/]server[\\/]src[\\/]cli$/.test(args.resolveDir) ? { path: './review.js', external: true } : undefined));
  },
};

/**
 * pdf.js on Node tries to load a native canvas (@napi-rs/canvas) for rendering
 * pages; reading their text never needs it, and the extension ships no native
 * code: the bundle never asks for it. Its code refers to `import.meta.url`,
 * which a CommonJS bundle gives from its own file name.
 */
const pdfWithoutCanvas = {
  name: 'pdf-without-canvas',
  setup(build) {
    build.onLoad({ filter: /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.mjs$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      const stripped = source.replaceAll('require("@napi-rs/canvas")', 'undefined');
      if (stripped === source) throw new Error('pdf.js no longer loads @napi-rs/canvas as expected: review the pdf-without-canvas plugin');
      return { contents: stripped, loader: 'js' };
    });
  },
};

// The CMaps that Chinese fonts in PDFs need, beside the bundle that reads them.
fs.cpSync('node_modules/pdfjs-dist/cmaps', 'dist/cmaps', { recursive: true });

await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: ['server/src/files/pdf.ts'],
    outfile: 'dist/pdf.js',
    plugins: [pdfWithoutCanvas],
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('url').pathToFileURL(__filename).href;" },
    // Source maps of pdf.js alone are 8 MB: the production bundle goes without.
    sourcemap: false,
  }),
  esbuild.build({ ...common, entryPoints: ['server/src/files/html.ts'], outfile: 'dist/html.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/review/index.ts'], outfile: 'dist/review.js', plugins: [readersApart] }),
  esbuild.build({ ...common, entryPoints: ['server/src/files/docx.ts'], outfile: 'dist/docx.js' }),
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', plugins: [readersApart] }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [readersApart] }),
  // The CLI's worker threads (cli/pool.ts): the per-file work alone.
  esbuild.build({ ...common, entryPoints: ['server/src/cli/worker.ts'], outfile: 'dist/cli-worker.js', plugins: [readersApart] }),
]);
