// Every report of the workspace (nianbao/checkFiles): read from disk, paired
// across years, published whether open or not — a PDF under its read-only view —
// and the cross-year findings' related places in last year's file.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT, Session } from './session';

const CHECK_FILES = 'nianbao/checkFiles';
const base = fs.readFileSync(path.join(ROOT, 'test/fixtures/corpus2/129_pingtan_ziran_2023_tab.txt'), 'utf8');
const next = base
  .replace('2023年政府信息公开工作年度报告', '2024年政府信息公开工作年度报告')
  .replace('二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0', '二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1');

describe('the reports of the workspace', () => {
  const session = new Session();
  after(() => session.dispose());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-workspace-'));
  fs.writeFileSync(path.join(dir, '2023.txt'), base);
  fs.writeFileSync(path.join(dir, '2024.txt'), next);
  fs.writeFileSync(path.join(dir, 'notes.txt'), '会议纪要：下周交年报。');
  fs.copyFileSync(path.join(ROOT, 'test/fixtures/pdf/011_hongze_2023.pdf'), path.join(dir, 'hongze.pdf'));
  const uri = (name: string) => pathToFileURL(path.join(dir, name)).href;
  const view = `nianbao-file:${pathToFileURL(path.join(dir, 'hongze.pdf')).pathname}.nianbao?${encodeURIComponent(uri('hongze.pdf'))}`;
  const carryOver = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.filter((d) => d.code === 'year.carry-over');

  it('read, paired by name and year, published with last year\'s cell as the related place', async () => {
    await session.initialize();
    const files = ['2023.txt', '2024.txt', 'notes.txt'].map((n) => ({ source: uri(n), document: uri(n) }));
    files.push({ source: uri('hongze.pdf'), document: view });
    const result = await session.connection.sendRequest(CHECK_FILES, { files });
    assert.deepEqual(result, { reports: 3, problems: [] });
    const published = await session.diagnostics(uri('2024.txt'), (p) => carryOver(p).length > 0);
    const [first] = carryOver(published) as { relatedInformation?: { location: { uri: string; range: { start: { line: number } } } }[] }[];
    assert.equal(first.relatedInformation?.[0].location.uri, uri('2023.txt'));
    assert.equal(first.relatedInformation?.[0].location.range.start.line, 53);
    const pdf = await session.diagnostics(view, (p) => p.diagnostics.length > 0);
    assert.deepEqual(pdf.diagnostics.map((d) => d.code), ['table.label-variant', 'table.review-total', 'table.review-total']);
    assert.equal(session.pending(uri('notes.txt')).filter((p) => p.diagnostics.length).length, 0);
    // The review view's list: a PDF's findings say their page and line in the PDF, a text file's have no such place.
    const units = (await session.connection.sendRequest('nianbao/units', {})) as { uri: string; findings: { code: string; message: string; where?: string }[] }[];
    const hongze = units.find((u) => u.uri === view)!;
    assert.deepEqual(
      hongze.findings.map((f) => [f.code, f.where]),
      pdf.diagnostics.map((d) => [d.code, /（原文件：(.+)）$/.exec(String(d.message))?.[1]]),
    );
    assert.match(hongze.findings[1].where!, /^第\d+页 第\d+行$/);
    assert.ok(units.find((u) => u.uri === uri('2024.txt'))!.findings.every((f) => f.where === undefined));
  });

  it('an open report keeps its cross-year findings; last year fixed on disk, they are gone', async () => {
    // Opened with an edit of its own (version 2): checked as open, with last year's report from the index.
    await session.open(uri('2024.txt'), next + '\n', 2);
    await session.diagnostics(uri('2024.txt'), (p) => p.version === 2 && carryOver(p).length === 2);
    fs.writeFileSync(path.join(dir, '2023.txt'), base.replace('四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0', '四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1'));
    await session.connection.sendRequest(CHECK_FILES, { files: [{ source: uri('2023.txt'), document: uri('2023.txt') }], explicit: true });
    await session.diagnostics(uri('2024.txt'), (p) => carryOver(p).length === 0);
  });
});
