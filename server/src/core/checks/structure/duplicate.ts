import type { SectionNode } from '../../parse/model';
import type { Check } from '../types';
import { sectionArgs } from '../util';

export const sectionDuplicate: Check = {
  meta: {
    id: 'section.duplicate',
    title: { 'zh-CN': '部分重复', en: 'Duplicate section' },
    description: {
      'zh-CN': '同一部分的标题出现了两次。表格中的行标签（如“一、本年新收…”）、正文中以“一、”开头的段落和附件中的编号都不算作部分。',
      en: 'The heading of one section occurs twice. Table row labels (一、本年新收…), prose paragraphs that start with 一、 and the numbering of an appendix are not sections.',
    },
    defaultSeverity: 'error',
    fixable: false,
  },
  run(ctx) {
    const first = new Map<number, SectionNode>();
    for (const section of ctx.report.sections) {
      const earlier = first.get(section.def.number);
      if (!earlier) {
        first.set(section.def.number, section);
        continue;
      }
      ctx.emit({
        span: section.heading.span,
        message: ctx.t(
          { 'zh-CN': '第{n}部分「{official}」重复出现', en: 'Section {n} "{official}" occurs again' },
          sectionArgs(section.def, ctx.lang),
        ),
        related: [{ span: earlier.heading.span, message: ctx.t({ 'zh-CN': '首次出现', en: 'First occurrence' }) }],
      });
    }
  },
};
