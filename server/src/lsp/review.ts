// The reviewer's decisions for the server: `.nianbao-review.json`, the nearest
// one in a document's folder or a folder above it (as the CLI finds it), read
// once and again when the client reports a change to it; written when the user
// dismisses a finding from the light bulb.

import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { EMPTY_REVIEW, formatReview, parseReview, recordDecision, REVIEW_FILE, type Review, type ReviewEntry } from '../core';

interface Found {
  /** The review file that applies, or where a new one goes (the workspace folder or the document's folder). */
  file: string;
  review: Review;
}

export class ReviewStore {
  private readonly byDir = new Map<string, Found | null>();

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
  }

  /** Records a decision about a finding of `uri`'s document; returns the file written. */
  record(uri: string, entry: ReviewEntry): string | undefined {
    const dir = dirOf(uri);
    if (!dir) return undefined;
    const found = this.find(uri);
    const file = found?.file ?? path.join(this.roots().find((r) => inside(dir, r)) ?? dir, REVIEW_FILE);
    const review = recordDecision(found?.review ?? EMPTY_REVIEW, entry);
    fs.writeFileSync(file, formatReview(review), 'utf8');
    this.invalidate();
    return file;
  }

  private find(uri: string): Found | undefined {
    const dir = dirOf(uri);
    return dir ? (this.lookUp(dir) ?? undefined) : undefined;
  }

  private lookUp(dir: string): Found | null {
    const cached = this.byDir.get(dir);
    if (cached !== undefined) return cached;
    let found: Found | null = null;
    const file = path.join(dir, REVIEW_FILE);
    if (fs.existsSync(file)) {
      let parsed: ReturnType<typeof parseReview>;
      try {
        parsed = parseReview(fs.readFileSync(file, 'utf8'));
      } catch (error) {
        parsed = { ok: false, error: String(error) };
      }
      if (!parsed.ok) this.onError(file, parsed.error);
      found = { file, review: parsed.ok ? parsed.review : EMPTY_REVIEW };
    } else {
      const parent = path.dirname(dir);
      found = parent === dir ? null : this.lookUp(parent);
    }
    this.byDir.set(dir, found);
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
