/**
 * The service worker: the toolbar badge of each tab (from the content script's summary), the
 * single writer of the first-contact history (so that the salt is created in one place), and
 * the registration of the content script on the sites the user added (generic editors).
 */
import { browser } from 'wxt/browser';
import { registerGenericSites } from '../src/content/registration';
import { getSettings, watchSettings } from '../src/settings';
import { forgetTab, handleBackgroundMessage } from '../src/background/handlers';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener(handleBackgroundMessage);
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

  const register = (hosts?: readonly string[]) =>
    (hosts ? Promise.resolve(hosts) : getSettings().then((s) => s.genericSites))
      .then(registerGenericSites)
      .catch((err: unknown) => console.warn('nemawashi: could not register the content script on added sites', err));
  // Registrations persist across sessions; redo them when what they depend on changes.
  browser.runtime.onInstalled.addListener(() => void register());
  browser.permissions.onAdded.addListener(() => void register());
  browser.permissions.onRemoved.addListener(() => void register());
  watchSettings((s) => void register(s.genericSites));
});
