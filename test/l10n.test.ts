// Every user-facing string exists in Chinese and English. The client's
// strings go through vscode.l10n with the bundles in l10n/; the core, the CLI
// and the server carry `{ 'zh-CN': …, en: … }` objects, which the type system
// checks where they are typed `Localized` — this test checks every such object
// literal, typed or not, and that the placeholders of both languages are filled.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { ROOT } from './helpers';

const BUNDLES = { en: 'l10n/bundle.l10n.json', 'zh-CN': 'l10n/bundle.l10n.zh-cn.json' } as const;

function readJson(relative: string): unknown {
  return JSON.parse(readFileSync(path.join(ROOT, relative), 'utf8'));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

function visit(node: ts.Node, f: (node: ts.Node) => void): void {
  f(node);
  node.forEachChild((child) => visit(child, f));
}

function where(node: ts.Node): string {
  const source = node.getSourceFile();
  return `${path.relative(ROOT, source.fileName)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
}

/** The text of a string literal or a template without substitutions; undefined for anything computed. */
function literal(node: ts.Node | undefined): string | undefined {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
}

/** `{0}` in the client's strings, `{name}` in the core's: the set, in order of first use. */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}

test('package.json points VS Code at the l10n bundles', () => {
  const manifest = readJson('package.json') as { l10n?: string };
  assert.equal(manifest.l10n, './l10n');
});

test('the client bundles have the same keys in English and Chinese, with the same placeholders', () => {
  const en = readJson(BUNDLES.en) as Record<string, unknown>;
  const zh = readJson(BUNDLES['zh-CN']) as Record<string, unknown>;
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort(), 'the same keys');
  for (const key of Object.keys(en)) {
    for (const [lang, bundle] of [['en', en], ['zh-CN', zh]] as const) {
      const value = bundle[key];
      assert.ok(typeof value === 'string' && value.trim() !== '', `${lang}: ${key}`);
      assert.deepEqual(placeholders(value), placeholders(key), `${lang}: placeholders of ${key}`);
    }
    // The English bundle is the source: its text is the key.
    assert.equal(en[key], key);
  }
});

test('every string the client passes to l10n.t is in the bundles, and every bundle key is used', () => {
  const en = readJson(BUNDLES.en) as Record<string, unknown>;
  const used = new Set<string>();
  for (const file of sourceFiles('client/src')) {
    visit(parse(file), (node) => {
      if (!ts.isCallExpression(node)) return;
      const callee = node.expression;
      // vscode.l10n.t(...) or l10n.t(...)
      if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 't') return;
      const target = callee.expression;
      const isL10n = (ts.isIdentifier(target) && target.text === 'l10n') || (ts.isPropertyAccessExpression(target) && target.name.text === 'l10n');
      if (!isL10n) return;
      const [first] = node.arguments;
      // l10n.t('message', ...args) or l10n.t({ message, args, comment })
      let message = literal(first);
      if (message === undefined && first && ts.isObjectLiteralExpression(first)) {
        const property = first.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === 'message');
        message = literal(property?.initializer);
      }
      assert.ok(message !== undefined, `${where(node)}: l10n.t needs a literal message, so that it can be translated`);
      assert.ok(message in en, `${where(node)}: "${message}" is missing from ${BUNDLES.en} and ${BUNDLES['zh-CN']}`);
      used.add(message);
    });
  }
  assert.deepEqual(
    Object.keys(en).filter((key) => !used.has(key)),
    [],
    'bundle keys no client code uses',
  );
});

/**
 * The names a call passes for the placeholders of its Localized argument: the
 * keys of its other object-literal argument (`ctx.t(msg, { n })`,
 * `localize(msg, lang, { n })`), or undefined when they cannot be known here.
 */
function argumentNames(localized: ts.ObjectLiteralExpression): Set<string> | undefined {
  const call = localized.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== localized) return undefined;
  const args = call.arguments.slice(1).filter(ts.isObjectLiteralExpression);
  if (args.length !== 1 || args[0].properties.some((p) => !ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p))) return undefined;
  return new Set(args[0].properties.map((p) => p.name!.getText().replace(/^['"]|['"]$/g, '')));
}

test("every { 'zh-CN', en } object in the server, the CLI and the core has both languages, and their placeholders are filled", () => {
  let count = 0;
  for (const file of sourceFiles('server/src')) {
    visit(parse(file), (node) => {
      if (!ts.isObjectLiteralExpression(node)) return;
      const byName = new Map<string, ts.ObjectLiteralElementLike>();
      for (const property of node.properties) {
        const name = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
        if (name) byName.set(name, property);
      }
      const zh = byName.get('zh-CN');
      const en = byName.get('en');
      if (!zh && !en) return;
      count++;
      assert.ok(zh && en, `${where(node)}: ${zh ? 'en' : "'zh-CN'"} is missing`);
      const text = (p: ts.ObjectLiteralElementLike) => (ts.isPropertyAssignment(p) ? literal(p.initializer) : undefined);
      const zhText = text(zh);
      const enText = text(en);
      if (zhText === undefined || enText === undefined) return; // computed: typed, not comparable here
      assert.ok(zhText.trim() !== '' && enText.trim() !== '', `${where(node)}: empty text`);
      // A language may leave a value out (Chinese writes the unit, English need not), but never name one that is not given.
      const given = argumentNames(node);
      if (!given) return;
      for (const [lang, t] of [['zh-CN', zhText], ['en', enText]]) {
        assert.deepEqual(
          placeholders(t).filter((name) => !given.has(name)),
          [],
          `${where(node)}: placeholders of ${lang} that the call does not fill`,
        );
      }
    });
  }
  // The scan found the catalogues (check metadata, messages, CLI and server texts).
  assert.ok(count > 100, `only ${count} localized objects found`);
});
