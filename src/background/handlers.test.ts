import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Browser } from 'wxt/browser';
import { hasWrittenTo, historyCount } from '../settings';
import { senderOf } from '../messages';
import { ALLOWED_SENDER, BADGE_COLORS, badgeText, forgetTab, handleBackgroundMessage, rememberTabHost } from './handlers';

beforeEach(() => {
  fakeBrowser.reset();
});

type MessageSender = Browser.runtime.MessageSender;
/** A content script in a tab's frame, on a webmail page. */
const fromTab = (tabId: number, frameId = 0, url = 'https://mail.google.com/mail/u/0/'): MessageSender => ({
  id: fakeBrowser.runtime.id,
  tab: { id: tabId } as MessageSender['tab'],
  frameId,
  url,
});
/** Our popup, opened from the toolbar (no tab) or as a page in a tab of its own (end-to-end tests). */
const fromPopup: MessageSender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
const fromPopupTab: MessageSender = { ...fromTab(9), url: fakeBrowser.runtime.getURL('/popup.html?tab=5') };

describe('who sent a message (senderOf)', () => {
  it('a content script is its tab and frame; our pages are pages wherever they are open', () => {
    expect(senderOf(fromTab(7, 3))).toEqual({ kind: 'content', tabId: 7, frameId: 3, url: 'https://mail.google.com/mail/u/0/' });
    expect(senderOf(fromPopup)).toEqual({ kind: 'page' });
    expect(senderOf(fromPopupTab)).toEqual({ kind: 'page' });
    expect(senderOf({ id: fakeBrowser.runtime.id })).toEqual({ kind: 'page' });
  });

  it('another extension, a tab without an id or a frame, is nobody', () => {
    expect(senderOf({ ...fromTab(7), id: 'another-extension' })).toBeNull();
    expect(senderOf({ ...fromPopup, id: 'another-extension' })).toBeNull();
    expect(senderOf({ id: fakeBrowser.runtime.id, tab: {} as MessageSender['tab'], frameId: 0, url: 'https://x.example/' })).toBeNull();
    expect(senderOf({ id: fakeBrowser.runtime.id, tab: { id: 4 } as MessageSender['tab'], url: 'https://x.example/' })).toBeNull();
  });
});

describe('background', () => {
  it('answers only its own messages', () => {
    expect(handleBackgroundMessage({ type: 'summary:get' }, fromPopup)).toBeUndefined();
    expect(handleBackgroundMessage({ type: 'history:check', addresses: ['a@b.example'] }, fromTab(1))).toBeUndefined();
    expect(handleBackgroundMessage(null, fromTab(1))).toBeUndefined();
    expect(handleBackgroundMessage('badge:update', fromTab(1))).toBeUndefined();
  });

  it('refuses each message from a sender that may not send it, before any handler runs', async () => {
    const text = vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined);
    expect(ALLOWED_SENDER).toEqual({ 'badge:update': 'content', 'history:record': 'content', 'engine:load': 'content', 'tab:host': 'page' });
    expect(await handleBackgroundMessage({ type: 'badge:update', count: 2, maxSeverity: 'info' }, fromPopup)).toEqual({ ok: false });
    expect(await handleBackgroundMessage({ type: 'badge:update', count: 2, maxSeverity: 'info' }, { ...fromTab(7), id: 'other' })).toEqual({ ok: false });
    expect(text).not.toHaveBeenCalled();
    expect(await handleBackgroundMessage({ type: 'history:record', addresses: ['ken@bank.co.jp'] }, fromPopupTab)).toEqual({ ok: false });
    expect(await historyCount()).toBe(0);
    expect(await handleBackgroundMessage({ type: 'engine:load' }, fromPopup)).toEqual({ ok: false });
    await rememberTabHost(5, 'https://mail.google.com/');
    // A content script cannot read which site another tab is on.
    expect(await handleBackgroundMessage({ type: 'tab:host', tabId: 5 }, fromTab(6))).toEqual({ ok: false });
  });

  it('sets the badge text and colour of the sending tab', async () => {
    const text = vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined);
    const color = vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined);
    expect(await handleBackgroundMessage({ type: 'badge:update', count: 3, maxSeverity: 'error' }, fromTab(7))).toEqual({ ok: true });
    expect(text).toHaveBeenCalledWith({ tabId: 7, text: '3' });
    expect(color).toHaveBeenCalledWith({ tabId: 7, color: BADGE_COLORS.error });
    await handleBackgroundMessage({ type: 'badge:update', count: 0, maxSeverity: null }, fromTab(7));
    expect(text).toHaveBeenLastCalledWith({ tabId: 7, text: '' });
    expect(color).toHaveBeenCalledTimes(1);
  });

  it('badge text fits in four characters', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(42)).toBe('42');
    expect(badgeText(120)).toBe('99+');
  });

  it('records first-contact history from a content script', async () => {
    expect(await handleBackgroundMessage({ type: 'history:record', addresses: ['ken@bank.co.jp'] }, fromTab(3))).toEqual({ ok: true });
    expect(await hasWrittenTo('ken@bank.co.jp')).toBe(true);
  });

  it('remembers the host of each tab from its top frame, tells the popup, and forgets closed tabs', async () => {
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined);
    await handleBackgroundMessage({ type: 'badge:update', count: 0, maxSeverity: null }, fromTab(5));
    await handleBackgroundMessage({ type: 'badge:update', count: 0, maxSeverity: null }, fromTab(8, 2, 'https://frame.example/'));
    await rememberTabHost(6, 'chrome://extensions');
    expect(await handleBackgroundMessage({ type: 'tab:host', tabId: 5 }, fromPopup)).toEqual({ host: 'mail.google.com' });
    expect(await handleBackgroundMessage({ type: 'tab:host', tabId: 6 }, fromPopup)).toEqual({ host: null });
    expect(await handleBackgroundMessage({ type: 'tab:host', tabId: 8 }, fromPopupTab)).toEqual({ host: null });
    await forgetTab(5);
    expect(await handleBackgroundMessage({ type: 'tab:host', tabId: 5 }, fromPopup)).toEqual({ host: null });
  });
});
