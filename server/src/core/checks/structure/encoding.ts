import type { Check } from '../types';

/** The encodings a report file may arrive in besides UTF-8: what Windows Notepad and Word save on Chinese systems. */
export type DecodedFrom = 'gb18030' | 'utf-16le' | 'utf-16be';

/** Emitted by `analyze` when the host decoded the file from another encoding: the check has no work of its own. */
export const reportEncoding: Check = {
  meta: {
    id: 'report.encoding',
    title: { 'zh-CN': '文件编码不是 UTF-8', en: 'File not in UTF-8' },
    description: {
      'zh-CN': '文件以 GB18030（GBK）或 UTF-16 编码保存，已按该编码读取并检查。另存为 UTF-8 可避免其他工具显示乱码。',
      en: 'The file is saved in GB18030 (GBK) or UTF-16; it was read and checked in that encoding. Saving it as UTF-8 keeps other tools from showing garbled text.',
    },
    defaultSeverity: 'information',
    fixable: false,
  },
  run() {},
};
