// The same end-to-end suite under @vscode/test-electron, for machines that can
// download VS Code (a developer's laptop): `npm run test:e2e:electron`. CI and
// machines without that download use scripts/e2e.mjs (VS Code server from the
// npm package code-server, in Chromium) instead.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

// Compiled to out/e2e/electron.js.
const ROOT = path.resolve(__dirname, '../..');

async function main(): Promise<number> {
  // The suite writes reports and workspace settings into the folder it is given.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-e2e-'));
  try {
    return await runTests({
      // Any VS Code that satisfies engines.vscode; NIANBAO_VSCODE_VERSION pins one (e.g. 1.91.0).
      version: process.env.NIANBAO_VSCODE_VERSION,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } catch (error) {
    console.error(error);
    return 1;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
