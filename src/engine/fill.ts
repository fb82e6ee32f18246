/**
 * The one placeholder filler: rule messages (the engine) and UI strings (src/i18n) both use it,
 * so a `{name}` behaves the same wherever it is written.
 */

/**
 * Replaces each `{name}` (a word of 1 to 40 characters) with `data[name]`; a placeholder with no
 * value stays visible as written, so a missing value shows up in review instead of vanishing.
 * One pass with indexOf: linear in the template, and the values are never re-scanned.
 */
export function fillPlaceholders(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  if (!data) return template;
  let out = '';
  let at = 0;
  for (;;) {
    const open = template.indexOf('{', at);
    if (open === -1) break;
    const close = template.indexOf('}', open + 1);
    if (close === -1) break;
    const key = template.slice(open + 1, close);
    if (key.length > 0 && key.length <= 40 && /^\w+$/.test(key) && Object.hasOwn(data, key)) {
      out += template.slice(at, open) + String(data[key]);
      at = close + 1;
    } else {
      out += template.slice(at, open + 1);
      at = open + 1;
    }
  }
  return out + template.slice(at);
}
