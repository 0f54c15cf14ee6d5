// Where a project's own files (`.nianbao.json`, `.nianbao-review.json`) are
// looked for: a folder and those above it, up to the repository's root (a
// folder with `.git`) or the home folder. A file planted higher, in /tmp say,
// never applies to a project's run — or dismisses its findings — unnoticed.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** `dir` and the folders above it, nearest first, ending at the repository's root, the home folder or `/`. */
export function foldersUp(dir: string, home: string = os.homedir()): string[] {
  const folders: string[] = [];
  for (let current = path.resolve(dir); ; ) {
    folders.push(current);
    const parent = path.dirname(current);
    if (parent === current || current === home || fs.existsSync(path.join(current, '.git'))) return folders;
    current = parent;
  }
}

/** The nearest regular file called `name` in `dir` or a folder above it (see `foldersUp`). */
export function nearestFile(dir: string, name: string, home?: string): string | undefined {
  for (const folder of foldersUp(dir, home)) {
    const candidate = path.join(folder, name);
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // Not there (or not readable): look further up.
    }
  }
  return undefined;
}
