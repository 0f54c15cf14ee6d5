// A reviewer's decisions in the editor: a figure about another scope offers
// "go to the table" and a dismissal instead of the table's value; dismissing
// writes .nianbao-review.json, the finding disappears, and a change of the file
// on disk is picked up.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CodeActionRequest, DidChangeWatchedFilesNotification, ExecuteCommandRequest, FileChangeType, MessageType, ShowMessageNotification, type CodeAction, type ShowMessageParams } from 'vscode-languageserver-protocol';
import { ROOT, Session } from './session';

describe('review decisions in the editor', () => {
  let session: Session;
  let dir: string;
  let uri: string;
  const text = fs.readFileSync(path.join(ROOT, 'examples/001_67c1420167c13949.txt'), 'utf8');
  const scoped = (d: { message: unknown }) => /正文说的是全区/.test(String(d.message));

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-review-'));
    fs.mkdirSync(path.join(dir, 'reports'));
    session = new Session();
    await session.initialize({ workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'review' }], rootUri: pathToFileURL(dir).href });
    uri = pathToFileURL(path.join(dir, 'reports', '001.nianbao')).href;
    await session.open(uri, text);
  });
  after(() => {
    session.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a figure about the whole district: go to the table, or dismiss with the reason; never the table’s value', async () => {
    const first = await session.diagnostics(uri);
    const review = first.diagnostics.filter(scoped);
    assert.equal(review.length, 2);
    const actions = (await session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: review[0].range, context: { diagnostics: [review[0]], only: ['quickfix'] } })) as CodeAction[];
    const mine = actions.filter((a) => a.diagnostics?.[0]?.message === review[0].message);
    assert.deepEqual(
      mine.map((a) => [a.title, a.edit ? 'edit' : a.command?.command]),
      [
        ['转到表格：表三「行政复议·总计」: 1', 'nianbao.reveal'],
        ['不再提示：此数字说的是全区，不是本机关', 'nianbao.dismissFinding'],
        ['确认此问题（记入 .nianbao-review.json）', 'nianbao.dismissFinding'],
        ['关闭检查「正文数字与表格不符」…', 'nianbao.disableCheck'],
        ['查看检查「正文数字与表格不符」的说明', 'vscode.open'],
      ],
    );
    const reveal = mine[0].command!.arguments!;
    assert.equal(reveal[0], uri);
    // The cell of table 3, below the prose.
    assert.ok(reveal[1].start.line > review[0].range.start.line, JSON.stringify(reveal[1]));

    // Dismissed: written to the workspace folder's review file, and the finding is gone, the rest stays.
    const dismiss = mine[1].command!;
    await session.connection.sendRequest(ExecuteCommandRequest.type, { command: dismiss.command, arguments: dismiss.arguments });
    const file = path.join(dir, '.nianbao-review.json');
    const written = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(written.findings.length, 1);
    assert.equal(written.findings[0].status, 'dismissed');
    assert.equal(written.findings[0].check, 'narrative.mismatch');
    assert.equal(written.findings[0].reason, '此数字说的是全区，不是本机关');
    assert.equal(written.findings[0].year, 2023);
    assert.equal(written.findings[0].unit, '河东区人民政府办公室');
    const afterDismiss = await session.diagnostics(uri);
    assert.deepEqual(afterDismiss.diagnostics.filter(scoped).map((d) => d.message), [review[1].message]);
    assert.equal(afterDismiss.diagnostics.length, first.diagnostics.length - 1);

    // The file edited on disk (the decision taken back): reported again once the client says so.
    fs.writeFileSync(file, JSON.stringify({ version: 1, findings: [] }));
    await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(file).href, type: FileChangeType.Changed }] });
    const restored = await session.diagnostics(uri);
    assert.equal(restored.diagnostics.length, first.diagnostics.length);

    // Confirmed: recorded, still shown, marked; no second confirm offered.
    const confirm = mine[2].command!;
    await session.connection.sendRequest(ExecuteCommandRequest.type, { command: confirm.command, arguments: confirm.arguments });
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')).findings.map((e: { status: string }) => e.status), ['confirmed']);
    const confirmed = await session.diagnostics(uri);
    assert.equal(confirmed.diagnostics.length, first.diagnostics.length);
    const marked = confirmed.diagnostics.find((d) => d.message === review[0].message + '（已确认）');
    assert.ok(marked, confirmed.diagnostics.map((d) => d.message).join(' | '));
    const again = (await session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: marked.range, context: { diagnostics: [marked], only: ['quickfix'] } })) as CodeAction[];
    assert.ok(!again.some((a) => a.title.startsWith('确认此问题') && a.diagnostics?.[0]?.message === marked.message));

    // A file that no longer reads (a half-saved edit): said once, its decisions not applied, and never written over.
    const shown: ShowMessageParams[] = [];
    session.connection.onNotification(ShowMessageNotification.type, (p: ShowMessageParams) => {
      shown.push(p);
    });
    const broken = '{"version": 1, "findings": [' + JSON.stringify(written.findings[0]);
    fs.writeFileSync(file, broken);
    await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(file).href, type: FileChangeType.Changed }] });
    const unread = await session.diagnostics(uri);
    assert.equal(unread.diagnostics.length, first.diagnostics.length);
    await session.connection.sendRequest(ExecuteCommandRequest.type, { command: dismiss.command, arguments: dismiss.arguments });
    // The command is answered once the decision is refused; the message is on its way before the answer.
    assert.equal(fs.readFileSync(file, 'utf8'), broken);
    assert.deepEqual(
      shown.map((m) => [m.type, m.message.replace(/（[^（]*）/, '（…）')]),
      [
        [MessageType.Warning, `审核记录文件无法使用：${file}（…）。修正之前，其中的审核结论不生效。`],
        [MessageType.Error, `审核结论未记录：${file} 无法使用（…）。为免丢失其中已有的审核结论，未改写该文件。`],
      ],
    );
  });
});
