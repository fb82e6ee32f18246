import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Finding } from '../src/engine/types';
import { hasWrittenTo } from '../src/settings';
import { BADGE_COLORS, badgeText, handleBackgroundRequest, isBackgroundRequest, rememberTabHost, forgetTab } from '../src/ui/background-handlers';
import { groupFindings, shortExcerpt, worstSeverity } from '../src/ui/findings';
import { normalizeHost, normalizeMatch } from '../src/ui/options';

beforeEach(() => {
  fakeBrowser.reset();
});

const finding = (ruleId: string, severity: Finding['severity'], start: number): Finding => ({
  ruleId,
  pack: 'common',
  severity,
  message: `${ruleId} at ${start}`,
  rationale: '',
  target: 'body',
  start,
  end: start + 1,
  excerpt: 'x',
});

describe('popup grouping', () => {
  it('groups by rule, most severe first, then the larger group, then the earlier one', () => {
    const groups = groupFindings([
      finding('common/shouting', 'warning', 50),
      finding('ja/pressure', 'warning', 10),
      finding('ja/humor', 'info', 0),
      finding('ja/pressure', 'warning', 30),
      finding('ja/contract-on-first-contact', 'error', 90),
      finding('common/exclamation-overuse', 'warning', 5),
    ]);
    expect(groups.map((g) => [g.ruleId, g.items.map((i) => i.index)])).toEqual([
      ['ja/contract-on-first-contact', [4]],
      ['ja/pressure', [1, 3]],
      ['common/exclamation-overuse', [5]],
      ['common/shouting', [0]],
      ['ja/humor', [2]],
    ]);
  });

  it('a group takes the worst severity of its findings', () => {
    const [g] = groupFindings([finding('ja/humor', 'info', 0), finding('ja/humor', 'warning', 9)]);
    expect(g!.severity).toBe('warning');
    expect(worstSeverity([finding('a/b', 'info', 0), finding('a/c', 'error', 1)])).toBe('error');
    expect(worstSeverity([])).toBeNull();
  });

  it('shortens long excerpts on one line', () => {
    expect(shortExcerpt('a\n\n  b')).toBe('a b');
    expect(shortExcerpt('x'.repeat(100), 10)).toBe('xxxxxxxxx…');
  });
});

describe('background', () => {
  it('recognises its own messages only', () => {
    expect(isBackgroundRequest({ type: 'badge:update', count: 1, maxSeverity: 'info' })).toBe(true);
    expect(isBackgroundRequest({ type: 'summary:get' })).toBe(false);
    expect(isBackgroundRequest(null)).toBe(false);
  });

  it('sets the badge text and colour of the sending tab', async () => {
    const text = vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined);
    const color = vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined);
    expect(await handleBackgroundRequest({ type: 'badge:update', count: 3, maxSeverity: 'error' }, 7)).toEqual({ ok: true });
    expect(text).toHaveBeenCalledWith({ tabId: 7, text: '3' });
    expect(color).toHaveBeenCalledWith({ tabId: 7, color: BADGE_COLORS.error });
    await handleBackgroundRequest({ type: 'badge:update', count: 0, maxSeverity: null }, 7);
    expect(text).toHaveBeenLastCalledWith({ tabId: 7, text: '' });
    expect(color).toHaveBeenCalledTimes(1);
    expect(await handleBackgroundRequest({ type: 'badge:update', count: 2, maxSeverity: 'info' }, undefined)).toEqual({ ok: false });
  });

  it('badge text fits in four characters', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(42)).toBe('42');
    expect(badgeText(120)).toBe('99+');
  });

  it('records and checks first-contact history', async () => {
    await handleBackgroundRequest({ type: 'history:record', addresses: ['ken@bank.co.jp'] }, 3);
    expect(await hasWrittenTo('ken@bank.co.jp')).toBe(true);
    expect(await handleBackgroundRequest({ type: 'history:check', addresses: ['ken@bank.co.jp', 'amy@acme.com'] }, 3)).toEqual({
      'ken@bank.co.jp': true,
      'amy@acme.com': false,
    });
  });

  it('remembers the host of each tab from its content script, and forgets closed tabs', async () => {
    await rememberTabHost(5, 'https://mail.google.com/mail/u/0/#inbox');
    await rememberTabHost(6, 'chrome://extensions');
    expect(await handleBackgroundRequest({ type: 'tab:host', tabId: 5 }, undefined)).toEqual({ host: 'mail.google.com' });
    expect(await handleBackgroundRequest({ type: 'tab:host', tabId: 6 }, undefined)).toEqual({ host: null });
    await forgetTab(5);
    expect(await handleBackgroundRequest({ type: 'tab:host', tabId: 5 }, undefined)).toEqual({ host: null });
  });
});

describe('options input normalisation', () => {
  it('recipients: trims, lower-cases, drops a leading @', () => {
    expect(normalizeMatch('  @Bank.CO.jp ')).toBe('bank.co.jp');
    expect(normalizeMatch('Ken@Example.com')).toBe('ken@example.com');
  });
  it('sites: keeps the host name of a pasted address', () => {
    expect(normalizeHost('https://Mail.Example.com/inbox?x=1')).toBe('mail.example.com');
    expect(normalizeHost('*.example.org')).toBe('example.org');
    expect(normalizeHost('webmail.example.net/compose')).toBe('webmail.example.net');
  });
});
