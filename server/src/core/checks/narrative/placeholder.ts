import type { Check } from '../types';

/**
 * What drafts leave where a figure or a name belongs: ××, 某某, □, ＿＿ and
 * empty brackets; and Latin XX as a token of its own (XX件, 20XX年, XX%),
 * never inside a word, an address or a URL.
 */
const PLACEHOLDER = /[×✕]{2,}|某某|□+|[＿_]{2,}|\[\s*\]|【\s*】/g;
/**
 * A whole run of ASCII (one token: a word, an address, a URL) that is XX with
 * digits around it. Only a run's first character can start a match, so a long
 * run costs linear time.
 */
const LATIN_PLACEHOLDER = /(?<![A-Za-z0-9.:/@?=&#-])\d*[Xx]{2,}\d*(?![A-Za-z0-9.:/@?=&#-])/g;

export const narrativePlaceholder: Check = {
  meta: {
    id: 'narrative.placeholder',
    title: { 'zh-CN': '残留占位符', en: 'Placeholder left in' },
    description: {
      'zh-CN': '应填数字或名称的地方仍是占位符：XX件、××、某某、□、＿＿、[ ]。即将公开的报告中不应出现。每处报告一次。',
      en: 'A placeholder stands where a figure or a name belongs: XX件, ××, 某某, □, ＿＿, [ ]. A report about to be published must not contain one. Each occurrence is reported.',
    },
    defaultSeverity: 'error',
    fixable: false,
  },
  run(ctx) {
    const text = ctx.report.text;
    const found = [...text.matchAll(PLACEHOLDER), ...text.matchAll(LATIN_PLACEHOLDER)];
    for (const m of found.sort((a, b) => a.index! - b.index!)) {
      ctx.emit({
        span: { start: m.index!, end: m.index! + m[0].length },
        message: ctx.t({ 'zh-CN': '残留占位符“{text}”：请填写实际内容', en: 'Placeholder "{text}" left in: fill in the actual content' }, { text: m[0] }),
      });
    }
  },
};
