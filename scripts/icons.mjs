#!/usr/bin/env node
/**
 * Draws the extension's icons from the SVG sources in assets/ (npm run icons):
 *   public/icon/<size>.png          the tile icon, for the manifest, the toolbar and the stores
 *   public/icon/light-<size>.png    Firefox theme_icons: light ink, shown on dark toolbars
 *   public/icon/dark-<size>.png     … dark ink, shown on light toolbars
 * (Firefox names a theme icon by its own colour: `light` is used where the toolbar text is
 * bright, i.e. on dark themes: browser.css `toolbar[brighttext]` → --webextension-toolbar-image-light.)
 *   store/icon-300.png              the Edge Add-ons store logo (300×300)
 * WXT finds public/icon/<size>.png and the light/dark pairs by name and lists them in the
 * manifests. Rasterised by Debian's Chromium (playwright-core), so no image library is needed.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
// What the stores ask for: Chrome 16/32/48/128 (128 is the store icon), Firefox 48/96 (and the
// toolbar's 16/32), Edge the manifest's plus a 300×300 logo.
const SIZES = [16, 32, 48, 96, 128];
const TOOLBAR_SIZES = [16, 32];
// Firefox's own toolbar text colours: bright on dark themes, dark on light ones.
const INK = { light: '#fbfbfe', dark: '#1c1b22' };

const tile = readFileSync(join(ROOT, 'assets/icon.svg'), 'utf8');
const glyph = readFileSync(join(ROOT, 'assets/glyph.svg'), 'utf8');

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ deviceScaleFactor: 1 });

async function render(svg, size, out, color = '#000') {
  await page.setViewportSize({ width: size, height: size });
  const html = `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px;color:${color}}</style>${svg}`;
  await page.setContent(html);
  await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  console.log(out);
}

mkdirSync(join(ROOT, 'public/icon'), { recursive: true });
mkdirSync(join(ROOT, 'store'), { recursive: true });
for (const size of SIZES) await render(tile, size, join(ROOT, `public/icon/${size}.png`));
for (const size of TOOLBAR_SIZES) {
  await render(glyph, size, join(ROOT, `public/icon/light-${size}.png`), INK.light);
  await render(glyph, size, join(ROOT, `public/icon/dark-${size}.png`), INK.dark);
}
await render(tile, 300, join(ROOT, 'store/icon-300.png'));
await browser.close();
