/**
 * Whether a subject marks a reply or a forward, in the prefixes mail clients write in many
 * languages: Re:, RE[2]:, Fw:, Fwd: (English), AW:, WG: (German), TR: (French), SV:, VS:
 * (Nordic), Antw: (Dutch), R:, RIF: (Italian), RES:, ENC: (Portuguese), 返信:, 転送: (Japanese),
 * with the full-width colon Japanese keyboards type. The one definition for the engine, the CLI
 * and the webmail adapters; a module of its own, with no imports, so the page-load script can
 * carry it without the engine.
 */
// One optional bracket counter, bounded; bounded spaces, so no two runs of \s compete (recheck).
const REPLY_SUBJECT = /^\s{0,10}(?:re|fw|fwd|aw|wg|tr|sv|vs|antw|rif|r|res|enc|返信|転送)\s{0,3}(?:\[\d{1,3}\]\s{0,3})?[:：]/i;

export function isReplySubject(subject: string | undefined): boolean {
  return !!subject && REPLY_SUBJECT.test(subject);
}
