// The reviewer's decisions for the server: `.nianbao-review.json`, the nearest
// one in a document's folder or a folder above it up to the repository's root
// (as the CLI finds it), read once and again when the client reports a change
// to it; written when the user dismisses a finding from the light bulb — never
// over a file that could not be read, whose decisions would be lost.

import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { nearestFile } from '../files/nearest';
import { EMPTY_REVIEW, formatReview, parseReview, recordDecision, REVIEW_FILE, type Review, type ReviewEntry } from '../core';

interface Found {
  /** The review file that applies, or where a new one goes (the workspace folder or the document's folder). */
  file: string;
  review: Review;
  /** Why the file that applies cannot be used: it is then never written over. */
  error?: string;
}

export type Recorded = { ok: true; file: string } | { ok: false; file?: string; error: string };

export class ReviewStore {
  private readonly byDir = new Map<string, Found | null>();
  private readonly byFile = new Map<string, Found>();

  constructor(
    private readonly roots: () => string[],
    private readonly onError: (file: string, error: string) => void,
  ) {}

  /** The decisions that apply to a document (none for untitled documents). */
  reviewFor(uri: string): Review | undefined {
    return this.find(uri)?.review;
  }

  /** Forget what was read: the files changed on disk. */
  invalidate(): void {
    this.byDir.clear();
    this.byFile.clear();
  }

  /** Records a decision about a finding of `uri`'s document, unless the file that applies cannot be read back whole. */
  record(uri: string, entry: ReviewEntry): Recorded {
    const dir = dirOf(uri);
    if (!dir) return { ok: false, error: 'not a file' };
    const found = this.find(uri);
    if (found?.error !== undefined) return { ok: false, file: found.file, error: found.error };
    const file = found?.file ?? path.join(this.roots().find((r) => inside(dir, r)) ?? dir, REVIEW_FILE);
    try {
      fs.writeFileSync(file, formatReview(recordDecision(found?.review ?? EMPTY_REVIEW, entry)), 'utf8');
    } catch (error) {
      return { ok: false, file, error: (error as NodeJS.ErrnoException).code ?? String(error) };
    } finally {
      this.invalidate();
    }
    return { ok: true, file };
  }

  private find(uri: string): Found | undefined {
    const dir = dirOf(uri);
    if (!dir) return undefined;
    let found = this.byDir.get(dir);
    if (found === undefined) {
      const file = nearestFile(dir, REVIEW_FILE);
      found = file === undefined ? null : this.read(file);
      this.byDir.set(dir, found);
    }
    return found ?? undefined;
  }

  private read(file: string): Found {
    const known = this.byFile.get(file);
    if (known) return known;
    let parsed: ReturnType<typeof parseReview>;
    try {
      parsed = parseReview(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      parsed = { ok: false, error: (error as NodeJS.ErrnoException).code ?? String(error) };
    }
    if (!parsed.ok) this.onError(file, parsed.error);
    const found: Found = parsed.ok ? { file, review: parsed.review } : { file, review: EMPTY_REVIEW, error: parsed.error };
    this.byFile.set(file, found);
    return found;
  }
}

function dirOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.dirname(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

function inside(dir: string, root: string): boolean {
  const rel = path.relative(root, dir);
  return !rel.startsWith('..') && !path.isAbsolute(rel);
}
