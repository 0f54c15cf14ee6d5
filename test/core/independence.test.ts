// The analysis core is pure: it imports only its own modules, never
// `vscode`, an LSP library or Node's APIs, so that any host can run it.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../helpers';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : full.endsWith('.ts') ? [full] : [];
  });
}

test('the core imports nothing outside itself', () => {
  const core = path.join(ROOT, 'server/src/core');
  const offenders: string[] = [];
  for (const file of sources(core)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:import|export)[^'";]*?from\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = m[1] ?? m[2] ?? m[3];
      const resolved = path.resolve(path.dirname(file), spec);
      if (!spec.startsWith('.') || !resolved.startsWith(core)) offenders.push(`${path.relative(ROOT, file)}: ${spec}`);
    }
  }
  assert.ok(sources(core).length > 10, 'the core was found');
  assert.deepEqual(offenders, []);
});
