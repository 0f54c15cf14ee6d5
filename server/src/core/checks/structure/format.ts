import type { Check } from '../types';

export const reportFormat: Check = {
  meta: {
    id: 'report.format',
    title: { 'zh-CN': '格式依据不一致', en: 'Format evidence disagrees' },
    description: {
      'zh-CN': '报告适用的格式（2021 年版或 2019 年版）由表头、引用的通知和报告年度决定。三者不一致时按表头认定，并在与之不符的地方给出提示。',
      en: 'Which format a report follows (2021 or 2019) is read from its table headers, the notice it cites and its year. When they disagree, the headers decide, and the evidence that disagrees is pointed out.',
    },
    defaultSeverity: 'warning',
    fixable: false,
  },
  run(ctx) {
    const { format, evidence, forced } = ctx.report.format;
    if (!format || forced) return; // the user chose the format: the text's evidence does not argue
    const decided = evidence[0];
    const names = { headers: { 'zh-CN': '表头', en: 'table headers' }, notice: { 'zh-CN': '引用的通知', en: 'cited notice' }, year: { 'zh-CN': '报告年度', en: 'report year' } };
    for (const e of evidence) {
      if (e.format === format) continue;
      if (decided.kind === 'headers' && e.kind === 'year') {
        // The report year sets the format a report must use: the table in the other format is what to change.
        ctx.emit({
          span: decided.span,
          message: ctx.t(
            { 'zh-CN': '表头为 {format} 年版格式，但报告年度 {year} 应使用 {other} 年版格式；按表头所示的 {format} 年版格式检查', en: 'The table headers follow the {format} format, but a {year} report uses the {other} format; checked as {format}' },
            { format, other: e.format, year: ctx.report.text.slice(e.span.start, e.span.end) },
          ),
          related: [{ span: e.span, message: ctx.t(names.year) }],
        });
        continue;
      }
      ctx.emit({
        span: e.span,
        message: ctx.t(
          { 'zh-CN': '{what}对应 {other} 年版格式，但{by}为 {format} 年版格式；按 {format} 年版格式检查', en: 'The {what} points to the {other} format but the {by} to the {format} format; checked as {format}' },
          { what: ctx.t(names[e.kind]), other: e.format, by: ctx.t(names[decided.kind]), format },
        ),
        related: [{ span: decided.span, message: ctx.t(names[decided.kind]) }],
      });
    }
  },
};
