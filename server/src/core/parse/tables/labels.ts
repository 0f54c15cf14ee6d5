// Matching the text in a table against the format's row labels, tolerantly:
// punctuation and width, a lost ordinal (`、本年度办理结果`), a label wrapped
// over lines, masked text (`1.****政府信息`), typos (`其他法律行政止公开`).

import type { RowDef } from '../../format/tables';
import { detached, editDistance, keyed, labelKey, maskedMatch, type Span } from '../../text';
import type { MatchQuality } from '../model';

export interface LabelCandidate {
  row: RowDef;
  quality: MatchQuality;
}

/** A piece of text that may be one label, with its candidates (best first). */
export interface LabelPiece {
  span: Span;
  text: string;
  /** Shared by every piece of the same text (see `RowMatcher`): replaced, never changed in place. */
  candidates: readonly LabelCandidate[];
}

/** How many texts a matcher remembers before it starts again: a report has a few hundred. */
const MEMO_LIMIT = 4096;

const ORDINAL_KEY = /^(?:[一二三四五六七八九十]+|\d+)/;

interface Keys {
  row: RowDef;
  full: string[];
  bare: string[];
}

/**
 * Where a new label starts inside a run of text: `三、`, `（三）`, `3.` / `3、`.
 * A flattened row such as `三、本年度办理结果（一）予以公开` holds two labels.
 */
const MARKER = /[一二三四五六七]\s*、|[(（]\s*[一二三四五六七]\s*[)）]|(?<![0-9０-９])[0-9０-９]{1,2}\s*[.、．](?=[^0-9０-９\s])/g;

/** A unit in brackets written after a row's label (`政府集中采购（元）`, `（单位：万元）`). */
const UNIT_AFTER_LABEL = /[（(]\s*(?:单位\s*[:：]?\s*)?(?:万?元|件|个|项|条|次)\s*[)）]\s*$/;

/** What most text in a table matches: one array for all of it. */
const NO_CANDIDATES: readonly LabelCandidate[] = Object.freeze([]);

/** Candidates best first. */
const RANK: Record<MatchQuality, number> = { exact: 0, variant: 1, masked: 2, fuzzy: 3, fragment: 4 };

/** What no label's words hold: symbols and Latin letters (a masked label is matched as such). */
const NOT_WORDS = /[^\p{Script=Han}\d]/u;

/**
 * One matcher per list of rows, for as long as the rows exist: it remembers
 * how each text it was given reads, and the same labels come back in every
 * version of a report as it is typed, and in every report of a folder.
 */
const matchers = new WeakMap<readonly RowDef[], RowMatcher>();

export class RowMatcher {
  private readonly keys: Keys[];
  /** Official labels and aliases by key: most labels in a table are written exactly. */
  private readonly exact = new Map<string, RowDef[]>();
  /** `match` and `labelAtEnd` by text: both depend on the text alone. */
  private readonly matched = new Map<string, readonly LabelCandidate[]>();
  private readonly endings = new Map<string, { at: number; candidates: readonly LabelCandidate[] } | null>();

  /** The matcher of `rows` (the same array: the format's rows are made once). */
  static of(rows: readonly RowDef[]): RowMatcher {
    let matcher = matchers.get(rows);
    if (!matcher) matchers.set(rows, (matcher = new RowMatcher(rows)));
    return matcher;
  }

  private constructor(rows: readonly RowDef[]) {
    this.keys = rows.map((row) => {
      const full = [row.label, ...(row.aliases ?? [])].map(labelKey);
      for (const k of full) this.exact.set(k, [...(this.exact.get(k) ?? []), row]);
      return { row, full, bare: full.map((k) => k.replace(ORDINAL_KEY, '')) };
    });
  }

  /**
   * Whether `text` is `row`'s label without its ordinal, however short
   * (`其他` for `3.其他`): on its own too weak to be a label, it is one where
   * the format's order expects that row next.
   */
  isBareLabelOf(text: string, row: RowDef): boolean {
    const key = labelKey(text);
    return !!key && !ORDINAL_KEY.test(key) && !!this.keys.find((k) => k.row === row)?.bare.includes(key);
  }

  /** Candidates for one label's text, best first; empty when it is no label. */
  match(text: string): readonly LabelCandidate[] {
    let found = this.matched.get(text);
    if (!found) {
      if (this.matched.size >= MEMO_LIMIT) this.matched.clear();
      this.matched.set(detached(text), (found = this.candidates(text)));
    }
    return found;
  }

  private candidates(text: string): readonly LabelCandidate[] {
    const key = labelKey(text);
    if (!key) return NO_CANDIDATES;
    const exact = this.exact.get(key);
    if (exact) return exact.map((row) => ({ row, quality: 'exact' as const }));
    const ordinal = ORDINAL_KEY.exec(key)?.[0] ?? '';
    const masked = /[*＊×]/.test(key);
    const found: LabelCandidate[] = [];
    // A clause of prose (`…20 件，不予处理`) is no typo of a label that has no such punctuation.
    const punctuated = /[，,。；;！？]/.test(text);
    for (const { row, full, bare } of this.keys) {
      const quality = this.quality(key, ordinal, masked, full, bare);
      if (quality === 'fuzzy' && punctuated && !/[，,]/.test(row.label)) continue;
      if (quality) found.push({ row, quality });
    }
    return found.length ? found.sort((a, b) => RANK[a.quality] - RANK[b.quality]) : NO_CANDIDATES;
  }

  // Loops rather than `some` with closures: this runs for every row against every piece of a table's text.
  private quality(key: string, ordinal: string, masked: boolean, full: string[], bare: string[]): MatchQuality | undefined {
    // The label followed by stray text that a converter glued on.
    for (const f of full) if (f.length >= 4 && key.startsWith(f)) return 'exact';
    if (!ordinal && key.length >= 4 && bare.includes(key)) return 'variant';
    if (key.length >= ordinal.length + 1 && key.length >= 2) for (const f of full) if (f.startsWith(key)) return 'fragment';
    if (!ordinal && key.length >= 4) for (const b of bare) if (b.startsWith(key)) return 'fragment';
    if (masked) for (const f of full) if (maskedMatch(key, f)) return 'masked';
    // A typo is a wrong, lost or extra character of the label's words, never a symbol (`%），不予公开` is prose).
    if (key.length >= 5 && !NOT_WORDS.test(key)) {
      // A typo keeps the ordinal: compare only with labels that start with it.
      const against = ordinal ? full.filter((f) => f.startsWith(ordinal)) : bare;
      for (const f of against) {
        const budget = Math.max(1, Math.floor(f.length / 4));
        if (Math.abs(f.length - key.length) <= budget && editDistance(key, f, budget) <= budget) return 'fuzzy';
      }
    }
    return undefined;
  }

  /** Splits a run of text at label markers and matches each piece. */
  pieces(text: string, offset: number): LabelPiece[] {
    const starts = [0];
    MARKER.lastIndex = 0;
    for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) if (m.index > 0) starts.push(m.index);
    const pieces: LabelPiece[] = [];
    starts.forEach((start, i) => {
      const end = i + 1 < starts.length ? starts[i + 1] : text.length;
      const raw = text.slice(start, end);
      const lead = raw.length - raw.trimStart().length;
      const piece = raw.trim();
      if (!piece) return;
      const span = { start: offset + start + lead, end: offset + start + lead + piece.length };
      const candidates = this.match(piece);
      pieces.push(
        candidates.some((c) => c.quality !== 'fragment') ? { span, text: piece, candidates } : (this.labelAtEnd(piece, span.start) ?? { span, text: piece, candidates }),
      );
    });
    return pieces;
  }

  /**
   * An official label that ends a run of other text: flattened text glues a
   * header to the first label (`现行有效件数规章`) and a block's heading to its
   * row (`本年处理决定数量行政处罚`). The label stands right before its numbers.
   */
  private labelAtEnd(text: string, offset: number): LabelPiece | undefined {
    let ending = this.endings.get(text);
    if (ending === undefined) {
      if (this.endings.size >= MEMO_LIMIT) this.endings.clear();
      this.endings.set(detached(text), (ending = this.endingOf(text)));
    }
    if (!ending) return undefined;
    return { span: { start: offset + ending.at, end: offset + text.length }, text: text.slice(ending.at), candidates: ending.candidates };
  }

  /** Where in `text` the official label that ends it starts, and its rows; null when none does. */
  private endingOf(text: string): { at: number; candidates: readonly LabelCandidate[] } | null {
    // The label may carry its unit (`政府集中采购（元）`): the label ends before it.
    const unit = UNIT_AFTER_LABEL.exec(text);
    const { key, offsets } = keyed(text, 0, unit ? unit.index : text.length);
    let best: string | undefined;
    for (const k of this.exact.keys()) if (k.length < key.length && key.endsWith(k) && (!best || k.length > best.length)) best = k;
    if (!best) return null;
    return { at: offsets[key.length - best.length], candidates: this.exact.get(best)!.map((row) => ({ row, quality: 'exact' as const })) };
  }
}
