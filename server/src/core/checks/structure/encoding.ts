import type { Check } from '../types';

/** The encodings a report file may arrive in besides UTF-8: what Windows Notepad and Word save on Chinese systems. */
export type DecodedFrom = 'gb18030' | 'utf-16le' | 'utf-16be';

/** U+FFFD, what an editor shows for bytes it could not decode. */
const REPLACEMENT = /\ufffd/g;

/**
 * Said by `analyze` when the host decoded the file from another encoding; and
 * found here when the text is full of U+FFFD — a GB18030 file opened as UTF-8,
 * whose every finding would be nonsense.
 */
export const reportEncoding: Check = {
  meta: {
    id: 'report.encoding',
    title: { 'zh-CN': '文件编码不是 UTF-8', en: 'File not in UTF-8' },
    description: {
      'zh-CN':
        '文件以 GB18030（GBK）或 UTF-16 编码保存，已按该编码读取并检查（信息）；另存为 UTF-8 可避免其他工具显示乱码。文本中出现大量无法识别的字符（�）时，文件很可能是以 GB18030/GBK 保存却按 UTF-8 打开的：此时给出警告，请用“通过编码重新打开”选择 GB18030。',
      en: 'The file is saved in GB18030 (GBK) or UTF-16; it was read and checked in that encoding (information); saving it as UTF-8 keeps other tools from showing garbled text. When the text is full of characters that could not be decoded (�), the file was most likely saved in GB18030/GBK and opened as UTF-8: a warning says so; use "Reopen with Encoding" and pick GB18030.',
    },
    defaultSeverity: 'information',
    fixable: false,
  },
  run(ctx) {
    const { text } = ctx.report;
    const count = text.match(REPLACEMENT)?.length ?? 0;
    // A stray one can be a real character of a damaged copy; many mean the whole file was decoded wrongly.
    if (count < 3 || count * 200 < text.length) return;
    const first = text.indexOf('\ufffd');
    ctx.emit({
      span: { start: first, end: first + 1 },
      severity: 'warning',
      message: ctx.t(
        {
          'zh-CN': '文本中有 {count} 个无法识别的字符（�）：文件可能是以 GB18030/GBK 编码保存的，请用“通过编码重新打开”选择 GB18030 后再检查',
          en: 'The text has {count} characters that could not be decoded (�): the file was probably saved in GB18030/GBK; use "Reopen with Encoding", pick GB18030, and check again',
        },
        { count },
      ),
    });
  },
};
