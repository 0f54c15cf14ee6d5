import type { Check } from '../types';

/** Emitted by `analyze` itself, before any parsing: the check has no work of its own. */
export const reportTooLarge: Check = {
  meta: {
    id: 'report.too-large',
    title: { 'zh-CN': '文档过大未检查', en: 'Document too large to check' },
    description: {
      'zh-CN': '文档超过设置的大小上限（nianbao.maxDocumentSize），为保持编辑器流畅未作检查。可调高上限后重新检查。',
      en: 'The document is larger than the configured limit (nianbao.maxDocumentSize) and was not checked, to keep the editor responsive. Raise the limit to check it.',
    },
    defaultSeverity: 'information',
    fixable: false,
  },
  run() {},
};
