// Draws media/icon.png (128x128): a RAG bar chart on a rounded tile, the
// extension's marketplace icon. Plain Node (zlib), no image library needed.
// usage: node scripts/vscode/makeIcon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SS = 4; // supersampling per axis, for smooth edges

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
const BG = hex('#1f4e79');
const shapes = [
  // [x0, y0, x1, y1, colour, radius] in icon pixels
  [26, 30, 58, 98, hex('#2e8540'), 4], // green bar (tallest)
  [26, 74, 58, 98, hex('#e8a317'), 0], // amber part
  [26, 88, 58, 98, hex('#c4262e'), 0], // red part
  [70, 50, 102, 98, hex('#2e8540'), 4],
  [70, 80, 102, 98, hex('#e8a317'), 0],
  [18, 100, 110, 105, hex('#ffffff'), 2], // axis
];

function inRoundRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

const rows = [];
for (let py = 0; py < SIZE; py++) {
  const row = Buffer.alloc(1 + SIZE * 4);
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const x = px + (sx + 0.5) / SS;
        const y = py + (sy + 0.5) / SS;
        if (!inRoundRect(x, y, 4, 4, SIZE - 4, SIZE - 4, 22)) continue;
        let c = BG;
        for (const [x0, y0, x1, y1, colour, rad] of shapes) if (inRoundRect(x, y, x0, y0, x1, y1, rad)) c = colour;
        r += c[0]; g += c[1]; b += c[2]; a += 255;
      }
    }
    const n = SS * SS;
    const cov = a / 255;
    const o = 1 + px * 4;
    row[o] = cov ? Math.round(r / cov) : 0;
    row[o + 1] = cov ? Math.round(g / cov) : 0;
    row[o + 2] = cov ? Math.round(b / cov) : 0;
    row[o + 3] = Math.round(a / n);
  }
  rows.push(row);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../../media/icon.png', import.meta.url), png);
console.log(`media/icon.png: ${png.length} bytes`);
