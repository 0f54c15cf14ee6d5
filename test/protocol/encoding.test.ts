// A report whose bytes were decoded wrongly (GB18030 opened as UTF-8) is said so,
// and the light bulb opens VS Code's "Reopen with Encoding" picker.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CodeActionRequest, type CodeAction } from 'vscode-languageserver-protocol';
import { ROOT, Session } from './session';

describe('garbled text', () => {
  const session = new Session();
  after(() => session.dispose());
  it('one warning, and a quick fix that opens the encoding picker', async () => {
    await session.initialize();
    const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/constructed/clean-2021.txt'), 'utf8').replace(/[\u4e00-\u9fff]/g, (ch, i) => (i % 3 ? '\ufffd' : ch));
    const uri = pathToFileURL(path.join(ROOT, 'garbled.nianbao')).href;
    await session.open(uri, text);
    const published = await session.diagnostics(uri);
    const garbled = published.diagnostics.find((d) => d.code === 'report.encoding')!;
    assert.equal(garbled.severity, 2);
    const actions = (await session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: garbled.range, context: { diagnostics: [garbled], only: ['quickfix'] } })) as CodeAction[];
    const reopen = actions.find((a) => a.command?.command === 'workbench.action.editor.changeEncoding');
    assert.equal(reopen?.title, '通过编码重新打开…（选择 GB18030）');
  });
});
