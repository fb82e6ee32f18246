import { installEngine } from '../src/content/engine-api';
import { createContentEngine } from '../src/content/engine-script';

// Injected by the background (scripting.executeScript) into the isolated world of a tab whose
// content script found its first compose; see src/content/engine-api.ts.
export default defineUnlistedScript(() => {
  installEngine(createContentEngine());
});
