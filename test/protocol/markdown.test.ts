// Markdown reports are checked in place: the client sends every Markdown
// document, and the server checks those that read like reports — findings and
// features as for a report — and leaves other Markdown alone.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DidChangeTextDocumentNotification, DocumentSymbolRequest, type DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { ROOT, Session } from './session';

const REPORT = fs.readFileSync(path.join(ROOT, 'examples', '003_12d5eeac63ddaf69.txt'), 'utf8');
const NOTES = '# 会议记录\n\n讨论了政府信息公开工作年度报告的编写分工。\n';

describe('Markdown documents', () => {
  let session: Session;
  before(async () => {
    session = new Session();
    await session.initialize();
  });
  after(() => session.dispose());

  const symbols = (uri: string) => session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }) as Promise<DocumentSymbol[] | null>;

  it('a Markdown report gets the findings and the outline a report gets', async () => {
    const asReport = 'file:///reports/003.nianbao';
    const asMarkdown = 'file:///reports/003.md';
    await session.open(asReport, REPORT);
    await session.open(asMarkdown, REPORT, 1, 'markdown');
    const [report, markdown] = await Promise.all([session.diagnostics(asReport), session.diagnostics(asMarkdown)]);
    assert.equal(markdown.diagnostics.length, 5);
    assert.deepEqual(markdown.diagnostics, report.diagnostics);
    assert.deepEqual(await symbols(asMarkdown), await symbols(asReport));
  });

  it('other Markdown gets nothing, until it reads like a report; and loses its findings when it no longer does', async () => {
    const uri = 'file:///notes/meeting.md';
    await session.open(uri, NOTES, 1, 'markdown');
    assert.deepEqual(await symbols(uri), []);
    // A report pasted in: checked.
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: REPORT }] });
    const published = await session.diagnostics(uri);
    assert.equal(published.diagnostics.length, 5);
    assert.notDeepEqual(await symbols(uri), []);
    // Notes again: the findings go.
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 3 }, contentChanges: [{ text: NOTES }] });
    assert.deepEqual((await session.diagnostics(uri)).diagnostics, []);
    assert.deepEqual(await symbols(uri), []);
    assert.deepEqual(session.pending(uri), []);
  });
});
