/**
 * Any other editor: a contenteditable element or a textarea on a site the user turned
 * Nemawashi on for, and the fallback when Gmail or Outlook no longer look as expected.
 * It reads the body (and a subject or To field when the page has plainly named ones).
 */
import type { Recipient, RecipientField } from '../engine/types';
import { ContentEditableSession, TextareaSession, addRecipient, isReplySubject, parseAddress, type ComposeParts } from './session';
import { closestOf, isEditingHost, saysSend } from './site';
import type { ComposeSession, WebmailAdapter } from './types';

/** Selectors of the generic adapter: standard HTML and ARIA, no site's private names. */
export const GENERIC = {
  /** Every kind of editor the browser offers (contenteditable="" means true). */
  contentEditable: '[contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]',
  textarea: 'textarea',
  /** Single-line widgets built on contenteditable (tag inputs, search boxes, address wells). */
  notAnEditor: '[role="combobox"], [role="searchbox"], [aria-multiline="false"], [aria-readonly="true"]',
  /** Labels of fields that are not a message body, whatever the widget. */
  fieldLabels: ['to', 'cc', 'bcc', 'subject', 'search', 'from'] as readonly string[],
  /** The form or window around an editor, for the badge and for subject/To lookups. */
  containers: ['form', '[role="dialog"]', '[role="region"]', 'article', 'section'],
  /**
   * Quoted mail in rich editors: Thunderbird, Apple Mail and Roundcube put the earlier
   * message in a blockquote type=cite (their HTML replies, checked 2025).
   */
  quote: 'blockquote[type="cite"]',
  /** A plainly named subject field in the same form (Gmail's subjectbox included). */
  subject: 'input[name*="subject" i], input[id*="subject" i], input[aria-label*="subject" i]',
  /** Plainly named address fields in the same form. */
  addressFields: 'input[name="to" i], input[name="cc" i], input[name="bcc" i], textarea[name="to" i], textarea[name="cc" i], textarea[name="bcc" i]',
  /** A form's submit button, or a button labelled Send. */
  send: 'button, input[type="submit"], [role="button"]',
} as const;

export interface GenericScanOptions {
  /**
   * Whether textareas count. On Gmail and Outlook they are address or hidden plain-text fields,
   * so the fallback there only takes contenteditable editors.
   */
  textareas?: boolean;
}

function isCandidate(el: HTMLElement): boolean {
  if (el.matches(GENERIC.notAnEditor)) return false;
  const label = (el.getAttribute('aria-label') ?? el.getAttribute('name') ?? '').trim().toLowerCase();
  if (GENERIC.fieldLabels.includes(label)) return false;
  if (el instanceof HTMLTextAreaElement) {
    if (el.disabled || el.readOnly) return false;
  } else if (!isEditingHost(el)) {
    return false;
  }
  // Not rendered (display:none, detached templates): nothing to underline, nobody typing.
  return el.getClientRects().length > 0;
}

function readAddresses(container: Element): Recipient[] {
  const list: Recipient[] = [];
  for (const field of container.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(GENERIC.addressFields)) {
    const name = (field.getAttribute('name') ?? '').toLowerCase() as RecipientField;
    for (const part of field.value.split(/[,;]/)) {
      const parsed = parseAddress(part);
      if (parsed) addRecipient(list, name, parsed.address, parsed.name);
    }
  }
  return list;
}

function isSubmitLike(target: Element, container: Element): boolean {
  const button = target.closest(GENERIC.send);
  if (!button || !container.contains(button)) return false;
  if (button instanceof HTMLButtonElement && button.type === 'submit' && button.form) return true;
  if (button instanceof HTMLInputElement) return button.type === 'submit';
  return saysSend(button.getAttribute('aria-label')) || saysSend(button.textContent);
}

function genericParts(editor: HTMLElement, container: HTMLElement): ComposeParts {
  return {
    adapter: 'generic',
    editor,
    container,
    textOptions: () => ({ quoteSelector: GENERIC.quote }),
    readMeta(model) {
      const subject = container === editor ? '' : (container.querySelector<HTMLInputElement>(GENERIC.subject)?.value.trim() ?? '');
      const recipients = container === editor ? [] : readAddresses(container);
      return {
        ...(subject ? { subject } : {}),
        ...(recipients.length ? { recipients } : {}),
        isReply: model.quoted !== '' || isReplySubject(subject),
        ...(model.quoted ? { quoted: model.quoted } : {}),
      };
    },
    isSendControl: (target) => isSubmitLike(target, container),
    watchSelector: `${GENERIC.subject}, ${GENERIC.addressFields}`,
  };
}

/** A generic session for one editor, inside `container` when the caller knows the window. */
export function createGenericSession(editor: HTMLElement, container?: HTMLElement | null): ComposeSession {
  const box = container ?? closestOf(editor, GENERIC.containers) ?? editor.parentElement ?? editor;
  const parts = genericParts(editor, box);
  return editor instanceof HTMLTextAreaElement ? new TextareaSession(parts) : new ContentEditableSession(parts);
}

/** The editors of a page, outermost editing hosts only, in document order. */
export function findGenericEditors(root: ParentNode, known: ReadonlySet<HTMLElement>, options: GenericScanOptions = {}): HTMLElement[] {
  const selector = options.textareas === false ? GENERIC.contentEditable : `${GENERIC.contentEditable}, ${GENERIC.textarea}`;
  return [...root.querySelectorAll<HTMLElement>(selector)].filter((el) => !known.has(el) && isCandidate(el));
}

export interface GenericAdapter extends WebmailAdapter {
  findComposes(root: ParentNode, known: ReadonlySet<HTMLElement>, options?: GenericScanOptions): ComposeSession[];
}

export const genericAdapter: GenericAdapter = {
  name: 'generic',
  // The content script only runs where the user granted the site; any page may have an editor.
  matches: () => true,
  findComposes(root: ParentNode, known: ReadonlySet<HTMLElement>, options: GenericScanOptions = {}) {
    try {
      return findGenericEditors(root, known, options).map((editor) => createGenericSession(editor));
    } catch {
      return [];
    }
  },
};
