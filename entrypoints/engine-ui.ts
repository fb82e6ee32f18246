import { createComposeUi } from '../src/content/compose-ui';
import { installEnginePart } from '../src/content/engine-api';

// Injected by the background beside the tables' script, in a task of its own: the compose UI (the
// overlay, the check at Send, the settings code), which the engine script's build reads from here
// (src/content/engine-api.ts, scripts/engine-split.mjs). In the engine script it made that
// script's task 35-45 ms in a cold compose (issue 12).
export default defineUnlistedScript(() => {
  installEnginePart('ui', createComposeUi);
});
