// A Word document (.docx) as report text: mammoth turns its paragraphs and
// tables (merged cells as row and column spans) into HTML, which the page
// reader lays out as lines — each table row one line of its cells. Bounded:
// a file beyond the size limit, or parts that declare or really unpack to more
// than the unpacked limit, are refused before mammoth inflates anything.

import * as fs from 'fs';
import * as zlib from 'zlib';
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

/**
 * Whether the zip's parts, really inflated, stay within `limit` bytes in all: a
 * zip may declare small sizes and still unpack to gigabytes. Each part is
 * inflated with a cap on its output (what is left of the limit), so a lying
 * zip costs at most `limit` bytes of work before it is refused.
 */
export function inflatesWithin(bytes: Buffer, limit: number): boolean {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > bytes.length) return false;
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  let left = limit;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return false;
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const local = bytes.readUInt32LE(at + 42);
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) return false;
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + compressed);
    if (method === 0) left -= data.length;
    else if (method === 8) {
      try {
        left -= zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, left) }).length;
      } catch (error) {
        // Over the cap: a bomb. Damaged data is for mammoth to name.
        if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return false;
      }
    }
    if (left < 0) return false;
  }
  return true;
}

export async function extractDocx(file: string): Promise<DocxResult> {
  const bytes = fs.readFileSync(file);
  if (bytes.length > MAX_DOCX_BYTES) return { ok: false, reason: 'tooLarge' };
  const unpacked = declaredUnpackedSize(bytes);
  if (unpacked === undefined) return { ok: false, reason: 'notDocx' };
  if (unpacked > MAX_UNPACKED_BYTES || !inflatesWithin(bytes, MAX_UNPACKED_BYTES)) return { ok: false, reason: 'bomb' };
  // Loaded only for Word documents: checking text does not pay for it.
  const mammoth = require('mammoth') as typeof import('mammoth');
  try {
    const { value } = await mammoth.convertToHtml({ buffer: bytes });
    return { ok: true, extracted: extractHtml(value) };
  } catch (error) {
    return { ok: false, reason: 'notDocx', detail: error instanceof Error ? error.message : String(error) };
  }
}
