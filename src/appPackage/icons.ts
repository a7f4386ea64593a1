import { PNG } from 'pngjs';
import { ACCENT_COLOR } from './manifest';

/**
 * The app icons, drawn in code so they are reproducible: two interlocked white rings ("connect")
 * on the accent colour (192×192) and alone on transparent (32×32 outline icon).
 * `npm run build && node dist/tools/makeIcons.js` writes them to appPackage/.
 */

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

/** Samples per pixel along each axis for anti-aliasing. */
const SUPERSAMPLE = 8;

interface RingsGlyph {
  readonly cx: number;
  readonly cy: number;
  /** Ring radius (centre line of the stroke). */
  readonly radius: number;
  /** Horizontal distance of each ring centre from cx. */
  readonly offset: number;
  readonly stroke: number;
  /** Clearance around the ring that passes over, so the other one appears to go under it. */
  readonly gap: number;
}

/** True when (x, y) is painted: ring A passes over B at the top crossing, B over A at the bottom. */
function insideRings(g: RingsGlyph, x: number, y: number): boolean {
  const ax = g.cx - g.offset;
  const bx = g.cx + g.offset;
  const distA = Math.abs(Math.hypot(x - ax, y - g.cy) - g.radius);
  const distB = Math.abs(Math.hypot(x - bx, y - g.cy) - g.radius);
  const half = g.stroke / 2;
  let inA = distA <= half;
  let inB = distB <= half;
  if (y < g.cy) inB = inB && distA > half + g.gap;
  else inA = inA && distB > half + g.gap;
  return inA || inB;
}

/** Fraction (0..1) of each pixel covered by the glyph, row-major. */
function coverage(size: number, g: RingsGlyph): Float64Array {
  const out = new Float64Array(size * size);
  const step = 1 / SUPERSAMPLE;
  // Every sample of a pixel lies within √½ of its centre: pixels farther than that from both
  // strokes are empty, no need to sample them.
  const reach = g.stroke / 2 + Math.SQRT1_2;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = px + 0.5;
      const y = py + 0.5;
      const distA = Math.abs(Math.hypot(x - (g.cx - g.offset), y - g.cy) - g.radius);
      const distB = Math.abs(Math.hypot(x - (g.cx + g.offset), y - g.cy) - g.radius);
      if (distA > reach && distB > reach) continue;
      let hits = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          if (insideRings(g, px + (sx + 0.5) * step, py + (sy + 0.5) * step)) hits++;
        }
      }
      out[py * size + px] = hits / (SUPERSAMPLE * SUPERSAMPLE);
    }
  }
  return out;
}

function hexToRgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1] ?? '0', 16), parseInt(m[2] ?? '0', 16), parseInt(m[3] ?? '0', 16)];
}

function encode(png: PNG): Buffer {
  return PNG.sync.write(png, { colorType: 6, inputHasAlpha: true, deflateLevel: 9 });
}

/** 192×192 opaque PNG: white rings on the accent colour. */
export function renderColorIcon(): Buffer {
  const size = COLOR_ICON_SIZE;
  const cov = coverage(size, { cx: 96, cy: 96, radius: 30, offset: 19, stroke: 12, gap: 5 });
  const [r, g, b] = hexToRgb(ACCENT_COLOR);
  const png = new PNG({ width: size, height: size });
  for (let i = 0; i < size * size; i++) {
    const c = cov[i] ?? 0;
    png.data[i * 4] = Math.round(r + (255 - r) * c);
    png.data[i * 4 + 1] = Math.round(g + (255 - g) * c);
    png.data[i * 4 + 2] = Math.round(b + (255 - b) * c);
    png.data[i * 4 + 3] = 255;
  }
  return encode(png);
}

/** 32×32 PNG: white rings on transparent; only alpha varies (anti-aliased edges). */
export function renderOutlineIcon(): Buffer {
  const size = OUTLINE_ICON_SIZE;
  const cov = coverage(size, { cx: 16, cy: 16, radius: 8.25, offset: 5.25, stroke: 3, gap: 1.25 });
  const png = new PNG({ width: size, height: size });
  for (let i = 0; i < size * size; i++) {
    png.data[i * 4] = 255;
    png.data[i * 4 + 1] = 255;
    png.data[i * 4 + 2] = 255;
    png.data[i * 4 + 3] = Math.round(255 * (cov[i] ?? 0));
  }
  return encode(png);
}
