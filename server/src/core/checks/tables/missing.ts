import type { TableId } from '../../format/tables';
import type { Check } from '../types';
import { hasContent, sectionArgs } from '../util';
import { tableName } from './names';

const TABLE_OF_SECTION: Record<string, TableId> = { proactive: 'proactive', requests: 'requests', review: 'review' };

export const tableMissing: Check = {
  meta: {
    id: 'table.missing',
    title: { 'zh-CN': '缺少统计表', en: 'Table missing' },
    description: {
      'zh-CN': '第二、三、四部分有内容，却没有找到该部分应有的统计表（表一、表二、表三）。完全没有内容的部分由 section.empty 报告。',
      en: 'Section 二, 三 or 四 has content but not the statistical table it must hold (tables 1, 2 and 3). A section with no content at all is reported by section.empty instead.',
    },
    defaultSeverity: 'error',
    fixable: false,
  },
  run(ctx) {
    const seen = new Set<string>();
    for (const section of ctx.report.sections) {
      const id = TABLE_OF_SECTION[section.def.key];
      if (!id || seen.has(id)) continue;
      seen.add(id);
      if (ctx.report.tables[id] || !hasContent(ctx.report, section.body)) continue;
      ctx.emit({
        span: section.heading.span,
        message: ctx.t(
          { 'zh-CN': '第{n}部分「{official}」中没有找到{table}', en: 'Section {n} "{official}" does not hold {table}' },
          { ...sectionArgs(section.def, ctx.lang), table: tableName(id, ctx.lang) },
        ),
      });
    }
  },
};
