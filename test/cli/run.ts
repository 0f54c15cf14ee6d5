// Running the built CLI as a process, as the CLI tests do.

import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from '../helpers';

export const CLI = path.join(ROOT, 'dist', 'cli.js');

/** A run that takes longer than this is killed: a test fails instead of hanging. */
export const RUN_LIMIT_MS = 120_000;

export interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface JsonDiagnostic {
  code: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  source?: { line?: number; column?: number; paragraph?: number; table?: number; row?: number; cell?: number };
}

export interface JsonFile {
  path: string;
  format: string | null;
  diagnostics: JsonDiagnostic[];
  dismissed?: (JsonDiagnostic & { fingerprint: string; reason?: string })[];
}

/** `node dist/cli.js ARGS`, with the locale variables removed so that only what a test sets applies. */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'NO_COLOR', 'FORCE_COLOR']) delete env[name];
  Object.assign(env, options.env);
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    env,
    encoding: 'utf8',
    // The findings of a 20 MB file are far more than the default 1 MB of output.
    maxBuffer: 1 << 30,
    timeout: RUN_LIMIT_MS,
    killSignal: 'SIGKILL',
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw r.error;
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}
