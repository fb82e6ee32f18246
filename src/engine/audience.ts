/**
 * Audience resolution: recipients → rule packs. `.jp` domains mean Japanese recipients; the
 * user's map of domains and addresses says the rest (Japanese with region and sector, or American).
 */
import type { Pack, Recipient, Region, Sector } from './types';

export interface AudienceMapping {
  /** A domain ("example.co.jp", matches subdomains too) or a full address ("ken@example.com"). */
  match: string;
  audience: 'ja' | 'us';
  region?: Region;
  sector?: Sector;
}

export interface Audience {
  packs: Pack[];
  region: Region;
  sector: Sector;
  /** Why each audience pack is on: the recipient and the mapping or rule that put it there. */
  sources: Array<{ pack: 'ja' | 'us'; address: string; via: 'tld' | 'mapping' }>;
}

export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return (at === -1 ? address : address.slice(at + 1)).trim().toLowerCase().replace(/\.$/, '');
}

function findMapping(address: string, map: readonly AudienceMapping[]): AudienceMapping | undefined {
  const addr = address.trim().toLowerCase();
  const exact = map.find((m) => m.match.trim().toLowerCase() === addr);
  if (exact) return exact;
  const domain = domainOf(addr);
  // Longest matching domain wins ("sales.example.jp" over "example.jp").
  let best: AudienceMapping | undefined;
  for (const m of map) {
    const d = m.match.trim().toLowerCase().replace(/^@/, '');
    if (d.includes('@')) continue;
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
  for (const r of recipients) {
    if (!r.address) continue;
    const m = findMapping(r.address, map);
    if (m) {
      packs.add(m.audience);
      sources.push({ pack: m.audience, address: r.address, via: 'mapping' });
      if (m.audience === 'ja' && !regionSet && (m.region || m.sector)) {
        region = m.region ?? region;
        sector = m.sector ?? sector;
        regionSet = true;
      }
    } else if (domainOf(r.address).endsWith('.jp')) {
      packs.add('ja');
      sources.push({ pack: 'ja', address: r.address, via: 'tld' });
    }
  }
  const order: Pack[] = ['common', 'ja', 'us'];
  return { packs: order.filter((p) => packs.has(p)), region, sector, sources };
}
