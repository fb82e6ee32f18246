/**
 * Recording a Send in the first-contact history, in one place.
 *
 * The history decides whether the contract-on-first-contact rule fires, and it holds at most
 * HISTORY_LIMIT hashes: a page that could record sends would both poison it (forged addresses
 * count as "written to") and flush the real history out. So a send is recorded only when
 *   - the event that triggered it is trusted (a real click or key press: `isTrusted`, which a
 *     page script can never set: `button.click()` and `dispatchEvent` make untrusted events);
 *   - this compose has not been recorded yet (once per compose, whatever the user clicks after);
 *   - this content script has recorded fewer than SEND_RECORD_PER_MINUTE addresses in the last
 *     minute (the background keeps the same cap per tab, and validates each address).
 *
 * The send listeners call `SendRecorder.record` with their event; the send-time guard (a
 * "Send anyway" button) calls it with the trusted click on that button.
 */
import type { Draft } from '../engine/types';

/** Addresses one tab may add to the history per minute (a large real mail has ~50 recipients). */
export const SEND_RECORD_PER_MINUTE = 100;
/** Addresses taken from one send (the rest are ignored, not queued). */
export const SEND_RECORD_MAX_ADDRESSES = 100;
const MINUTE_MS = 60_000;

export type SendRecordResult = 'recorded' | 'untrusted' | 'already-recorded' | 'no-recipients' | 'rate-limited';

/** To and Cc only: a Bcc recipient may not know the sender, and is not "written to" openly. */
export function sendAddresses(draft: Pick<Draft, 'recipients'>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of draft.recipients ?? []) {
    if (r.field === 'bcc' || typeof r.address !== 'string') continue;
    const a = r.address.trim().toLowerCase();
    if (!a.includes('@') || seen.has(a)) continue;
    seen.add(a);
    out.push(r.address);
    if (out.length >= SEND_RECORD_MAX_ADDRESSES) break;
  }
  return out;
}

/**
 * A sliding one-minute budget of addresses. Used by the content script (per frame) and by the
 * background (per tab).
 */
export class MinuteBudget {
  private spent: Array<{ at: number; n: number }> = [];

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** How many of `wanted` may go now (0..wanted); the granted ones are counted as spent. */
  take(wanted: number): number {
    const t = this.now();
    this.spent = this.spent.filter((s) => t - s.at < MINUTE_MS);
    const used = this.spent.reduce((sum, s) => sum + s.n, 0);
    const n = Math.max(0, Math.min(wanted, this.perMinute - used));
    if (n > 0) this.spent.push({ at: t, n });
    return n;
  }
}

/** One per content script: remembers which composes were recorded and the minute's budget. */
export class SendRecorder {
  private readonly recorded = new Set<string>();
  private readonly budget: MinuteBudget;

  constructor(
    private readonly send: (addresses: string[]) => void,
    now: () => number = Date.now,
  ) {
    this.budget = new MinuteBudget(SEND_RECORD_PER_MINUTE, now);
  }

  /**
   * Records the recipients of `draft` as written to, if `trigger` is a trusted user event and
   * this compose was not recorded before. Never throws (a send must go out whatever happens here).
   */
  record(trigger: Event | null | undefined, composeId: string, draft: Pick<Draft, 'recipients'>): SendRecordResult {
    if (!trigger || trigger.isTrusted !== true) return 'untrusted';
    if (this.recorded.has(composeId)) return 'already-recorded';
    const addresses = sendAddresses(draft);
    if (addresses.length === 0) return 'no-recipients';
    const n = this.budget.take(addresses.length);
    if (n === 0) return 'rate-limited';
    this.recorded.add(composeId);
    try {
      this.send(addresses.slice(0, n));
    } catch {
      // Recording history must never stop the mail from going out.
    }
    return 'recorded';
  }

  /** Whether this compose's send was recorded (tests, the send-time guard). */
  hasRecorded(composeId: string): boolean {
    return this.recorded.has(composeId);
  }
}
