/**
 * The parts of the webmail adapters that need no DOM: address, size and subject parsing, the
 * Send label test, and which adapters a host gets. The text model, ranges, Apply and the
 * degradation to the generic adapter run in the real browser: tests/e2e/adapters.e2e.ts.
 */
import { describe, expect, it } from 'vitest';
import { detectAdapters } from '../src/webmail/index';
import { addNameOnlyRecipient, addRecipient, isReplySubject, parseAddress, parseSize } from '../src/webmail/session';
import { pageHostname } from '../src/content/frame';
import { saysSend } from '../src/webmail/site';
import type { Recipient } from '../src/engine/types';

describe('parseAddress', () => {
  it.each([
    ['Hiroki Endo <h.endo@tanaka-shoji.co.jp>', { address: 'h.endo@tanaka-shoji.co.jp', name: 'Hiroki Endo' }],
    ['"Endo, Hiroki" <H.Endo@Tanaka-Shoji.co.jp>', { address: 'h.endo@tanaka-shoji.co.jp', name: 'Endo, Hiroki' }],
    ['h.endo@tanaka-shoji.co.jp', { address: 'h.endo@tanaka-shoji.co.jp' }],
    ['Yuki Tanaka y.tanaka@sakura-bank.co.jp', { address: 'y.tanaka@sakura-bank.co.jp', name: 'Yuki Tanaka' }],
    ['遠藤 博樹 <endo@example.jp>', { address: 'endo@example.jp', name: '遠藤 博樹' }],
  ])('%s', (text, expected) => {
    expect(parseAddress(text)).toEqual(expected);
  });

  it('is null without an address', () => {
    expect(parseAddress('Hiroki Endo')).toBeNull();
    expect(parseAddress('')).toBeNull();
    expect(parseAddress(null)).toBeNull();
  });

  it('stays linear on hostile input', () => {
    const t = performance.now();
    parseAddress(`${' '.repeat(50_000)}x${'@'.repeat(50_000)}`);
    parseAddress(`${'a'.repeat(100_000)}@`);
    expect(performance.now() - t).toBeLessThan(500);
  });
});

describe('addRecipient', () => {
  it('keeps one entry per field and address', () => {
    const list: Recipient[] = [];
    addRecipient(list, 'to', 'A@x.jp', 'A');
    addRecipient(list, 'to', 'a@x.jp');
    addRecipient(list, 'cc', 'a@x.jp');
    expect(list).toEqual([
      { address: 'a@x.jp', name: 'A', field: 'to' },
      { address: 'a@x.jp', field: 'cc' },
    ]);
  });
});

describe('parseSize', () => {
  it.each([
    ['(245K)', 245 * 1024],
    ['84 KB', 84 * 1024],
    ['1.2 MB', Math.round(1.2 * 1024 * 1024)],
    ['1,5 Mo', Math.round(1.5 * 1024 * 1024)],
    ['12 bytes', 12],
    ['3 GB', 3 * 1024 ** 3],
  ])('%s', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });
  it('is undefined when there is no number', () => {
    expect(parseSize('')).toBeUndefined();
    expect(parseSize('unknown')).toBeUndefined();
  });
});

describe('isReplySubject', () => {
  it.each(['Re: Q3', 'RE: Q3', 'Fwd: deck', 'FW: deck', 'AW: Angebot', 'WG: Angebot', 'TR: offre', 'Re[2]: Q3', '返信: 見積', '転送：資料', '  re : spaced'])(
    'reply: %s',
    (s) => expect(isReplySubject(s)).toBe(true),
  );
  it.each(['Reference check', 'Regarding the NDA', 'Forward planning', 'Q3 forecast', '', undefined])('not a reply: %s', (s) =>
    expect(isReplySubject(s)).toBe(false),
  );
});

describe('saysSend', () => {
  it.each(['Send', 'Send \u202a(Ctrl-Enter)\u202c', 'Envoyer (Ctrl+Entrée)', 'Senden', '送信 (Ctrl+Enter)', 'send'])('Send: %s', (l) =>
    expect(saysSend(l)).toBe(true),
  );
  it.each(['Sending…', 'Sender', 'More send options', 'Save & close', '', null])('not Send: %s', (l) => expect(saysSend(l)).toBe(false));
});

describe('detectAdapters', () => {
  it.each([
    ['mail.google.com', ['gmail', 'generic']],
    ['outlook.cloud.microsoft', ['outlook', 'generic']],
    ['OUTLOOK.CLOUD.MICROSOFT', ['outlook', 'generic']],
    ['outlook.office.com', ['outlook', 'generic']],
    ['outlook.office365.com', ['outlook', 'generic']],
    ['outlook.live.com', ['outlook', 'generic']],
    ['mail.google.com.evil.example', ['generic']],
    ['outlook.cloud.microsoft.evil.example', ['generic']],
    ['evil-outlook.cloud.microsoft', ['generic']],
    ['portal.example.jp', ['generic']],
  ])('%s', (hostname, names) => {
    expect(detectAdapters({ hostname }).map((a) => a.name)).toEqual(names);
  });
});

describe('addNameOnlyRecipient', () => {
  it('keeps a recipient shown by name only once per field, with an empty address', () => {
    const list: Recipient[] = [];
    addNameOnlyRecipient(list, 'to', '  Hiroki   Endo ');
    addNameOnlyRecipient(list, 'to', 'hiroki endo');
    addNameOnlyRecipient(list, 'cc', 'Hiroki Endo');
    expect(list).toEqual([
      { address: '', name: 'Hiroki Endo', field: 'to' },
      { address: '', name: 'Hiroki Endo', field: 'cc' },
    ]);
  });

  it('takes no empty names, no addresses, and cuts very long ones', () => {
    const list: Recipient[] = [];
    addNameOnlyRecipient(list, 'to', '   ');
    addNameOnlyRecipient(list, 'to', 'ken@example.com');
    addNameOnlyRecipient(list, 'to', 'x'.repeat(500));
    expect(list).toEqual([{ address: '', name: 'x'.repeat(128), field: 'to' }]);
  });
});

describe('pageHostname', () => {
  it('is the host of a normal page', () => {
    expect(pageHostname({ hostname: 'outlook.cloud.microsoft', protocol: 'https:' }, 'https://outlook.cloud.microsoft')).toBe('outlook.cloud.microsoft');
  });

  it("is the creator's host in a frame the page created (about:blank inherits the origin)", () => {
    expect(pageHostname({ hostname: '', protocol: 'about:' }, 'https://outlook.cloud.microsoft')).toBe('outlook.cloud.microsoft');
    expect(pageHostname({ hostname: '', protocol: 'about:' }, 'null')).toBe('');
    expect(pageHostname({ hostname: '', protocol: 'file:' }, 'null')).toBe('');
  });
});
