/**
 * What people type into the options page, made into what the settings store: recipients, sites,
 * phrase ids. Kept beside the validator (validate.ts) that then checks the result, so the page
 * and an import agree on what an entry is.
 */
import type { AudienceMapping } from '../engine/audience';
import type { UserPhrase } from '../engine/types';

/** What users type in the recipients box: "@example.co.jp", " Ken@Example.com " (lower-cased). */
export function normalizeMatch(value: string): string {
  return value.trim().toLowerCase().replace(/^@/, '');
}

/**
 * A typed recipients entry: a domain or an address (lower-cased), or, when the user picked
 * "Name", a display name (" Ken  Sato ", "佐藤 健": kept as written, spaces collapsed, kind
 * 'name'). The choice is the user's: "not a domain" typed as a domain stays an error.
 */
export function matchEntry(value: string, kind: 'address' | 'name' = 'address'): Pick<AudienceMapping, 'match' | 'kind'> {
  if (kind === 'name') return { match: value.trim().replace(/\s+/g, ' '), kind: 'name' };
  return { match: normalizeMatch(value) };
}

export function normalizeHost(value: string): string {
  let v = value.trim().toLowerCase();
  // People paste addresses: keep the host name only.
  try {
    if (/^[a-z][a-z0-9+.-]{0,20}:\/\//.test(v)) v = new URL(v).hostname;
  } catch {
    // Not a URL: validated as a host name below.
  }
  // The path goes from the first "/" (indexOf: /\/.*$/ backtracks quadratically on "////…").
  const slash = v.indexOf('/');
  return (slash === -1 ? v : v.slice(0, slash)).replace(/^\*\./, '');
}

/**
 * A fresh id for a new phrase of the user's: `phrase-<n>`, never one in use (the page reuses
 * free numbers); never the reserved `phrases` either (src/engine/user-phrase-id.ts), by its form.
 */
export function newPhraseId(existing: readonly UserPhrase[]): string {
  const ids = new Set(existing.map((p) => p.id));
  let n = existing.length + 1;
  while (ids.has(`phrase-${n}`)) n++;
  return `phrase-${n}`;
}
