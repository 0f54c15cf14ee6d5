import { SECTIONS, type SectionDef } from '../../format/sections';
import { TABLE_START, type TableId } from '../../format/tables';
import type { Report } from '../../parse/model';
import { lineContentStart } from '../../parse/structure';
import { labelKey, linesIn, type Line } from '../../text';
import type { Check, Edit } from '../types';
import { insertHeadingBefore, officialHeading, sectionArgs } from '../util';

const FIRST_SUBSECTION = /^[(（]\s*一\s*[)）]/;

/**
 * A missing section's content often survives without its heading, starting
 * with the section's usual first subsection (`（一）主要问题` for 五) inside the
 * section before it. The heading belongs right before that line.
 */
function orphanedStart(report: Report, def: SectionDef): Line | undefined {
  const first = def.subsections?.[1];
  const previous = report.sections.filter((s) => s.def.number < def.number).pop();
  if (!previous) return undefined;
  // A section with a table: its table's first line (caption, header or first label) survives.
  const table = def.holdsTable ? (def.key as TableId) : undefined;
  return [...linesIn(report.lines, previous.body)].find((line) => {
    if (line.start < previous.body.start || line.end > previous.body.end) return false;
    const content = report.text.slice(lineContentStart(line), line.end);
    if (table) return TABLE_START[table].test(labelKey(content));
    return !!first && FIRST_SUBSECTION.test(content) && first.test(content.split(/[。：:；;]/)[0]);
  });
}

export const sectionMissing: Check = {
  meta: {
    id: 'section.missing',
    title: { 'zh-CN': '缺少必备部分', en: 'Missing section' },
    description: {
      'zh-CN': '年度报告必须包含格式规定的六个部分（一、总体情况 至 六、其他需要报告的事项）。缺少其中任何一部分都会被报告；快速修复会在应有的位置插入官方标题。',
      en: 'An annual report must have the six sections that the format prescribes (一、总体情况 to 六、其他需要报告的事项). Each absent section is reported; the quick fix inserts the official heading where the section belongs.',
    },
    defaultSeverity: 'error',
    fixable: true,
  },
  run(ctx) {
    const { report } = ctx;
    const present = new Set(report.sections.map((s) => s.def.number));
    for (const def of SECTIONS) {
      if (present.has(def.number)) continue;
      const heading = officialHeading(def);
      const next = report.sections.find((s) => s.def.number > def.number);
      const last = report.sections[report.sections.length - 1];
      const orphan = orphanedStart(report, def);
      let edit: Edit;
      let span;
      if (orphan) {
        const at = lineContentStart(orphan);
        edit = { span: { start: orphan.start, end: orphan.start }, newText: `${report.text.slice(orphan.start, at)}${heading}${report.eol}` };
        span = { start: at, end: orphan.end };
      } else if (next) {
        edit = insertHeadingBefore(report, next, heading);
        span = next.heading.span;
      } else if (last) {
        edit = { span: { start: last.span.end, end: last.span.end }, newText: `${report.eol}${heading}` };
        span = last.heading.span;
      } else {
        const at = report.intro.end;
        edit = { span: { start: at, end: at }, newText: `${at > 0 ? report.eol : ''}${heading}${report.eol}` };
        span = report.title?.span ?? { start: 0, end: report.lines[0].end };
      }
      ctx.emit({
        span,
        message: ctx.t(
          {
            'zh-CN': orphan || next ? '缺少第{n}部分「{official}」，其标题应位于此行之前' : '缺少第{n}部分「{official}」',
            en: orphan || next ? 'Section {n} "{official}" is missing; its heading belongs before this line' : 'Section {n} "{official}" is missing',
          },
          sectionArgs(def),
        ),
        fixes: [
          {
            title: ctx.t({ 'zh-CN': '插入标题「{heading}」', en: 'Insert the heading "{heading}"' }, { heading }),
            edits: [edit],
            preferred: true,
            safety: 'fix',
          },
        ],
      });
    }
  },
};
