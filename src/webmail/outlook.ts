/**
 * Outlook on the web (outlook.office.com, outlook.office365.com, outlook.live.com): new
 * messages, pop-outs and replies in the reading pane.
 */
import type { Attachment, Recipient, RecipientField } from '../engine/types';
import { ContentEditableSession, addRecipient, dedupeAttachments, isReplySubject, labelText, parseAddress, parseSize, type ComposeParts } from './session';
import { climbTo, closestOf, defineSiteAdapter, isEditingHost, saysSend, type SiteAdapter } from './site';

/**
 * Every selector the Outlook adapter uses. Outlook's class names are generated per build, so
 * everything here is attributes, ids and ARIA. "README" = ../shared/fixtures/webmail/README.md
 * (today's UI, from public extensions 2022–2025); "public extensions" = selectors several
 * open-source Outlook add-ons rely on (checked 2025).
 */
export const OUTLOOK = {
  /**
   * Body candidates: contenteditable + role=textbox (README). The recipient wells are
   * contenteditable textboxes too, so a candidate must also pass isBody() below.
   */
  editorCandidate: 'div[contenteditable="true"][role="textbox"]',
  /**
   * The body's aria-label starts with "Message body" ("Message body, press Alt+F10 to exit"),
   * translated (README). The reading pane uses the same label with role=region: the candidate
   * selector above already requires contenteditable.
   */
  bodyLabels: ['message body', 'corps du message', 'nachrichtentext', 'cuerpo del mensaje', 'corpo del messaggio', 'corpo da mensagem', 'berichttekst', 'メッセージ本文', '邮件正文', '메시지 본문'],
  /**
   * The compose form, most specific first: data-app-section="ComposeForm" (public extensions),
   * the docked pop-out (#docking_InitVisiblePart_0, public extensions), a labelled dialog.
   * Otherwise: the nearest ancestor holding the Send button.
   */
  containers: ['[data-app-section="ComposeForm"]', '#docking_InitVisiblePart_0', '[role="dialog"][aria-label]'],
  /** Subject: input aria-label "Add a subject" (README), translated; placeholder as a second way. */
  subject: 'input[aria-label="Add a subject" i], input[placeholder="Add a subject" i], input[aria-label="件名を追加"], input[aria-label="Ajouter un objet" i], input[aria-label="Betreff hinzufügen" i]',
  /**
   * Send: button[name=Send] or aria-label "Send" (README); data-testid ComposeSendButton
   * (public extensions, 2024). Translated labels go through saysSend().
   */
  send: 'button[name="Send"], button[aria-label="Send" i], [data-testid="ComposeSendButton"]',
  /** Recipient pills carry data-lpc-hover-target-id (README); the address sits in title/aria-label. */
  pill: '[data-lpc-hover-target-id]',
  /** The To/Cc/Bcc wells: contenteditable divs labelled with the field (public extensions). */
  wellLabels: { to: 'to', cc: 'cc', bcc: 'bcc', 宛先: 'to', à: 'to', an: 'to', para: 'to', cci: 'bcc', cco: 'bcc' } as Record<string, RecipientField>,
  /** The attachment well: [aria-label="Attachments"] (README) and its translations. */
  attachments: '[aria-label="Attachments" i], [aria-label="添付ファイル"], [aria-label="Pièces jointes" i], [aria-label="Anhänge" i]',
  attachmentItem: '[role="listitem"], [role="option"]',
  /**
   * Where the earlier message starts in a reply's body: #appendonsend (the marker before the
   * separator), #divRplyFwdMsg (the From/Sent/To header block) (README), and the reference
   * message container of the new Outlook (public extensions). It and all that follows is quoted.
   */
  replyMarkers: '#appendonsend, #divRplyFwdMsg, #mail-editor-reference-message-container',
  /** The signature Outlook inserts: div#Signature (Outlook's sent HTML). */
  signature: '#Signature, #signature',
  /** A reply in the reading pane shows no subject field: these say the compose is in a thread. */
  conversation: '[data-app-section="ConversationContainer"], [aria-label="Reading Pane"], [data-app-section="ReadingPaneContainer"]',
} as const;

function isRecipientWell(el: Element): boolean {
  const label = (el.getAttribute('aria-label') ?? '').trim().toLowerCase();
  return label in OUTLOOK.wellLabels || el.querySelector(OUTLOOK.pill) !== null;
}

function isBody(el: HTMLElement): boolean {
  const label = (el.getAttribute('aria-label') ?? '').trim().toLowerCase();
  if (OUTLOOK.bodyLabels.some((l) => label.startsWith(l))) return true;
  // An unknown language: the one editable textbox of a compose form that is not a well.
  return label !== '' && !isRecipientWell(el) && closestOf(el, OUTLOOK.containers) !== null && el.getAttribute('aria-multiline') !== 'false';
}

function isOutlookSend(target: Element): boolean {
  const button = target.closest('button, [role="button"]');
  if (!button) return false;
  if (button.matches(OUTLOOK.send)) return true;
  if (button.getAttribute('aria-haspopup') === 'true' || button.getAttribute('aria-haspopup') === 'menu') return false;
  return saysSend(button.getAttribute('aria-label')) || saysSend(button.getAttribute('title'));
}

function findSend(container: Element): Element | null {
  for (const b of container.querySelectorAll('button, [role="button"]')) if (isOutlookSend(b)) return b;
  return null;
}

function fieldOf(pill: Element): RecipientField {
  for (let a: Element | null = pill.parentElement; a; a = a.parentElement) {
    const label = (a.getAttribute('aria-label') ?? '').trim().toLowerCase();
    const field = OUTLOOK.wellLabels[label];
    if (field) return field;
  }
  return 'to';
}

function readRecipients(container: Element, editor: HTMLElement): Recipient[] {
  const list: Recipient[] = [];
  for (const pill of container.querySelectorAll(OUTLOOK.pill)) {
    // @mentions in the body are pills too; they are not recipients.
    if (editor.contains(pill)) continue;
    const name = labelText(pill);
    const parsed =
      parseAddress(pill.getAttribute('data-lpc-hover-target-id')) ??
      parseAddress(pill.getAttribute('title')) ??
      parseAddress(pill.getAttribute('aria-label')) ??
      parseAddress(name);
    if (!parsed) continue;
    const display = parsed.name ?? (name && !name.includes('@') ? name : undefined);
    addRecipient(list, fieldOf(pill), parsed.address, display);
  }
  return list;
}

function readAttachments(container: Element, editor: HTMLElement): Attachment[] {
  const list: Attachment[] = [];
  for (const well of container.querySelectorAll(OUTLOOK.attachments)) {
    if (editor.contains(well)) continue;
    const items = well.querySelectorAll(OUTLOOK.attachmentItem);
    for (const item of items.length ? items : well.children) {
      const titled = item.matches('[title]') ? item : item.querySelector('[title]');
      const name = (titled?.getAttribute('title') ?? '').trim() || labelText(item.firstElementChild);
      if (!name) continue;
      // The size is the rest of the card's text ("245 KB"); drop the name first, it may hold digits.
      const size = parseSize(labelText(item).replace(name, ''));
      list.push(size === undefined ? { name } : { name, size });
    }
  }
  return dedupeAttachments(list);
}

function outlookParts(editor: HTMLElement, container: HTMLElement): ComposeParts {
  return {
    adapter: 'outlook',
    editor,
    container,
    textOptions: () => ({ quoteFrom: editor.querySelector(OUTLOOK.replyMarkers), skipSelector: OUTLOOK.signature }),
    readMeta(model) {
      const subject = container.querySelector<HTMLInputElement>(OUTLOOK.subject)?.value.trim() ?? '';
      const marker = editor.querySelector(OUTLOOK.replyMarkers) !== null;
      const inThread = container.closest(OUTLOOK.conversation) !== null;
      return {
        ...(subject ? { subject } : {}),
        recipients: readRecipients(container, editor),
        attachments: readAttachments(container, editor),
        isReply: marker || inThread || isReplySubject(subject),
        ...(model.quoted ? { quoted: model.quoted } : {}),
      };
    },
    isSendControl: (target) => container.contains(target) && isOutlookSend(target),
    sendButton: () => findSend(container),
    watchSelector: [OUTLOOK.pill, OUTLOOK.subject, OUTLOOK.attachments, '[contenteditable="true"][aria-label]'].join(', '),
  };
}

const HOSTS = new Set(['outlook.office.com', 'outlook.office365.com', 'outlook.live.com']);

export const outlookAdapter: SiteAdapter = defineSiteAdapter({
  name: 'outlook',
  matches: (location) => HOSTS.has(location.hostname),
  editors: (root) => [...root.querySelectorAll<HTMLElement>(OUTLOOK.editorCandidate)].filter((el) => isEditingHost(el) && isBody(el)),
  inspect(editor) {
    const container = closestOf(editor, OUTLOOK.containers) ?? climbTo(editor, OUTLOOK.send, OUTLOOK.editorCandidate);
    const missing: string[] = [];
    if (!container) missing.push('compose window');
    else {
      if (!findSend(container)) missing.push('send button');
      // A new message has a subject field; a reply in the reading pane may not, but then it
      // has the earlier message's header in its body or sits in the conversation.
      const replyContext = editor.querySelector(OUTLOOK.replyMarkers) !== null || container.closest(OUTLOOK.conversation) !== null;
      if (!replyContext && !container.querySelector(OUTLOOK.subject)) missing.push('subject');
    }
    return { container, missing };
  },
  session: (editor, container) => new ContentEditableSession(outlookParts(editor, container)),
});
