import { narrativeSpans } from '../../narrative/claims';
import { compactOf } from '../../parse/compacted';
import { compactSpan, parseChineseNumber } from '../../text';
import type { Check } from '../types';

const UNITS = '件|条|篇|个|次|项|人|期|场';
const NUMBER = '(\\d+|[零〇一二两三四五六七八九十百千万]+)';
/** `共 N 条…，其中 A 条…、B 篇…`, within one sentence or into the next one that starts with 其中. */
const WHOLE = new RegExp(`共(?:计|有)?[^。；;！？\\d]{0,20}?${NUMBER}(${UNITS})`, 'g');
const PART = new RegExp(`${NUMBER}(?:余|多)?(${UNITS})`, 'g');

const valueOf = (s: string) => (/^\d+$/.test(s) ? Number(s) : parseChineseNumber(s));

export const narrativePartsExceedWhole: Check = {
  meta: {
    id: 'narrative.parts-exceed-whole',
    title: { 'zh-CN': '分项之和超过总数', en: 'Parts exceed the whole' },
    description: {
      'zh-CN': '正文写“共 N 件，其中 A 件、B 件……”，同一单位的各分项之和却大于总数 N。',
      en: 'The prose says “共 N …，其中 A …、B …” and the parts, in the same unit, add up to more than N.',
    },
    defaultSeverity: 'warning',
    fixable: false,
  },
  run(ctx) {
    for (const span of narrativeSpans(ctx.report)) {
      const c = compactOf(ctx.report, span.start, span.end);
      for (const whole of c.text.matchAll(WHOLE)) {
        const total = valueOf(whole[1]);
        const unit = whole[2];
        if (total === undefined) continue;
        const afterWhole = whole.index! + whole[0].length;
        // The list: 其中 right after the whole (same sentence, or the next one), to the end of that sentence.
        const rest = c.text.slice(afterWhole, afterWhole + 40);
        const lead = /^[^。；;！？]{0,12}?[。；;]?\s*其中[,，:：]?/.exec(rest);
        if (!lead) continue;
        const listStart = afterWhole + lead[0].length;
        const window = c.text.slice(listStart, listStart + 500);
        const listEnd = listStart + (/[。；;！？]/.exec(window)?.index ?? window.length);
        const parts = [...c.text.slice(listStart, listEnd).matchAll(PART)].filter((p) => p[2] === unit && !/^\d/.test(c.text[listStart + p.index! - 1] ?? ''));
        const values = parts.map((p) => valueOf(p[1]) ?? 0);
        const sum = values.reduce((a, b) => a + b, 0);
        if (!parts.length || sum <= total) continue;
        const numberAt = whole.index! + whole[0].lastIndexOf(whole[1] + whole[2]);
        ctx.emit({
          span: compactSpan(c, numberAt, numberAt + whole[1].length),
          message: ctx.t(
            { 'zh-CN': '正文称共 {total} {unit}，其中各项之和为 {sum} {unit}（{terms}），超过总数', en: 'The text gives {total} in all, but its parts add up to {sum} ({terms})' },
            { total, unit, sum, terms: values.join('+') },
          ),
          related: parts.map((p) => ({ span: compactSpan(c, listStart + p.index!, listStart + p.index! + p[1].length), message: `${p[1]}${p[2]}` })),
        });
      }
    }
  },
};
