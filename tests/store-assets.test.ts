/**
 * The store listing `npm run store-assets` wrote (store/): screenshots at the size the stores
 * take, in English and Japanese, linked from the listing texts and the README, and the listing
 * texts carry the version being packaged and the privacy statement. Re-run the script after a
 * version bump or a visible change; this test says when the listing is out of date.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const STORE = join(ROOT, 'store');
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function pngSize(path: string): [number, number] {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('latin1'), path).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe.each(['en', 'ja'] as const)('store listing (%s)', (lang) => {
  const text = readFileSync(join(STORE, `listing.${lang}.md`), 'utf8');
  const shots = [...text.matchAll(/\]\((screenshots\/[^)]+\.png)\)/g)].map((m) => m[1]!);

  it('is for the version in package.json and states the privacy promise', () => {
    expect(text.split('\n')[0]).toContain(version);
    expect(text).toMatch(lang === 'en' ? /collects no data/ : /データを一切収集しません/);
  });

  it('links its screenshots, each 1280×800, in its own language, and the README links them too', () => {
    expect(shots.length).toBeGreaterThanOrEqual(4);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const shot of shots) {
      expect(shot).toMatch(new RegExp(`^screenshots/${lang}-`));
      expect(existsSync(join(STORE, shot)), shot).toBe(true);
      expect(pngSize(join(STORE, shot))).toEqual([1280, 800]);
      expect(readme).toContain(`store/${shot}`);
    }
  });
});

describe('store images', () => {
  it('the Chrome Web Store promo tile is 440×280 and the Edge logo 300×300', () => {
    expect(pngSize(join(STORE, 'promo-440x280.png'))).toEqual([440, 280]);
    expect(pngSize(join(STORE, 'icon-300.png'))).toEqual([300, 300]);
  });
});
