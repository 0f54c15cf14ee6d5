// Bundles the client, the language server and the CLI with esbuild.
import * as esbuild from 'esbuild';

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
 * The readers of files that are not text (files/*.ts) are bundles of their own,
 * loaded only when such a file is read: checking text does not parse their
 * libraries. `../files/html` becomes `./html.js` next to the bundle that needs it (and `../files/docx`, `./docx.js`).
 */
const readersApart = {
  name: 'readers-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/files\/[a-z]+$/ }, (args) => ({ path: `./${args.path.split('/').pop()}.js`, external: true }));
  },
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['server/src/files/html.ts'], outfile: 'dist/html.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/files/docx.ts'], outfile: 'dist/docx.js' }),
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [readersApart] }),
]);
