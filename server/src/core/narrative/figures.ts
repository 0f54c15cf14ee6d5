// Figures in prose: a number with the unit that makes it a count (件), a
// share (%) or an amount (万元). Years, dates, phone numbers, notice numbers
// and counts of other things (条, 期, 次, 篇) are not figures.

import { parseChineseNumber, type Compact, type Span } from '../text';

export type NumeralStyle = 'arabic' | 'chinese';

export interface Figure {
  value: number;
  /** Where the numeral is written in the source. */
  span: Span;
  written: string;
  style: NumeralStyle;
  unit: '件' | '%' | '万元';
  /** Index range in the compact text: numeral start to unit end. */
  from: number;
  to: number;
  /** `…余件`, `…多件`: not an exact figure. */
  approximate: boolean;
}

/** A number starts where its run starts (the lookbehinds keep long runs of digits linear). */
const FIGURE =
  /((?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|(?<![零〇一二两三四五六七八九十百千万])[零〇一二两三四五六七八九十百千万]+)((?:[(][^()]{1,6}[)])?)(余|多)?(件|%|万元)/g;
const CHINESE_DIGITS = /^[零〇一二两三四五六七八九十百千万]+$/;

export function findFigures(c: Compact): Figure[] {
  const out: Figure[] = [];
  for (const m of c.text.matchAll(FIGURE)) {
    const at = m.index!;
    const written = m[1];
    const before = c.text[at - 1] ?? '';
    // A numeral glued to more digits or to a decimal point belongs to something else.
    if (/[\d.]/.test(before)) continue;
    const chinese = CHINESE_DIGITS.test(written);
    if (chinese && /[一二三四五六七八九十百千万零〇两]/.test(before)) continue;
    const value = chinese ? parseChineseNumber(written) : Number(written.replace(/,/g, ''));
    if (value === undefined || !Number.isFinite(value)) continue;
    const unit = m[4] as Figure['unit'];
    out.push({
      value,
      span: { start: c.offsets[at], end: c.offsets[at + written.length - 1] + 1 },
      written: c.text.slice(at, at + written.length),
      style: chinese ? 'chinese' : 'arabic',
      unit,
      from: at,
      to: at + m[0].length,
      approximate: !!m[3],
    });
  }
  return out;
}
