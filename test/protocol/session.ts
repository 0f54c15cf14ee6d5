// A language-server session for the protocol tests: the bundled server
// (dist/server.js) as a child process over stdio, driven by a real JSON-RPC
// client the way an editor drives it. Build it first: `npm run build`.

import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ConfigurationItem,
  type InitializeParams,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

// Compiled to out/test/protocol/, three levels below the repository root.
export const ROOT = path.resolve(__dirname, '../../..');
assert.ok(fs.existsSync(path.join(ROOT, 'package.json')), `not the repository root: ${ROOT}`);
export const SERVER = path.join(ROOT, 'dist', 'server.js');
const WAIT_MS = 10_000;

export const CAPABILITIES: ClientCapabilities = {
  workspace: { workspaceEdit: { documentChanges: true } },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, isPreferredSupport: true, dataSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: { lineFoldingOnly: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

export function withTimeout<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A server child process and the client end of its connection. */
export class Session {
  readonly child: ChildProcess;
  readonly connection: ProtocolConnection;
  readonly exited: Promise<number | null>;
  stderr = '';
  /** The workspace/configuration items the server asked for, in order. */
  readonly configurationRequests: ConfigurationItem[] = [];
  /** Published diagnostics not yet consumed by a test. */
  private readonly inbox: PublishDiagnosticsParams[] = [];
  private readonly waiters: { match: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];

  /**
   * With `configuration`, the session answers workspace/configuration with it
   * (called for each item; a promise is awaited, as a slow client would be) and says so in its capabilities.
   */
  constructor(private readonly configuration?: (item: ConfigurationItem) => unknown) {
    assert.ok(fs.existsSync(SERVER), `${SERVER} is missing: run \`npm run build\` first`);
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const i = this.waiters.findIndex((w) => w.match(params));
      if (i >= 0) this.waiters.splice(i, 1)[0].resolve(params);
      else this.inbox.push(params);
    });
    if (configuration) {
      this.connection.onRequest(ConfigurationRequest.type, (params) => {
        this.configurationRequests.push(...params.items);
        return Promise.all(params.items.map((item) => configuration(item)));
      });
    }
    this.connection.listen();
  }

  async initialize(params: Partial<InitializeParams> = {}): Promise<InitializeResult> {
    const capabilities: ClientCapabilities = this.configuration ? { ...CAPABILITIES, workspace: { ...CAPABILITIES.workspace, configuration: true } } : CAPABILITIES;
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities,
      ...params,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** The next diagnostics published for `uri` that satisfy `match`, already received or to come. */
  diagnostics(uri: string, match: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    const test = (p: PublishDiagnosticsParams) => p.uri === uri && match(p);
    const i = this.inbox.findIndex(test);
    if (i >= 0) return Promise.resolve(this.inbox.splice(i, 1)[0]);
    return withTimeout(new Promise((resolve) => this.waiters.push({ match: test, resolve })), `diagnostics for ${uri}`);
  }

  /** Diagnostics received and not yet consumed, for `uri`. */
  pending(uri: string): PublishDiagnosticsParams[] {
    return this.inbox.filter((p) => p.uri === uri);
  }

  async open(uri: string, text: string, version = 1, languageId = 'nianbao'): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  /** Always leaves no process behind, whatever the tests did. */
  dispose(): void {
    this.connection.dispose();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }
}
