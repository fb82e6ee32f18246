/**
 * The adapter for Nemawashi's own demo compose page (demo/index.html, served on localhost by
 * `npm start`). It reads the page's plain markup (recipient chips with `data-address`,
 * `input[name=subject]`, attachment chips with `data-name`) so the demo shows the whole flow
 * (audience from recipients, attachment findings, first contact) without pretending to be Gmail.
 *
 * Only compose windows explicitly marked `[data-nemawashi-demo]` are taken, so this adapter never
 * claims an editor on any other page.
 */
import type { Attachment, Recipient, RecipientField } from '../engine/types';
import { ContentEditableSession, type ComposeParts } from '../webmail/session';
import type { ComposeSession } from '../webmail/types';

/** The demo page's markup; kept together so the page and the adapter change together. */
export const DEMO_SELECTORS = {
  compose: '[data-nemawashi-demo]',
  editor: '[contenteditable="true"][role="textbox"]',
  recipient: '[data-field] [data-address]',
  subject: 'input[name="subject"]',
  attachment: '[data-attachment-name]',
  send: 'button[data-action="send"]',
  /** Quoted earlier message and signature inside the editor (as Gmail marks them). */
  quote: '.demo-quote',
  signature: '.demo-signature',
} as const;

function readRecipients(container: HTMLElement): Recipient[] {
  const out: Recipient[] = [];
  for (const chip of container.querySelectorAll<HTMLElement>(DEMO_SELECTORS.recipient)) {
    const field = chip.closest<HTMLElement>('[data-field]')?.dataset.field;
    const address = chip.dataset.address?.trim();
    if (!address || (field !== 'to' && field !== 'cc' && field !== 'bcc')) continue;
    const name = chip.dataset.name?.trim();
    out.push({ address, field: field as RecipientField, ...(name ? { name } : {}) });
  }
  return out;
}

function readAttachments(container: HTMLElement): Attachment[] {
  return [...container.querySelectorAll<HTMLElement>(DEMO_SELECTORS.attachment)].map((el) => {
    const size = Number(el.dataset.attachmentSize);
    return { name: el.dataset.attachmentName ?? '', ...(Number.isFinite(size) && size > 0 ? { size } : {}) };
  });
}

/**
 * Where the demo page keeps each part of a draft. Reading, Apply, change and Send listeners
 * are the webmail sessions' own (src/webmail/session.ts), as on Gmail and Outlook.
 */
export function demoParts(container: HTMLElement, editor: HTMLElement): ComposeParts {
  return {
    // The demo is not a webmail the popup should name.
    adapter: 'generic',
    editor,
    container,
    textOptions: () => ({ quoteSelector: DEMO_SELECTORS.quote, skipSelector: DEMO_SELECTORS.signature }),
    readMeta: (model) => ({
      subject: container.querySelector<HTMLInputElement>(DEMO_SELECTORS.subject)?.value ?? '',
      recipients: readRecipients(container),
      attachments: readAttachments(container),
      isReply: container.dataset.reply === 'true',
      ...(model.quoted ? { quoted: model.quoted } : {}),
    }),
    isSendControl: (target) => {
      const button = target.closest(DEMO_SELECTORS.send);
      return button !== null && container.contains(button);
    },
    // The chips' field rows, the subject and the attachment list.
    watchSelector: `[data-field], ${DEMO_SELECTORS.subject}, ${DEMO_SELECTORS.attachment}`,
  };
}

/** Demo compose windows under `root` whose editor is not yet in `known`. */
export function findDemoComposes(root: ParentNode, known: ReadonlySet<HTMLElement>): ComposeSession[] {
  const out: ComposeSession[] = [];
  for (const container of root.querySelectorAll<HTMLElement>(DEMO_SELECTORS.compose)) {
    const editor = container.querySelector<HTMLElement>(DEMO_SELECTORS.editor);
    if (!editor || known.has(editor)) continue;
    out.push(new ContentEditableSession(demoParts(container, editor)));
  }
  return out;
}
