import type { Check } from '../types';

/**
 * What drafts leave where a figure or a name belongs: XX件 and 20XX年, ××,
 * 某某, □, ＿＿ and empty brackets. Latin X is a placeholder only as a token of
 * its own (with digits), never inside a word, an address or a URL.
 */
const PLACEHOLDER = /[A-Za-z0-9._:/@%?=&#-]*[Xx]{2,}[A-Za-z0-9._:/@%?=&#-]*|[×✕]{2,}|某某|□+|[＿_]{2,}|\[\s*\]|【\s*】/g;
const LATIN_TOKEN = /^\d*[Xx]{2,}\d*$/;

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
    for (const m of text.matchAll(PLACEHOLDER)) {
      if (/[Xx]{2}/.test(m[0]) && !LATIN_TOKEN.test(m[0])) continue;
      ctx.emit({
        span: { start: m.index!, end: m.index! + m[0].length },
        message: ctx.t({ 'zh-CN': '残留占位符“{text}”：请填写实际内容', en: 'Placeholder "{text}" left in: fill in the actual content' }, { text: m[0] }),
      });
    }
  },
};
