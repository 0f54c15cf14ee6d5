import type { Check } from '../types';
import { hasContent, sectionArgs } from '../util';

export const sectionEmpty: Check = {
  meta: {
    id: 'section.empty',
    title: { 'zh-CN': '部分内容为空', en: 'Empty section' },
    description: {
      'zh-CN': '标题之后、下一个标题之前没有任何内容。第二、三、四部分必须包含统计表，为空时报告为错误；其他部分为空时报告为警告。',
      en: 'A heading is followed by no content before the next heading. Sections 二, 三 and 四 must hold their statistical tables and are reported as errors when empty; other empty sections are warnings.',
    },
    defaultSeverity: 'error',
    fixable: false,
  },
  run(ctx) {
    for (const section of ctx.report.sections) {
      if (hasContent(ctx.report, section.body)) continue;
      const args = sectionArgs(section.def, ctx.lang);
      ctx.emit({
        span: section.heading.span,
        severity: section.def.holdsTable ? 'error' : 'warning',
        message: section.def.holdsTable
          ? ctx.t({ 'zh-CN': '第{n}部分「{official}」没有内容：此部分应包含统计表', en: 'Section {n} "{official}" is empty: it must hold its statistical table' }, args)
          : ctx.t({ 'zh-CN': '第{n}部分「{official}」没有内容', en: 'Section {n} "{official}" is empty' }, args),
      });
    }
  },
};
