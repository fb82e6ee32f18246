/**
 * Outlook on the web (outlook.cloud.microsoft, outlook.office.com, outlook.office365.com,
 * outlook.live.com: src/webmail/hosts.ts): new messages, pop-outs (also when the page renders
 * them into a frame it created: the content script runs there too), full-page drafts and
 * inline replies in the reading pane, in any UI language.
 */
import type { Attachment, Recipient, RecipientField } from '../engine/types';
import { adapterForHost } from './hosts';
import { personaAddress, watchPersonaCards } from './outlook-persona';
import {
  ContentEditableSession,
  addNameOnlyRecipient,
  addRecipient,
  dedupeAttachments,
  isReplySubject,
  labelText,
  parseAddress,
  parseSize,
  type ComposeParts,
} from './session';
import { defineSiteAdapter, isEditingHost, saysScheduleSend, saysSend, type SiteAdapter } from './site';

/**
 * Every selector the Outlook adapter uses. Outlook's class names are generated per build (and
 * Fluent's shared ones, e.g. the split button's, are on the ribbon's New mail button too), so
 * everything here is ids, attributes and ARIA, and structure comes before label text: labels
 * are translated. Sources: "README" = ../shared/fixtures/webmail/README.md; "automation
 * scripts" = public Selenium/Robot/Puppeteer scripts driving Outlook on the web 2023–2025
 * (XPaths rooted at #docking_InitVisiblePart_0, subject under it, body in #editorParent_1);
 * "Mailvelope" = mailvelope/mailvelope src/content-scripts/outlookIntegration.js (2025:
 * language-agnostic lookups by data-icon-name and ids, not labels); "Briskine" =
 * Briskine/briskine src/content/plugins/outlook.js (pill text "Name <address>").
 */
export const OUTLOOK = {
  /**
   * Body candidates: contenteditable + role=textbox (README). The recipient wells are
   * contenteditable textboxes too, so a candidate must also pass isBody() below.
   */
  editorCandidate: 'div[contenteditable="true"][role="textbox"]',
  /**
   * Labels of the body in the languages seen ("Message body, press Alt+F10 to exit" and its
   * translations): a tie-breaker only; the body is recognised by structure (isBody).
   */
  bodyLabels: ['message body', 'corps du message', 'nachrichtentext', 'cuerpo del mensaje', 'corpo del messaggio', 'corpo da mensagem', 'berichttekst', 'メッセージ本文', '邮件正文', '郵件內文', '메시지 본문'],
  /**
   * The signature editor (Settings > Signatures, and the signature box some builds show in the
   * compose) is a multi-line contenteditable textbox too ("Signature, press Alt+F10 to exit"):
   * never the body.
   */
  signatureLabels: ['signature', 'signatur', 'firma', 'assinatura', 'handtekening', '署名', '签名', '簽名', '서명'],
  signatureEditor: '[id*="signature" i], [data-testid*="signature" i]',
  /**
   * Compose forms, any of them: data-app-section="ComposeForm" (README); the docked compose,
   * pop-out and full-page draft #docking_InitVisiblePart_<n> (automation scripts; _0 for the
   * first, _1… for more); data-app-section="Form_Content" (the form's content area on current
   * builds); a labelled dialog. The nearest one holding a Send button is the compose window.
   */
  containers: ['[data-app-section="ComposeForm"]', '[id*="docking_InitVisiblePart"]', '[data-app-section="Form_Content"]', '[role="dialog"][aria-label]'],
  /**
   * Subject, by structure first: current builds give it the id MSG_<draft id>_SUBJECT
   * (automation scripts); else a single-line text input of the compose form, before the body,
   * that is not a recipient well's (subjectFallback). Labels as a last way (README).
   */
  subjectById: 'input[id^="MSG_"][id$="_SUBJECT"]',
  subjectByLabel: 'input[aria-label="Add a subject" i], input[placeholder="Add a subject" i], input[aria-label="Subject" i], input[aria-label="件名を追加"], input[aria-label="件名"], input[aria-label="Ajouter un objet" i], input[aria-label="Betreff hinzufügen" i]',
  /** Inputs that are never the subject: the wells' search boxes, pickers, hidden fields. */
  notSubject: '[role="combobox"], [aria-autocomplete], [type="hidden"], [type="file"], [type="checkbox"], [type="radio"], [type="search"]',
  /**
   * Send: aria-label "Send" / title "Send (Ctrl+Enter)" (README; translated labels go through
   * saysSend()), button[name=Send], data-testid ComposeSendButton (public extensions 2024).
   * Never a Fluent class: the ribbon's New mail button shares the split-button classes.
   */
  send: 'button[name="Send"], button[aria-label="Send" i], [data-testid="ComposeSendButton"]',
  /**
   * Recipient pills carry data-lpc-hover-target-id (README), an internal id, not an address. A
   * pill showing a name only gets its address from the persona card when that card is open
   * (src/webmail/outlook-persona.ts).
   */
  pill: '[data-lpc-hover-target-id]',
  /**
   * The pill's aria-label "Opens card for <Name>" (+ presence, e.g. ", Available"): the prefix
   * in the languages seen, stripped to get the name when the pill has no text.
   */
  pillLabelPrefixes: ['opens card for ', 'open card for ', 'ouvre la carte de ', 'öffnet die karte für ', 'abre la tarjeta de '],
  /** The To/Cc/Bcc wells: contenteditable divs labelled with the field (public extensions). */
  wellLabels: { to: 'to', cc: 'cc', bcc: 'bcc', 宛先: 'to', à: 'to', an: 'to', para: 'to', cci: 'bcc', cco: 'bcc' } as Record<string, RecipientField>,
  /**
   * Attachments of this draft: the cards [data-testid="AttachmentCard"] (current builds), the
   * older well [aria-label="Attachments"] (README) and its translations, with list items.
   */
  attachmentCard: '[data-testid="AttachmentCard"]',
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
  /**
   * Earlier messages shown in the conversation next to an inline reply (their attachments are
   * not this draft's): the message body UniqueMessageBody_<n> and role=document (Mailvelope).
   */
  earlierMessage: '[id^="UniqueMessageBody"], [role="document"], [aria-label="Email message" i]',
} as const;

const lower = (s: string | null | undefined): string => (s ?? '').trim().toLowerCase();

function isRecipientWell(el: Element): boolean {
  return lower(el.getAttribute('aria-label')) in OUTLOOK.wellLabels || el.querySelector(OUTLOOK.pill) !== null;
}

function isSignatureEditor(el: HTMLElement): boolean {
  const label = lower(el.getAttribute('aria-label'));
  return OUTLOOK.signatureLabels.some((l) => label.startsWith(l)) || el.matches(OUTLOOK.signatureEditor);
}

function isOutlookSend(target: Element): boolean {
  const button = target.closest('button, [role="button"]');
  if (!button) return false;
  if (button.matches(OUTLOOK.send)) return true;
  const popup = button.getAttribute('aria-haspopup');
  if (popup === 'true' || popup === 'menu') return false;
  return saysSend(button.getAttribute('aria-label')) || saysSend(button.getAttribute('title'));
}

function isSendVariant(el: Element): boolean {
  if (el.getAttribute('aria-haspopup') === 'true' || el.getAttribute('aria-haspopup') === 'menu') return false;
  return saysScheduleSend(el.getAttribute('aria-label')) || saysScheduleSend(el.getAttribute('title')) || saysScheduleSend(el.textContent);
}

function sendButtonsIn(container: Element): HTMLElement[] {
  const main: HTMLElement[] = [];
  const variants: HTMLElement[] = [];
  for (const b of container.querySelectorAll<HTMLElement>('button, [role="button"], [role="menuitem"]')) {
    if (b.closest('[contenteditable="true"]')) continue;
    if (b.matches('button, [role="button"]') && isOutlookSend(b)) main.push(b);
    else if (isSendVariant(b)) variants.push(b);
  }
  return [...main, ...variants];
}

/** The compose's main Send button (not a variant, not a menu toggle), or null. */
function findSend(container: Element): Element | null {
  for (const b of container.querySelectorAll('button, [role="button"]')) if (!b.closest('[contenteditable="true"]') && isOutlookSend(b)) return b;
  return null;
}

function hasSend(container: Element): boolean {
  return findSend(container) !== null;
}

/**
 * The compose window of `editor`: the nearest known compose form that holds a Send button
 * (forms nest: Form_Content inside the docked part, which holds the toolbar), else the nearest
 * known form (reported as lacking Send), else the nearest ancestor holding a Send button that
 * holds no other body editor (a compose whose form markers changed).
 */
function composeOf(editor: HTMLElement): HTMLElement | null {
  const selector = OUTLOOK.containers.join(', ');
  let nearest: HTMLElement | null = null;
  for (let a = editor.parentElement?.closest<HTMLElement>(selector) ?? null; a; a = a.parentElement?.closest<HTMLElement>(selector) ?? null) {
    nearest ??= a;
    if (hasSend(a)) return a;
  }
  // No known form holds a Send button: the nearest ancestor that does (and holds no other
  // compose's body: a thread with several replies), else the nearest form, reported incomplete.
  let node = editor.parentElement;
  for (let i = 0; node && i < 15; i++, node = node.parentElement) {
    if ([...node.querySelectorAll<HTMLElement>(OUTLOOK.editorCandidate)].some((e) => e !== editor && isEditingHost(e) && isBody(e))) break;
    if (hasSend(node)) return node;
  }
  return nearest;
}

/**
 * The body, by structure: a multi-line contenteditable textbox (role=textbox, aria-multiline
 * not false) that is neither a recipient well nor the signature editor, inside a compose form
 * or next to a Send button. A known body label also makes it the body (a compose whose form
 * changed is then still found, and handed to the generic adapter with a warning).
 */
function isBody(el: HTMLElement): boolean {
  if (isSignatureEditor(el) || isRecipientWell(el)) return false;
  const label = lower(el.getAttribute('aria-label'));
  if (OUTLOOK.bodyLabels.some((l) => label.startsWith(l))) return true;
  if (el.getAttribute('aria-multiline') !== 'true') return false;
  if (el.closest(OUTLOOK.containers.join(', '))) return true;
  for (let node = el.parentElement, i = 0; node && i < 15; i++, node = node.parentElement) if (hasSend(node)) return true;
  return false;
}

/** Every body editor under `root` (outermost editing hosts only). */
function bodies(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(OUTLOOK.editorCandidate)].filter((el) => isEditingHost(el) && isBody(el));
}

/**
 * The subject input of a compose: MSG_<id>_SUBJECT; else the single-line text input of the
 * form that comes before the body and belongs to no recipient well (the only such field in
 * Outlook's compose, whatever its label says); else a known label.
 */
function findSubject(container: Element, editor: HTMLElement): HTMLInputElement | null {
  const byId = container.querySelector<HTMLInputElement>(OUTLOOK.subjectById);
  if (byId) return byId;
  const candidates = [...container.querySelectorAll<HTMLInputElement>('input')].filter(
    (i) =>
      (i.type === 'text' || i.type === '') &&
      !i.matches(OUTLOOK.notSubject) &&
      !editor.contains(i) &&
      !i.closest('[contenteditable="true"], [data-lpc-hover-target-id]') &&
      (editor.compareDocumentPosition(i) & Node.DOCUMENT_POSITION_PRECEDING) !== 0,
  );
  if (candidates.length === 1) return candidates[0]!;
  return container.querySelector<HTMLInputElement>(OUTLOOK.subjectByLabel) ?? (candidates.length > 0 ? candidates[candidates.length - 1]! : null);
}

function fieldOf(pill: Element): RecipientField {
  for (let a: Element | null = pill.parentElement; a; a = a.parentElement) {
    const field = OUTLOOK.wellLabels[lower(a.getAttribute('aria-label'))];
    if (field) return field;
  }
  return 'to';
}

/** "Opens card for Hiroki Endo, Available" → "Hiroki Endo" (the pill shows no text). */
function nameFromPillLabel(label: string | null): string {
  let l = (label ?? '').trim();
  const low = l.toLowerCase();
  const prefix = OUTLOOK.pillLabelPrefixes.find((p) => low.startsWith(p));
  if (prefix) l = l.slice(prefix.length);
  // Presence ("Available", "Away", "Busy") follows the name after a comma.
  const comma = l.indexOf(',');
  return (comma === -1 ? l : l.slice(0, comma)).trim();
}

function readRecipients(container: Element, editor: HTMLElement): Recipient[] {
  const list: Recipient[] = [];
  for (const pill of container.querySelectorAll(OUTLOOK.pill)) {
    // @mentions in the body are pills too; they are not recipients.
    if (editor.contains(pill)) continue;
    // A pill nested in another pill (name span inside the button) is the same recipient.
    if (pill.parentElement?.closest(OUTLOOK.pill)) continue;
    const text = labelText(pill);
    // The address wherever this pill has it: its text "Name <address>" (Briskine), title, label.
    const parsed = parseAddress(text) ?? parseAddress(pill.getAttribute('title')) ?? parseAddress(pill.getAttribute('aria-label')) ?? parseAddress(pill.getAttribute('data-lpc-hover-target-id'));
    const name = parsed?.name ?? (text && !text.includes('@') ? text : nameFromPillLabel(pill.getAttribute('aria-label')));
    const field = fieldOf(pill);
    if (parsed) addRecipient(list, field, parsed.address, name || undefined);
    else if (name) {
      // The persona card, when it is (or was) open on this name, shows the address.
      const fromCard = personaAddress(container.ownerDocument, name);
      if (fromCard) addRecipient(list, field, fromCard, name);
      else addNameOnlyRecipient(list, field, name);
    }
  }
  return list;
}

function attachmentOf(item: Element): Attachment | null {
  const titled = item.matches('[title]') ? item : item.querySelector('[title]');
  const name = (titled?.getAttribute('title') ?? '').trim() || labelText(item.firstElementChild) || labelText(item);
  if (!name) return null;
  // The size is the rest of the card's text ("245 KB"); drop the name first, it may hold digits.
  const size = parseSize(labelText(item).replace(name, ''));
  return size === undefined ? { name } : { name, size };
}

function readAttachments(container: Element, editor: HTMLElement): Attachment[] {
  const list: Attachment[] = [];
  // Not this draft's: in the body (an inline image's card), or an earlier message's in the thread.
  const foreign = (el: Element): boolean => editor.contains(el) || el.closest(OUTLOOK.earlierMessage) !== null;
  for (const card of container.querySelectorAll(OUTLOOK.attachmentCard)) {
    if (foreign(card)) continue;
    const a = attachmentOf(card);
    if (a) list.push(a);
  }
  for (const well of container.querySelectorAll(OUTLOOK.attachments)) {
    if (foreign(well)) continue;
    const items = well.querySelectorAll(OUTLOOK.attachmentItem);
    for (const item of items.length ? items : well.children) {
      if (item.matches(OUTLOOK.attachmentCard) || item.closest(OUTLOOK.attachmentCard)) continue;
      const a = attachmentOf(item);
      if (a) list.push(a);
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
      const subject = findSubject(container, editor)?.value.trim() ?? '';
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
    sendButtons: () => sendButtonsIn(container),
    watchSelector: [OUTLOOK.pill, 'input', OUTLOOK.attachments, OUTLOOK.attachmentCard, '[contenteditable="true"][aria-label]'].join(', '),
    watchOutside: (onChange) => watchPersonaCards(container.ownerDocument, onChange),
  };
}

/** The Send button(s) of an Outlook compose window (for callers holding only the container). */
export function outlookSendButtons(container: Element): HTMLElement[] {
  return sendButtonsIn(container);
}

export const outlookAdapter: SiteAdapter = defineSiteAdapter({
  name: 'outlook',
  matches: (location) => adapterForHost(location.hostname) === 'outlook',
  editors: bodies,
  inspect(editor) {
    const container = composeOf(editor);
    const missing: string[] = [];
    if (!container) missing.push('compose window');
    else {
      if (!hasSend(container)) missing.push('send button');
      // A new message has a subject field; a reply in the reading pane may not, but then it
      // has the earlier message's header in its body or sits in the conversation.
      const replyContext = editor.querySelector(OUTLOOK.replyMarkers) !== null || container.closest(OUTLOOK.conversation) !== null;
      if (!replyContext && !findSubject(container, editor)) missing.push('subject');
    }
    return { container, missing };
  },
  session: (editor, container) => new ContentEditableSession(outlookParts(editor, container)),
});
