import { toChineseNumber } from '../../text';
import type { Check } from '../types';
import { sectionArgs } from '../util';

export const sectionMisnumbered: Check = {
  meta: {
    id: 'section.misnumbered',
    title: { 'zh-CN': '部分序号错误', en: 'Section misnumbered' },
    description: {
      'zh-CN': '标题的文字对应某一部分，但序号不是该部分的序号（例如把“主动公开政府信息情况”编为“一、”）。快速修复改正序号。',
      en: 'A heading names one of the sections but carries another numeral (for example 一、主动公开政府信息情况, which is section 二). The quick fix corrects the numeral.',
    },
    defaultSeverity: 'warning',
    fixable: true,
  },
  run(ctx) {
    for (const section of ctx.report.sections) {
      const { numeral } = section.heading;
      if (numeral.value === section.def.number) continue;
      const right = toChineseNumber(section.def.number);
      const args = { ...sectionArgs(section.def, ctx.lang), written: ctx.lang === 'en' ? String(numeral.value) : numeral.text };
      ctx.emit({
        span: numeral.span,
        message: ctx.t(
          { 'zh-CN': '「{official}」是第{n}部分，序号却写作“{written}”', en: '"{official}" is section {n} but is numbered {written}' },
          args,
        ),
        fixes: [
          {
            title: ctx.t({ 'zh-CN': '序号改为“{n}”', en: 'Renumber as {n}' }, args),
            edits: [{ span: numeral.span, newText: right }],
            preferred: true,
            safety: 'fix',
          },
        ],
      });
    }
  },
};
