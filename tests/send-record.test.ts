/**
 * Recording sends in the first-contact history: only trusted events, once per compose, a
 * per-minute cap in the content script and per tab in the background, and the background's
 * validation of what it stores. The page-side attack (button.click(), dispatched Ctrl+Enter)
 * runs in Chromium: tests/e2e/hostile-page.e2e.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { MinuteBudget, SEND_RECORD_MAX_ADDRESSES, SEND_RECORD_PER_MINUTE, SendRecorder, sendAddresses } from '../src/content/send-record';
import { handleBackgroundMessage, takeRecordBudget, validRecordAddresses } from '../src/background/handlers';
import { historyCount, lookupHistory } from '../src/settings';
import type { Recipient } from '../src/engine/types';

const trusted = { isTrusted: true } as Event;
/** What runtime.onMessage says of a content script in tab `tabId`'s top frame, and of our popup page. */
const fromTab = (tabId: number) => ({ id: fakeBrowser.runtime.id, tab: { id: tabId } as never, frameId: 0, url: 'https://mail.google.com/mail/u/0/' });
const fromPage = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
const untrusted = { isTrusted: false } as Event;
const to = (...addresses: string[]): { recipients: Recipient[] } => ({ recipients: addresses.map((address) => ({ address, field: 'to' as const })) });

beforeEach(() => {
  fakeBrowser.reset();
});

describe('SendRecorder', () => {
  it('records a trusted send once per compose', () => {
    const sent: string[][] = [];
    const r = new SendRecorder((a) => sent.push(a));
    expect(r.record(trusted, 'c1', to('ken@bank.co.jp'))).toBe('recorded');
    expect(r.record(trusted, 'c1', to('other@bank.co.jp'))).toBe('already-recorded');
    expect(r.record(trusted, 'c2', to('amy@acme.com'))).toBe('recorded');
    expect(sent).toEqual([['ken@bank.co.jp'], ['amy@acme.com']]);
    expect(r.hasRecorded('c1')).toBe(true);
  });

  it('ignores untrusted or missing events, and does not use up the compose', () => {
    const sent: string[][] = [];
    const r = new SendRecorder((a) => sent.push(a));
    expect(r.record(untrusted, 'c1', to('forged@evil.example'))).toBe('untrusted');
    expect(r.record(null, 'c1', to('forged@evil.example'))).toBe('untrusted');
    expect(r.record({} as Event, 'c1', to('forged@evil.example'))).toBe('untrusted');
    expect(sent).toEqual([]);
    expect(r.record(trusted, 'c1', to('ken@bank.co.jp'))).toBe('recorded');
  });

  it('leaves Bcc out, and a draft with no recipient records nothing', () => {
    const sent: string[][] = [];
    const r = new SendRecorder((a) => sent.push(a));
    const draft = { recipients: [{ address: 'hidden@x.jp', field: 'bcc' as const }, { address: 'cc@x.jp', field: 'cc' as const }] };
    expect(sendAddresses(draft)).toEqual(['cc@x.jp']);
    expect(r.record(trusted, 'c1', { recipients: [{ address: 'hidden@x.jp', field: 'bcc' }] })).toBe('no-recipients');
    expect(r.hasRecorded('c1')).toBe(false);
  });

  it('caps what one content script records per minute', () => {
    let now = 0;
    const sent: string[][] = [];
    const r = new SendRecorder((a) => sent.push(a), () => now);
    const many = (prefix: string): { recipients: Recipient[] } => to(...Array.from({ length: 200 }, (_, i) => `${prefix}${i}@x.example`));
    expect(r.record(trusted, 'c1', many('a'))).toBe('recorded');
    expect(sent[0]).toHaveLength(Math.min(SEND_RECORD_MAX_ADDRESSES, SEND_RECORD_PER_MINUTE));
    expect(r.record(trusted, 'c2', many('b'))).toBe('rate-limited');
    now += 59_000;
    expect(r.record(trusted, 'c3', many('c'))).toBe('rate-limited');
    now += 2_000;
    expect(r.record(trusted, 'c4', many('d'))).toBe('recorded');
    expect(sent.flat().length).toBeLessThanOrEqual(2 * SEND_RECORD_PER_MINUTE);
  });

  it('never throws when the sender fails', () => {
    const r = new SendRecorder(() => {
      throw new Error('no background');
    });
    expect(r.record(trusted, 'c1', to('ken@bank.co.jp'))).toBe('recorded');
  });

  it('MinuteBudget grants part of a request at the edge', () => {
    const b = new MinuteBudget(10, () => 0);
    expect(b.take(7)).toBe(7);
    expect(b.take(7)).toBe(3);
    expect(b.take(1)).toBe(0);
  });
});

describe('the background checks what it records', () => {
  it('keeps only well-formed addresses, at most the per-send maximum', () => {
    expect(
      validRecordAddresses({ addresses: ['Ken@Bank.co.jp', 'not an address', 'a@b', '<x@y.example>', 42, 'x'.repeat(300) + '@a.example', 'a b@c.example', 'a@c.example\n'] }),
    ).toEqual(['ken@bank.co.jp', 'x@y.example', 'a@c.example']);
    expect(validRecordAddresses({ addresses: Array.from({ length: 500 }, (_, i) => `u${i}@x.example`) })).toHaveLength(SEND_RECORD_MAX_ADDRESSES);
    expect(validRecordAddresses({ addresses: 'ken@bank.co.jp' })).toEqual([]);
    expect(validRecordAddresses({ addresses: ['山田@例え.jp'] })).toEqual(['山田@例え.jp']);
  });

  it('refuses records that come from no tab, and caps each tab per minute', async () => {
    expect(await handleBackgroundMessage({ type: 'history:record', addresses: ['ken@bank.co.jp'] }, fromPage)).toEqual({ ok: false });
    expect(await historyCount()).toBe(0);
    const batch = (p: string): string[] => Array.from({ length: 80 }, (_, i) => `${p}${i}@x.example`);
    expect(await handleBackgroundMessage({ type: 'history:record', addresses: batch('a') }, fromTab(7))).toEqual({ ok: true });
    expect(await handleBackgroundMessage({ type: 'history:record', addresses: batch('b') }, fromTab(7))).toEqual({ ok: true });
    expect(await handleBackgroundMessage({ type: 'history:record', addresses: batch('c') }, fromTab(7))).toEqual({ ok: false });
    expect(await historyCount()).toBe(SEND_RECORD_PER_MINUTE);
    // Another tab has its own minute.
    expect(await handleBackgroundMessage({ type: 'history:record', addresses: ['ken@bank.co.jp'] }, fromTab(8))).toEqual({ ok: true });
    expect(await lookupHistory(['ken@bank.co.jp', 'c0@x.example'])).toEqual({ 'ken@bank.co.jp': true, 'c0@x.example': false });
  });

  it('the per-tab budget frees up after a minute', async () => {
    expect(await takeRecordBudget(1, SEND_RECORD_PER_MINUTE, 1_000)).toBe(SEND_RECORD_PER_MINUTE);
    expect(await takeRecordBudget(1, 5, 30_000)).toBe(0);
    expect(await takeRecordBudget(1, 5, 61_001)).toBe(5);
  });
});
