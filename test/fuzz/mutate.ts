// A seeded generator of bad input: mutations of real reports and random
// Unicode. Seeded, so that a failure names the seed that reproduces it.

import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers';

/** mulberry32: small, fast, good enough to pick mutations. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const REPORTS: string[] = ['examples', 'test/fixtures/corpus', 'test/fixtures/constructed'].flatMap((dir) =>
  readdirSync(path.join(ROOT, dir))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(path.join(ROOT, dir, f), 'utf8')),
);

/** Characters that break naive code: surrogate pairs, combining marks, full-width forms, NUL, BOM, CR. */
const NASTY = ['𠀀', '𪚥', '😀', '\u0301', '\u20dd', '０', '１', '９', '（', '）', '｜', '\u0000', '\ufeff', '\r', '\r\n', '\t', '|', '、', '。', '一、', '（一）', '1.', '\ud800', '\udc00', '****', 'XX', '0', '00', '4000004'];

export function mutate(text: string, rnd: () => number, steps = 1 + Math.floor(rnd() * 6)): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const at = () => Math.floor(rnd() * (text.length + 1));
  for (let i = 0; i < steps; i++) {
    const lines = text.split('\n');
    switch (Math.floor(rnd() * 10)) {
      case 0: {
        const p = at();
        text = text.slice(0, p) + pick(NASTY) + text.slice(p);
        break;
      }
      case 1: {
        const p = at();
        text = text.slice(0, p) + text.slice(p + 1 + Math.floor(rnd() * 20));
        break;
      }
      case 2: {
        const p = at();
        text = text.slice(0, p) + String(Math.floor(rnd() * 1000)) + text.slice(p + 1);
        break;
      }
      case 3: {
        const k = Math.floor(rnd() * lines.length);
        lines.splice(k, 0, lines[Math.floor(rnd() * lines.length)]);
        text = lines.join('\n');
        break;
      }
      case 4: {
        lines.splice(Math.floor(rnd() * lines.length), 1 + Math.floor(rnd() * 3));
        text = lines.join('\n');
        break;
      }
      case 5: {
        const a = Math.floor(rnd() * lines.length);
        const b = Math.floor(rnd() * lines.length);
        [lines[a], lines[b]] = [lines[b], lines[a]];
        text = lines.join('\n');
        break;
      }
      case 6:
        text = text.slice(0, at()); // truncation anywhere, including inside a pair or a CRLF
        break;
      case 7: {
        const p = at();
        text = text.slice(0, p) + String.fromCharCode(Math.floor(rnd() * 0xffff)) + text.slice(p);
        break;
      }
      case 8:
        text = text.replace(/\n/g, () => pick(['\n', '\r\n', '\r']));
        break;
      case 9: {
        const p = at();
        text = text.slice(0, p) + pick(NASTY).repeat(1 + Math.floor(rnd() * 50)) + text.slice(p);
        break;
      }
    }
  }
  return text;
}

export function randomText(rnd: () => number, length: number): string {
  let out = '';
  while (out.length < length) {
    const r = rnd();
    out += r < 0.2 ? NASTY[Math.floor(rnd() * NASTY.length)] : r < 0.5 ? String.fromCharCode(0x4e00 + Math.floor(rnd() * 0x5000)) : r < 0.7 ? String(Math.floor(rnd() * 100)) : String.fromCodePoint(Math.floor(rnd() * 0x10ffff) & 0x10ffff);
  }
  return out;
}

/** Inputs that make naive parsers and regular expressions slow: long runs of what tables and headings are made of. */
export function pathological(size: number): Record<string, string> {
  const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  return {
    digits: fill('1234567890'),
    'digits in a table': '三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量' + fill('0'),
    subsections: fill('（一）'),
    headings: fill('一、'),
    pipes: fill('|'),
    'pipe cells': fill('| 0 '),
    'section headings': fill('一、总体情况\n'),
    'masked': fill('*'),
    'one long line': fill('收到政府信息公开申请5件，其中予以公开3件、'),
  };
}
