import type { Check } from '../types';
import { sectionArgs } from '../util';

export const sectionHeadingVariant: Check = {
  meta: {
    id: 'section.heading-variant',
    title: { 'zh-CN': '标题表述与官方不同', en: 'Heading worded differently' },
    description: {
      'zh-CN': '标题被识别为某一部分，但措辞与格式规定的官方表述不同（常见变体、遮盖字符或错别字）。快速修复改为官方表述。',
      en: 'A heading is recognised as one of the sections but is worded differently from the official heading (a common variant, masked text or a typo). The quick fix restores the official wording.',
    },
    defaultSeverity: 'hint',
    fixable: true,
  },
  run(ctx) {
    for (const section of ctx.report.sections) {
      if (section.match === 'exact') continue;
      const { numeral, title } = section.heading;
      // The official title after a numeral that lost its 、 (`一总体情况`): the mark is what differs.
      if (numeral.span.end === title.span.start && title.text === section.def.official) {
        const args = { numeral: numeral.text, official: section.def.official };
        ctx.emit({
          span: { start: numeral.span.start, end: title.span.end },
          message: ctx.t({ 'zh-CN': '标题「{numeral}{official}」的序号后缺少“、”', en: 'Heading "{numeral}{official}" lacks the 、 after its numeral' }, args),
          fixes: [
            {
              title: ctx.t({ 'zh-CN': '改为「{numeral}、{official}」', en: 'Change to "{numeral}、{official}"' }, args),
              edits: [{ span: { start: numeral.span.end, end: numeral.span.end }, newText: '、' }],
              preferred: true,
              safety: 'fix',
            },
          ],
        });
        continue;
      }
      const args = { ...sectionArgs(section.def, ctx.lang), written: section.heading.title.text };
      const message =
        section.match === 'masked'
          ? { 'zh-CN': '标题「{written}」含遮盖字符，官方表述为「{official}」', en: 'Heading "{written}" is masked; the official wording is "{official}"' }
          : section.match === 'fuzzy'
            ? { 'zh-CN': '标题「{written}」疑有错字，官方表述为「{official}」', en: 'Heading "{written}" looks mistyped; the official wording is "{official}"' }
            : { 'zh-CN': '标题「{written}」与官方表述「{official}」不同', en: 'Heading "{written}" differs from the official wording "{official}"' };
      ctx.emit({
        span: section.heading.title.span,
        message: ctx.t(message, args),
        fixes: [
          {
            title: ctx.t({ 'zh-CN': '改为「{official}」', en: 'Change to "{official}"' }, args),
            edits: [{ span: section.heading.title.span, newText: section.def.official }],
            preferred: true,
            safety: 'fix',
          },
        ],
      });
    }
  },
};
