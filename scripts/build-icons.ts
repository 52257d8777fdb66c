/**
 * Draws the toolbar and store icons from the SVGs in assets/icons: PNGs at 16–128 px in
 * .generated/public/icon (Chromium's manifest takes PNG only). The 16 and 19 px sizes use the
 * simplified drawing, which stays legible at that size.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const root = join(import.meta.dirname, '..');
const out = join(root, '.generated/public/icon');
const full = readFileSync(join(root, 'assets/icons/puente.svg'), 'utf8');
const small = readFileSync(join(root, 'assets/icons/puente-small.svg'), 'utf8');

/** Writes every icon size; returns the sizes written. */
export function buildIcons(): number[] {
  mkdirSync(out, { recursive: true });
  const sizes = [16, 19, 32, 38, 48, 96, 128];
  for (const size of sizes) {
    const svg = size <= 19 ? small : full;
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
    writeFileSync(join(out, `${size}.png`), png);
  }
  return sizes;
}
