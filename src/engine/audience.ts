/**
 * Audience resolution: recipients → rule packs. `.jp` domains mean Japanese recipients; the
 * user's map of domains and addresses says the rest (Japanese with region and sector, or American).
 */
import { PACKS, type Pack, type Recipient, type Region, type Sector } from './types';

export interface AudienceMapping {
  /**
   * A domain ("example.co.jp", matches subdomains too) or a full address ("ken@example.com");
   * with `kind: 'name'`, a display name ("Hiroki Endo", "遠藤 浩樹") for recipients the webmail
   * shows without an address, matched exactly, ignoring case and runs of spaces.
   */
  match: string;
  /** 'name': `match` is a display name. Absent: a domain or an address. */
  kind?: 'name';
  audience: 'ja' | 'us';
  region?: Region;
  sector?: Sector;
}

export interface Audience {
  packs: Pack[];
  region: Region;
  sector: Sector;
  /**
   * Why each audience pack is on: the recipient (its address, or its display name when `via`
   * is 'name') and the mapping or rule that put it there.
   */
  sources: Array<{ pack: 'ja' | 'us'; address: string; via: 'tld' | 'mapping' | 'name' }>;
  /** Display names of name-only recipients that no mapping covers (the user is asked once). */
  unmappedNames: string[];
}

/** How names are compared: case and runs of white space do not matter. */
export function normalizeName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Whether text someone typed reads as a display name rather than a domain or an address: no
 * "@", and not one word with a dot in it ("example.co.jp" is a domain; "J. Smith" a name).
 * The options page uses it to file a typed entry; stored entries say it with `kind: 'name'`.
 */
export function looksLikeName(text: string): boolean {
  const m = text.trim();
  return m !== '' && !m.includes('@') && !(/\./.test(m) && !/\s/.test(m));
}

function findNameMapping(name: string, map: readonly AudienceMapping[]): AudienceMapping | undefined {
  const n = normalizeName(name);
  return n ? map.find((m) => m.kind === 'name' && normalizeName(m.match) === n) : undefined;
}

export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return (at === -1 ? address : address.slice(at + 1)).trim().toLowerCase().replace(/\.$/, '');
}

function findMapping(address: string, map: readonly AudienceMapping[]): AudienceMapping | undefined {
  const addr = address.trim().toLowerCase();
  const exact = map.find((m) => m.kind !== 'name' && m.match.trim().toLowerCase() === addr);
  if (exact) return exact;
  const domain = domainOf(addr);
  // Longest matching domain wins ("sales.example.jp" over "example.jp").
  let best: AudienceMapping | undefined;
  for (const m of map) {
    const d = m.match.trim().toLowerCase().replace(/^@/, '');
    if (m.kind === 'name' || d.includes('@')) continue;
    if (domain === d || domain.endsWith('.' + d)) {
      if (!best || d.length > best.match.length) best = m;
    }
  }
  return best;
}

/**
 * Resolves the packs for a set of recipients. `common` is always included unless the caller
 * removes it. Region and sector come from the first Japanese mapping that sets them, else the
 * defaults (east, traditional).
 */
export function resolveAudience(
  recipients: readonly Recipient[],
  map: readonly AudienceMapping[] = [],
  defaults: { region: Region; sector: Sector } = { region: 'east', sector: 'traditional' },
): Audience {
  const packs = new Set<Pack>(['common']);
  let region = defaults.region;
  let sector = defaults.sector;
  let regionSet = false;
  const sources: Audience['sources'] = [];
  const unmappedNames: string[] = [];
  const use = (m: AudienceMapping, who: string, via: 'mapping' | 'name'): void => {
    packs.add(m.audience);
    sources.push({ pack: m.audience, address: who, via });
    if (m.audience === 'ja' && !regionSet && (m.region || m.sector)) {
      region = m.region ?? region;
      sector = m.sector ?? sector;
      regionSet = true;
    }
  };
  for (const r of recipients) {
    if (!r.address) {
      // Shown by name only: the user's map of names says who it is, or the user is asked.
      if (!r.name) continue;
      const byName = findNameMapping(r.name, map);
      if (byName) use(byName, r.name, 'name');
      else if (!unmappedNames.some((n) => normalizeName(n) === normalizeName(r.name!))) unmappedNames.push(r.name);
      continue;
    }
    const m = findMapping(r.address, map);
    if (m) use(m, r.address, 'mapping');
    else if (domainOf(r.address).endsWith('.jp')) {
      packs.add('ja');
      sources.push({ pack: 'ja', address: r.address, via: 'tld' });
    } else if (r.name) {
      // An address the map does not know, whose display name the user mapped (e.g. from the
      // badge, before Outlook showed the address).
      const byName = findNameMapping(r.name, map);
      if (byName) use(byName, r.name, 'name');
    }
  }
  const order = PACKS;
  return { packs: order.filter((p) => packs.has(p)), region, sector, sources, unmappedNames };
}
