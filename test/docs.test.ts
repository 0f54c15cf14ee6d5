// The per-check pages under docs/checks/ and the list of checks in the README
// are generated from the registry. This test fails when they drift;
// `npm run docs` (UPDATE_DOCS=1) rewrites them.

import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze, applyEdits, CHECKS, offeredFixes, type Analysis, type AnalysisOptions, type CheckMeta, type Lang } from '../server/src/core/index';
import { EXAMPLES, type CheckExample } from './docs-examples';
import { CLEAN, ROOT } from './helpers';

const update = process.env.UPDATE_DOCS === '1';
const SEVERITY_ZH = { error: '错误', warning: '警告', information: '信息', hint: '提示' } as const;

export function checkPage(meta: CheckMeta): string {
  return [
    `# \`${meta.id}\` — ${meta.title['zh-CN']} / ${meta.title.en}`,
    '',
    '| | |',
    '|---|---|',
    `| 默认严重程度 · Default severity | ${SEVERITY_ZH[meta.defaultSeverity]} · ${meta.defaultSeverity} |`,
    `| 快速修复 · Quick fix | ${meta.fixable ? '有 · yes' : '无 · no'} |`,
    '',
    '## 说明',
    '',
    meta.description['zh-CN'],
    '',
    '## Description',
    '',
    meta.description.en,
    '',
    ...exampleSection(meta, EXAMPLES[meta.id]),
    '## 设置 · Settings',
    '',
    `在 \`.nianbao.json\` 或 VS Code 设置中可将本检查设为 \`off\`、\`hint\`、\`information\`、\`warning\` 或 \`error\`。`,
    `Set this check to \`off\`, \`hint\`, \`information\`, \`warning\` or \`error\` in \`.nianbao.json\` or the VS Code settings.`,
    '',
  ].join('\n');
}

/** The lines of `text` that `spans` start on, at most three, as a code block. */
function linesAt(text: string, starts: readonly number[]): string[] {
  const lines = [...new Set(starts.map((at) => text.slice(0, at).split('\n').length - 1))].sort((a, b) => a - b).slice(0, 3);
  const all = text.split('\n');
  return ['```', ...lines.map((n) => all[n]), '```'];
}

/** The example analysed as the checker analyses it: the text, and its findings of the check in each language. */
function runExample(meta: CheckMeta, example: CheckExample): { text: string; analyses: Record<Lang, Analysis> } {
  let text = CLEAN();
  const options: AnalysisOptions = { ...example.options };
  if (example.nextYear) {
    options.previous = { report: analyze(text).report, name: 'last-year.txt', pairedBy: 'explicit' };
    text = text.replaceAll('2023', '2024');
  }
  for (const [what, by] of example.edits) {
    assert.ok(text.includes(what), `${meta.id}: the example's text "${what}" is not in the report`);
    text = text.replace(what, by);
  }
  const analyses = { 'zh-CN': analyze(text, { ...options, lang: 'zh-CN' }), en: analyze(text, { ...options, lang: 'en' }) };
  assert.ok(analyses['zh-CN'].findings.some((f) => f.code === meta.id), `${meta.id}: its example gives no such finding`);
  return { text, analyses };
}

/** 示例 · Example and 如何修改 · How to fix: the example's lines, what the checker says of them, and the fix it offers. */
function exampleSection(meta: CheckMeta, example: CheckExample | undefined): string[] {
  assert.ok(example, `${meta.id} has no example in test/docs-examples.ts`);
  const { text, analyses } = runExample(meta, example);
  const ofCheck = (lang: Lang) => analyses[lang].findings.filter((f) => f.code === meta.id).slice(0, 3);
  const zh = ofCheck('zh-CN');
  const setup = [
    example.nextYear ? '下一年度的报告，与上一年度的报告比较 · Next year\'s report, compared with last year\'s' : '',
    example.options?.decodedFrom ? '文件以 GB18030 编码保存 · The file is saved in GB18030' : '',
    example.options?.maxSize ? `设置 maxDocumentSize 为 ${example.options.maxSize} · maxDocumentSize set to ${example.options.maxSize}` : '',
  ].filter(Boolean);
  const lines = [
    '## 示例 · Example',
    '',
    ...(setup.length ? [...setup, ''] : []),
    ...(example.edits.length ? [...linesAt(text, zh.map((f) => f.span.start)), ''] : []),
    ...zh.map((f, i) => `- ${f.message}  \n  ${ofCheck('en')[i]?.message ?? ''}`),
    '',
    '## 如何修改 · How to fix',
    '',
    example.howTo['zh-CN'],
    '',
    example.howTo.en,
    '',
  ];
  const finding = zh[0];
  const fix = finding && offeredFixes(analyses['zh-CN'], finding)[0];
  if (fix) {
    const after = applyEdits(text, fix.edits);
    const enFix = offeredFixes(analyses.en, ofCheck('en')[0])[0];
    lines.push(`「${fix.title}」之后 · After "${enFix?.title ?? ''}":`, '', ...linesAt(after, fix.edits.map((e) => e.span.start)), '');
  }
  return lines;
}

export function checkList(): string {
  const rows = CHECKS.map(
    ({ meta }) =>
      `| [\`${meta.id}\`](docs/checks/${meta.id}.md) | ${meta.title['zh-CN']} | ${meta.title.en} | ${meta.defaultSeverity} | ${meta.fixable ? '✓' : ''} |`,
  );
  return ['| id | 检查 | Check | default | fix |', '|---|---|---|---|---|', ...rows].join('\n');
}

function expectFile(relative: string, content: string): void {
  const file = path.join(ROOT, relative);
  if (update) writeFileSync(file, content);
  assert.ok(existsSync(file), `${relative} is missing: run npm run docs`);
  assert.equal(readFileSync(file, 'utf8'), content, `${relative} is out of date: run npm run docs`);
}

test('each check has its generated page, and no page is left over', () => {
  for (const { meta } of CHECKS) expectFile(`docs/checks/${meta.id}.md`, checkPage(meta));
  const pages = readdirSync(path.join(ROOT, 'docs/checks')).sort();
  assert.deepEqual(pages, CHECKS.map((c) => `${c.meta.id}.md`).sort());
});

test('the README lists the checks of the registry', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = '<!-- checks:start -->\n';
  const end = '\n<!-- checks:end -->';
  assert.ok(readme.includes(start) && readme.includes(end), 'README.md has the checks markers');
  const generated = readme.slice(0, readme.indexOf(start) + start.length) + checkList() + readme.slice(readme.indexOf(end));
  expectFile('README.md', generated);
});

/** The `nianbao.severity` setting lists every check, with its default, in package.json. */
export function severitySetting(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const { meta } of CHECKS) {
    properties[meta.id] = {
      type: 'string',
      enum: ['off', 'hint', 'information', 'warning', 'error'],
      default: meta.defaultSeverity,
      description: `${meta.title['zh-CN']} / ${meta.title.en}`,
    };
  }
  return properties;
}

test('the severity setting in package.json lists every check of the registry', () => {
  const file = path.join(ROOT, 'package.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  const setting = manifest.contributes.configuration.properties['nianbao.severity'];
  if (update) {
    setting.properties = severitySetting();
    writeFileSync(file, JSON.stringify(manifest, null, 2) + '\n');
  }
  assert.deepEqual(setting.properties, severitySetting(), 'package.json is out of date: run npm run docs');
});

test('every manifest string has a Chinese and an English text', () => {
  const manifest = readFileSync(path.join(ROOT, 'package.json'), 'utf8');
  const keys = [...manifest.matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]);
  for (const bundle of ['package.nls.json', 'package.nls.zh-cn.json']) {
    const texts = JSON.parse(readFileSync(path.join(ROOT, bundle), 'utf8'));
    assert.deepEqual(keys.filter((k) => !texts[k]), [], bundle);
  }
});

test('check ids are unique, stable in form, and described in both languages', () => {
  const ids = CHECKS.map((c) => c.meta.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const { meta } of CHECKS) {
    assert.match(meta.id, /^[a-z]+\.[a-z-]+$/);
    for (const lang of ['zh-CN', 'en'] as const) {
      assert.ok(meta.title[lang] && meta.description[lang], `${meta.id} ${lang}`);
    }
  }
});
