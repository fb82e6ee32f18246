/**
 * The compose UI's settings access (src/content/compose-ui.ts): read as soon as the engine script
 * runs, so the read overlaps the engine's warm-up (issue 12), and read again when the settings or
 * the policy changed before the content script asks for them.
 */
import { beforeEach, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createComposeUi } from '../src/content/compose-ui';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../src/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

const settle = () => new Promise((r) => setTimeout(r, 20));

it('gives the settings read when the engine script ran', async () => {
  await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, language: 'ja' }, settings$: { v: SETTINGS_VERSION } });
  const ui = createComposeUi();
  await settle();
  expect((await ui.settings.readUser()).language).toBe('ja');
});

it('reads again when the settings changed before they were asked for', async () => {
  await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, language: 'ja' }, settings$: { v: SETTINGS_VERSION } });
  const ui = createComposeUi();
  await settle();
  await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, language: 'en' }, settings$: { v: SETTINGS_VERSION } });
  await settle();
  expect((await ui.settings.readUser()).language).toBe('en');
});
