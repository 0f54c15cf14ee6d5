// Draws icon.png (128×128): the character 年 above a small table, white on
// red. Strokes are geometry, not a font, so the picture is the same on every
// machine: `node scripts/icon.mjs` rewrites the identical file.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // per axis: 16 samples a pixel for smooth edges
const RED = [179, 38, 30];
const PALE = [246, 208, 204];
const WHITE = [255, 255, 255];

/** Signed distance to a rounded rectangle. */
function roundedRect(x, y, x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(y - cy) - ((y1 - y0) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Distance to a segment. */
function segment(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

// 年 in a 100-unit box, mapped onto the upper part of the icon.
const GLYPH = { x: 35, y: 9, scale: 0.56, stroke: 7.5 };
const STROKES = [
  [[40, 0], [20, 30]], // 丿
  [[30, 14], [88, 14]], // 一 (top)
  [[30, 40], [82, 40]], // 一 (middle)
  [[30, 40], [30, 64]], // 丨 (short, left)
  [[4, 66], [96, 66]], // 一 (long)
  [[57, 14], [57, 100]], // 丨 (long, centre)
].map(([a, b]) => [a, b].map(([px, py]) => [GLYPH.x + px * GLYPH.scale, GLYPH.y + py * GLYPH.scale]));

const TABLE = { x0: 16, y0: 72, x1: 112, y1: 116, header: 86, rows: [101], columns: [48, 80], line: 3 };

/** The colour at a point, or null outside the icon. */
function colourAt(x, y) {
  if (roundedRect(x, y, 0, 0, SIZE, SIZE, 24) > 0) return null;
  if (STROKES.some(([a, b]) => segment(x, y, a, b) <= GLYPH.stroke / 2)) return WHITE;
  const t = TABLE;
  if (roundedRect(x, y, t.x0, t.y0, t.x1, t.y1, 6) <= 0) {
    const near = (v, lines) => lines.some((l) => Math.abs(v - l) <= t.line / 2);
    if (near(x, t.columns) || near(y, [t.header, ...t.rows])) return RED;
    return y < t.header ? PALE : WHITE;
  }
  return RED;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  raw[py * (SIZE * 4 + 1)] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = colourAt(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
        if (!c) continue;
        sum[0] += c[0];
        sum[1] += c[1];
        sum[2] += c[2];
        sum[3] += 1;
      }
    }
    const o = py * (SIZE * 4 + 1) + 1 + px * 4;
    const n = sum[3];
    // Colour averaged over the covered samples, coverage as alpha (straight alpha).
    raw[o] = n ? Math.round(sum[0] / n) : 0;
    raw[o + 1] = n ? Math.round(sum[1] / n) : 0;
    raw[o + 2] = n ? Math.round(sum[2] / n) : 0;
    raw[o + 3] = Math.round((n / (SAMPLES * SAMPLES)) * 255);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../icon.png', import.meta.url), png);
console.log(`icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`);
