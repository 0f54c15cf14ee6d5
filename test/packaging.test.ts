// The .vsix holds what the extension needs and nothing else: the bundles,
// the manifest and its translations, the grammar, snippets, client strings,
// the check pages and images, the icon and the documents a user reads.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { CHECKS } from '../server/src/core/index';
import { ROOT } from './helpers';

test('the .vsix contents list', { timeout: 120_000 }, () => {
  const vsce = path.join(ROOT, 'node_modules', '.bin', 'vsce');
  const listed = spawnSync(vsce, ['ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  const files = listed.stdout.split('\n').map((l) => l.trim()).filter((l) => l && !/^WARNING/.test(l)).sort();
  const images = files.filter((f) => /^docs\/images\/[\w-]+\.png$/.test(f));
  const expected = [
    'CHANGELOG.md',
    'LICENSE',
    'README.md',
    'dist/cli.js',
    'dist/cli-worker.js',
    'dist/client.js',
    'dist/docx.js',
    'dist/html.js',
    'dist/pdf.js',
    'dist/review.js',
    // The CMaps that fonts of Chinese PDFs need, as pdf.js ships them.
    ...fs.readdirSync(path.join(ROOT, 'node_modules/pdfjs-dist/cmaps')).filter((f) => f.endsWith('.bcmap') || f === 'LICENSE').map((f) => `dist/cmaps/${f}`),
    'dist/server.js',
    ...CHECKS.map((c) => `docs/checks/${c.meta.id}.md`),
    ...images,
    'icon.png',
    'l10n/bundle.l10n.json',
    'l10n/bundle.l10n.zh-cn.json',
    'language-configuration.json',
    'package.json',
    'package.nls.json',
    'package.nls.zh-cn.json',
    'snippets/nianbao.json',
    'syntaxes/nianbao.tmLanguage.json',
  ].sort();
  assert.deepEqual(files, expected);
  assert.ok(images.includes('docs/images/workbench.png'), 'the README screenshot ships');
});

test('a report opens on a calm page: Chinese punctuation is not flagged as ambiguous, long paragraphs wrap', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.deepEqual(manifest.contributes.configurationDefaults, {
    // Table 2's 25 rows are children of its table: collapsed, they leave sections 四–六 in view.
    '[nianbao]': { 'editor.unicodeHighlight.ambiguousCharacters': false, 'editor.wordWrap': 'on', 'outline.collapseItems': 'alwaysCollapse' },
    // The installed checks' pages open rendered, wherever they are opened from (the Problems panel's links too).
    'workbench.editorAssociations': { '**/nianbao.nianbao-*/docs/checks/*.md': 'vscode.markdown.preview.editor' },
  });
});
