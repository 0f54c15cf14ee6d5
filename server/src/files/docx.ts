// A Word document (.docx) as report text: mammoth turns its paragraphs and
// tables (merged cells as row and column spans) into HTML, which the page
// reader lays out as lines — each table row one line of its cells. Bounded:
// a file or an unpacked part beyond the limits is refused, never inflated.

import * as fs from 'fs';
import { extractHtml, type Extracted } from './html';

/** Larger than any real report, smaller than what would hurt the machine. */
export const MAX_DOCX_BYTES = 50 * 1024 * 1024;
/** The unpacked size of all parts: a zip bomb stops here. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

export type DocxResult = { ok: true; extracted: Extracted } | { ok: false; reason: 'tooLarge' | 'notDocx' | 'bomb'; detail?: string };

/** The sizes a zip's central directory declares for its entries (read without unpacking). */
function declaredUnpackedSize(bytes: Buffer): number | undefined {
  // End of central directory: signature 0x06054b50 within the last 64 KB + 22 bytes.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (bytes.readUInt32LE(i) !== 0x06054b50) continue;
    const entries = bytes.readUInt16LE(i + 10);
    let at = bytes.readUInt32LE(i + 16);
    let total = 0;
    for (let n = 0; n < entries; n++) {
      if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return undefined;
      total += bytes.readUInt32LE(at + 24);
      at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    }
    return total;
  }
  return undefined;
}

export async function extractDocx(file: string): Promise<DocxResult> {
  const bytes = fs.readFileSync(file);
  if (bytes.length > MAX_DOCX_BYTES) return { ok: false, reason: 'tooLarge' };
  const unpacked = declaredUnpackedSize(bytes);
  if (unpacked === undefined) return { ok: false, reason: 'notDocx' };
  if (unpacked > MAX_UNPACKED_BYTES) return { ok: false, reason: 'bomb' };
  // Loaded only for Word documents: checking text does not pay for it.
  const mammoth = require('mammoth') as typeof import('mammoth');
  try {
    const { value } = await mammoth.convertToHtml({ buffer: bytes });
    return { ok: true, extracted: extractHtml(value) };
  } catch (error) {
    return { ok: false, reason: 'notDocx', detail: error instanceof Error ? error.message : String(error) };
  }
}
