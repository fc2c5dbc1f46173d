// Draws the console's home-screen icons (a white shield with a check mark on the police blue)
// as PNG files, with nothing but Node: `node scripts/generate-icons.mjs`. The PNGs are committed;
// run this again only to change the drawing. Shapes are sampled 4×4 per pixel (anti-aliasing).
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const BLUE = [0x0f, 0x23, 0x50]; // police-900, the header's colour and the theme colour
const MID = [0x1d, 0x3f, 0x8f]; // police-700
const WHITE = [0xff, 0xff, 0xff];

/** Whether (x, y) in [0, 1]² lies in a shield of the given scale, centred. */
function inShield(x, y, scale) {
  const u = (x - 0.5) / scale + 0.5;
  const v = (y - 0.5) / scale + 0.5;
  if (v < 0.16 || v > 0.86 || u < 0.2 || u > 0.8) return false;
  // The top edge rises to the middle a little.
  const top = 0.16 + 0.05 * (Math.abs(u - 0.5) / 0.3) ** 2;
  if (v < top) return false;
  if (v <= 0.52) return true;
  // Below, the sides curve in to the point at the bottom.
  const t = (v - 0.52) / (0.86 - 0.52);
  const half = 0.3 * Math.sqrt(Math.max(0, 1 - t * t));
  return Math.abs(u - 0.5) <= half;
}

/** Whether (x, y) lies on the check mark (two thick segments). */
function inCheck(x, y, scale) {
  const u = (x - 0.5) / scale + 0.5;
  const v = (y - 0.5) / scale + 0.5;
  const near = (ax, ay, bx, by, w) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((u - ax) * dx + (v - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(u - (ax + t * dx), v - (ay + t * dy)) <= w;
  };
  return near(0.36, 0.5, 0.46, 0.61, 0.045) || near(0.46, 0.61, 0.65, 0.38, 0.045);
}

function colourAt(x, y, scale) {
  if (inShield(x, y, scale)) {
    if (inCheck(x, y, scale)) return WHITE;
    return inShield(x, y, scale * 0.84) ? MID : WHITE;
  }
  return BLUE;
}

function draw(size, scale) {
  const rows = [];
  const n = 4;
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 3); // filter byte 0, then RGB
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = colourAt((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, scale);
          for (let k = 0; k < 3; k++) sum[k] += c[k];
        }
      }
      for (let k = 0; k < 3; k++) row[1 + px * 3 + k] = Math.round(sum[k] / (n * n));
    }
    rows.push(row);
  }
  return png(size, size, Buffer.concat(rows));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(width, height, raw) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// "any" icons fill the square; the maskable one keeps the shield inside the central 80 % safe zone.
const out = [
  ["public/icons/icon-192.png", 192, 1],
  ["public/icons/icon-512.png", 512, 1],
  ["public/icons/maskable-512.png", 512, 0.78],
  ["app/apple-icon.png", 180, 0.9],
  ["app/icon.png", 64, 1.1],
];
for (const [path, size, scale] of out) {
  writeFileSync(path, draw(size, scale));
  console.log(`wrote ${path} (${size}×${size})`);
}
