/**
 * The service worker: the toolbar badge of each tab (from the content script's summary), the
 * single writer of the first-contact history (so that the salt is created in one place), and
 * the registration of the content script on the sites the user added (generic editors).
 */
import { browser } from 'wxt/browser';
import { registerGenericSites } from '../src/content/registration';
import { getSettings, watchSettings } from '../src/settings';
import { forgetTab, handleBackgroundMessage } from '../src/background/handlers';

/**
 * Chromium's first read of managed storage in a session waits while it loads the organisation's
 * policy for the extension: 2.9 s measured here (a fresh profile, no policy), then under 1 ms.
 * A tab reads the policy only once a compose opens (issue 12), so that first read would hold the
 * first compose after the browser starts. The service worker reads it when it starts (the browser
 * starting, the extension installed or updated, any event that wakes it), where it holds nothing.
 */
function primeManagedStorage(): void {
  try {
    void browser.storage.managed?.get(null).catch(() => undefined);
  } catch {
    // No managed storage here (some Firefox builds): nothing to wait for.
  }
}

export default defineBackground(() => {
  primeManagedStorage();
  browser.runtime.onStartup.addListener(primeManagedStorage);
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
