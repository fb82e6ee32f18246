/**
 * Gmail (mail.google.com): New Message dialogs, pop-out and full-screen composes, inline
 * replies in the thread view; several at once, each its own session.
 */
import type { Attachment, Recipient, RecipientField } from '../engine/types';
import { ContentEditableSession, addRecipient, dedupeAttachments, isReplySubject, labelText, parseAddress, parseSize, type ComposeParts } from './session';
import { adapterForHost } from './hosts';
import { climbTo, closestOf, defineSiteAdapter, isEditingHost, saysScheduleSend, saysSend, type SiteAdapter } from './site';

/**
 * Every selector the Gmail adapter uses. Class names are Gmail's minified ones: they last for
 * years but do change, so each has an attribute-based sibling or a fallback, and a compose that
 * no longer matches is handed to the generic adapter (index.ts) instead of half-read.
 * "2020 capture" = ../shared/fixtures/webmail/gmail-compose-new-message-2020.html;
 * "README" = the notes in that folder on today's UI, gathered from public extensions (2021–2025).
 */
export const GMAIL = {
  /**
   * The body editor. role=textbox + contenteditable: 2020 capture (div.Am.Al.editable) and
   * README for today. g_editable is Gmail's own marker (2020 capture), kept as a second way in
   * case the ARIA role changes. The aria-label ("Message Body") is translated: not used.
   */
  editor: 'div[contenteditable="true"][role="textbox"], div[contenteditable="true"][g_editable="true"]',
  /**
   * The compose window, most specific first: the New Message / pop-out / full-screen dialog
   * (div.nH.Hd[role=dialog] in the 2020 capture, [role=dialog] in the README); the inline reply
   * box of the thread view (.ip.adB, public extensions 2023–2025); the wrapper both share around
   * the form and the editor (.M9 in the 2020 capture); the compose region (.aoI, 2020 capture).
   */
  containers: ['[role="dialog"]', '.ip.adB', '.M9', '.aoI'],
  /** Subject field: input[name=subjectbox] since the 2011 compose (2020 capture, README). */
  subject: 'input[name="subjectbox"]',
  /**
   * The To/Cc/Bcc fields: textareas named to/cc/bcc in the older UI (2020 capture), elements
   * named to/cc/bcc around the chip listbox today (README). Either way the name is the field.
   */
  recipientFields: '[name="to"], [name="cc"], [name="bcc"]',
  toField: '[name="to"]',
  /**
   * Recipient chips (since 2021): [role=option][data-name], address in data-hovercard-id
   * (README; InboxSDK src/platform-implementation-js/dom-driver/gmail/views/gmail-compose-view/
   * page-parser.ts: `.anm[name=to] [role=listbox] [role=option][data-name]`). Some builds drop
   * the role: any [data-hovercard-id] inside the To/Cc/Bcc field is a chip too.
   */
  chip: '[role="option"][data-hovercard-id], [name="to"] [data-hovercard-id], [name="cc"] [data-hovercard-id], [name="bcc"] [data-hovercard-id]',
  /** Older chips: a hidden input "Name <address>" inside each .vR chip (README). */
  oldChipInput: '.vR > input[type="hidden"]',
  /**
   * Older chips, and the collapsed compose's one-line summary of its recipients: elements
   * carrying the address in an `email` attribute (README). Read only when the compose has no
   * chip: an expanded compose shows both, and the summary would count each recipient twice.
   */
  emailSpan: '[email]',
  oldChipSpan: '.vR [email]',
  /** Attachment chips: div.dL, file name in div.vI, size "(245K)" in div.vJ (README). */
  attachment: 'div.dL',
  attachmentName: 'div.vI',
  attachmentSize: 'div.vJ',
  /** Quoted earlier messages in the editor: gmail_quote, older gmail_extra (README; Gmail's sent HTML). */
  quote: '.gmail_quote, .gmail_extra',
  /**
   * The signature Gmail inserts: div.gmail_signature (README) with data-smartmail, and the
   * "-- " prefix span before it (Gmail's sent HTML). Not the writer's new words.
   */
  signature: '.gmail_signature, .gmail_signature_prefix, [data-smartmail="gmail_signature"]',
  /** Send carries class aoO in the 2020 capture (T-I J-J5-Ji aoO v7 T-I-atl L3). */
  sendClass: '.aoO',
  /**
   * The compose's bottom toolbar row (tr.btC, 2020 capture): its first cell starts with Send in
   * every language, followed by the "More send options" arrow (which has aria-haspopup).
   */
  toolbarCell: 'tr.btC > td',
  /** The thread's subject heading in the thread view (h2.hP; public extensions 2019–2025). */
  threadSubject: 'h2.hP',
  /**
   * "Show trimmed content" (div.ajR, 2020 capture, hidden there): shown in a reply whose quoted
   * thread Gmail keeps out of the editor.
   */
  trimmedContent: '.ajR',
} as const;

function fieldName(el: Element): RecipientField | null {
  const n = el.getAttribute('name');
  return n === 'to' || n === 'cc' || n === 'bcc' ? n : null;
}

/** Which of To/Cc/Bcc a chip belongs to: its nearest named field, or the row holding one. */
function fieldOf(el: Element, container: Element): RecipientField {
  for (let a: Element | null = el; a && a !== container; a = a.parentElement) {
    const own = fieldName(a);
    if (own) return own;
    const named = new Set<RecipientField>();
    for (const f of a.querySelectorAll(GMAIL.recipientFields)) {
      const n = fieldName(f);
      if (n) named.add(n);
    }
    if (named.size === 1) return [...named][0] as RecipientField;
    if (named.size > 1) break;
  }
  return 'to';
}

function isGmailSend(target: Element): boolean {
  const button = target.closest('[role="button"]');
  if (!button) return false;
  if (button.matches(GMAIL.sendClass)) return true;
  if (button.getAttribute('aria-haspopup') === 'true') return false;
  if (saysSend(button.getAttribute('data-tooltip')) || saysSend(button.getAttribute('aria-label'))) return true;
  // Position: the first plain button of the first cell of the compose toolbar.
  const cell = button.closest(GMAIL.toolbarCell);
  return !!cell && cell === cell.parentElement?.firstElementChild && cell.querySelector('[role="button"]:not([aria-haspopup="true"])') === button;
}

function findSend(container: Element): Element | null {
  for (const b of container.querySelectorAll('[role="button"]')) if (isGmailSend(b)) return b;
  return null;
}

/** Send, then "Send & archive" (a second Send button) and "Schedule send" when shown in the compose. */
function sendButtonsIn(container: Element): HTMLElement[] {
  const main: HTMLElement[] = [];
  const variants: HTMLElement[] = [];
  for (const b of container.querySelectorAll<HTMLElement>('[role="button"], button, [role="menuitem"]')) {
    if (b.closest('[contenteditable="true"]')) continue;
    if (b.matches('[role="button"]') && isGmailSend(b)) main.push(b);
    else {
      const label = b.getAttribute('data-tooltip') || b.getAttribute('aria-label') || b.textContent;
      if (b.getAttribute('aria-haspopup') !== 'true' && saysScheduleSend(label)) variants.push(b);
    }
  }
  return [...main, ...variants];
}

/** The Send button(s) of a Gmail compose window (for callers holding only the container). */
export function gmailSendButtons(container: Element): HTMLElement[] {
  return sendButtonsIn(container);
}

function readRecipients(container: Element, editor: HTMLElement): Recipient[] {
  const list: Recipient[] = [];
  const outsideEditor = (el: Element): boolean => !editor.contains(el);
  for (const chip of container.querySelectorAll(GMAIL.chip)) {
    if (!outsideEditor(chip)) continue;
    const parsed = parseAddress(chip.getAttribute('data-hovercard-id'));
    if (!parsed) continue;
    const name = chip.getAttribute('data-name')?.trim();
    addRecipient(list, fieldOf(chip, container), parsed.address, name && name.toLowerCase() !== parsed.address ? name : undefined);
  }
  for (const input of container.querySelectorAll<HTMLInputElement>(GMAIL.oldChipInput)) {
    const parsed = parseAddress(input.value);
    if (parsed) addRecipient(list, fieldName(input) ?? fieldOf(input, container), parsed.address, parsed.name);
  }
  const fromSpan = (span: Element): void => {
    if (!outsideEditor(span)) return;
    const parsed = parseAddress(span.getAttribute('email'));
    if (!parsed) return;
    const name = span.getAttribute('name')?.trim() || labelText(span);
    addRecipient(list, fieldOf(span, container), parsed.address, name && name.toLowerCase() !== parsed.address ? name : undefined);
  };
  // Older chips carry the address on a span inside the chip: those are chips.
  for (const span of container.querySelectorAll(GMAIL.oldChipSpan)) fromSpan(span);
  // The collapsed compose's summary only when there is no chip (it repeats every chip).
  if (list.length === 0) for (const span of container.querySelectorAll(GMAIL.emailSpan)) fromSpan(span);
  return list;
}

function readAttachments(container: Element, editor: HTMLElement): Attachment[] {
  const list: Attachment[] = [];
  for (const chip of container.querySelectorAll(GMAIL.attachment)) {
    if (editor.contains(chip)) continue;
    const name = labelText(chip.querySelector(GMAIL.attachmentName));
    if (!name) continue;
    const size = parseSize(labelText(chip.querySelector(GMAIL.attachmentSize)));
    list.push(size === undefined ? { name } : { name, size });
  }
  return dedupeAttachments(list);
}

function visible(el: Element | null): boolean {
  return !!el && (el as HTMLElement).style.display !== 'none' && !(el as HTMLElement).hidden;
}

function gmailParts(editor: HTMLElement, container: HTMLElement): ComposeParts {
  const doc = editor.ownerDocument;
  return {
    adapter: 'gmail',
    editor,
    container,
    textOptions: () => ({ quoteSelector: GMAIL.quote, skipSelector: GMAIL.signature }),
    readMeta(model) {
      const subjectInput = container.querySelector<HTMLInputElement>(GMAIL.subject);
      // An inline reply sits in the thread view, outside any dialog, under the thread's subject.
      const threadHeading = doc.querySelector(GMAIL.threadSubject);
      const inline = !editor.closest('[role="dialog"]') && threadHeading !== null;
      let subject = subjectInput?.value.trim() ?? '';
      if (!subject && inline) subject = labelText(threadHeading);
      const quotedInEditor = model.quoted !== '' || editor.querySelector(GMAIL.quote) !== null;
      const trimmed = [...container.querySelectorAll(GMAIL.trimmedContent)].some(visible);
      const isReply = inline || quotedInEditor || trimmed || isReplySubject(subject);
      return {
        ...(subject ? { subject } : {}),
        recipients: readRecipients(container, editor),
        attachments: readAttachments(container, editor),
        isReply,
        ...(model.quoted ? { quoted: model.quoted } : {}),
      };
    },
    isSendControl: (target) => container.contains(target) && isGmailSend(target),
    sendButton: () => findSend(container),
    sendButtons: () => sendButtonsIn(container),
    watchSelector: [GMAIL.recipientFields, GMAIL.chip, '.vR', GMAIL.emailSpan, GMAIL.subject, GMAIL.attachment].join(', '),
  };
}

export const gmailAdapter: SiteAdapter = defineSiteAdapter({
  name: 'gmail',
  matches: (location) => adapterForHost(location.hostname) === 'gmail',
  editors: (root) => [...root.querySelectorAll<HTMLElement>(GMAIL.editor)].filter(isEditingHost),
  inspect(editor) {
    const container = closestOf(editor, GMAIL.containers) ?? climbTo(editor, GMAIL.subject, GMAIL.editor);
    const missing: string[] = [];
    if (!container) missing.push('compose window');
    else {
      if (!container.querySelector(GMAIL.subject)) missing.push('subject');
      if (!container.querySelector(GMAIL.toField)) missing.push('recipients');
      if (!findSend(container)) missing.push('send button');
    }
    return { container, missing };
  },
  session: (editor, container) => new ContentEditableSession(gmailParts(editor, container)),
});
