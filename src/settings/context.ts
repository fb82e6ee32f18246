/**
 * Settings + a draft's recipients → the AnalysisContext the engine takes, and the audience the
 * popup shows (which packs, why, and whether the user set them for this draft).
 */
import { resolveAudience, type Audience } from '../engine/audience';
import { PACKS, type AnalysisContext, type FirstContactSetting, type Lang, type Pack, type Recipient, type Region, type Sector } from '../engine/types';
import { resolveLanguage } from '../i18n';
import type { PackMode, Settings } from './types';

/** The audience chosen by the user for one draft in the popup (draft:set-audience). */
export interface AudienceOverride {
  packs: Pack[];
  region: Region;
  sector: Sector;
}

export interface ResolvedAudience {
  packs: Pack[];
  region: Region;
  sector: Sector;
  /** 'auto': from recipients and the options; 'user': set for this draft in the popup. */
  source: 'auto' | 'user';
  sources: Audience['sources'];
  /** Name-only recipients that the map does not cover (the badge asks for their audience). */
  unmappedNames: string[];
}

export interface ContextOptions {
  /** The draft's audience set in the popup, if any. */
  audienceOverride?: AudienceOverride | null;
  /** The popup's first-contact override for this draft. */
  firstContact?: FirstContactSetting;
  /** From historyChecker(await lookupHistory(addresses)). */
  hasWrittenTo?: (address: string) => boolean | undefined;
  /** The browser UI language (browser.i18n.getUILanguage()); used when settings say 'auto'. */
  browserLanguage?: string;
  /** Forces the language (e.g. the popup resolved it already). */
  lang?: Lang;
}

function packOn(mode: PackMode, fromRecipients: boolean): boolean {
  return mode === 'always' || (mode === 'auto' && fromRecipients);
}

/** Which packs are on for these recipients, and why. */
export function resolveDraftAudience(
  settings: Settings,
  recipients: readonly Recipient[],
  override?: AudienceOverride | null,
): ResolvedAudience {
  const resolved = resolveAudience(recipients, settings.audienceMap, {
    region: settings.defaultRegion,
    sector: settings.defaultSector,
  });
  if (override) {
    const order = PACKS;
    return {
      packs: order.filter((p) => override.packs.includes(p)),
      region: override.region,
      sector: override.sector,
      source: 'user',
      sources: resolved.sources,
      unmappedNames: resolved.unmappedNames,
    };
  }
  const packs: Pack[] = [];
  if (settings.packs.common) packs.push('common');
  if (packOn(settings.packs.ja, resolved.packs.includes('ja'))) packs.push('ja');
  if (packOn(settings.packs.us, resolved.packs.includes('us'))) packs.push('us');
  return { packs, region: resolved.region, sector: resolved.sector, source: 'auto', sources: resolved.sources, unmappedNames: resolved.unmappedNames };
}

/** The engine's context for one draft. */
export function buildAnalysisContext(
  settings: Settings,
  recipients: readonly Recipient[],
  opts: ContextOptions = {},
): { context: AnalysisContext; audience: ResolvedAudience } {
  const audience = resolveDraftAudience(settings, recipients, opts.audienceOverride);
  const context: AnalysisContext = {
    packs: audience.packs,
    region: audience.region,
    sector: audience.sector,
    firstContact: opts.firstContact ?? 'auto',
    disabledRules: [...settings.disabledRules],
    lang: opts.lang ?? resolveLanguage(settings.language, opts.browserLanguage),
    severityOverrides: { ...settings.severityOverrides },
    userPhrases: settings.userPhrases.map((p) => ({ ...p })),
    ...(opts.hasWrittenTo ? { hasWrittenTo: opts.hasWrittenTo } : {}),
  };
  return { context, audience };
}

/** Whether the extension runs on this host name (the user can turn it off per site). */
export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  const host = hostname.toLowerCase();
  return !settings.disabledSites.some((s) => host === s || host.endsWith('.' + s));
}
