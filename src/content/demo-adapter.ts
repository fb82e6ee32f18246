/**
 * The adapter for Nemawashi's own demo compose page (demo/index.html, served on localhost by
 * `npm start`). It reads the page's plain markup (recipient chips with `data-address`,
 * `input[name=subject]`, attachment chips with `data-name`) so the demo shows the whole flow
 * (audience from recipients, attachment findings, first contact) without pretending to be Gmail.
 *
 * Only compose windows explicitly marked `[data-nemawashi-demo]` are taken, so this adapter never
 * claims an editor on any other page.
 */
import type { Attachment, Draft, Recipient, RecipientField } from '../engine/types';
import { buildTextModel } from '../webmail/text-model';
import type { ComposeSession, DraftSnapshot } from '../webmail/types';

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

let counter = 0;

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

export class DemoComposeSession implements ComposeSession {
  readonly id = `demo-${++counter}`;
  readonly adapter = 'generic' as const;
  private readonly cleanups: Array<() => void> = [];

  constructor(
    readonly container: HTMLElement,
    readonly editor: HTMLElement,
  ) {}

  read(): DraftSnapshot {
    const model = buildTextModel(this.editor, {
      quoteSelector: DEMO_SELECTORS.quote,
      skipSelector: DEMO_SELECTORS.signature,
    });
    const subject = this.container.querySelector<HTMLInputElement>(DEMO_SELECTORS.subject)?.value ?? '';
    const draft: Draft = {
      body: model.body,
      subject,
      recipients: readRecipients(this.container),
      attachments: readAttachments(this.container),
      isReply: this.container.dataset.reply === 'true',
      ...(model.quoted ? { quoted: model.quoted } : {}),
    };
    return { draft, rangeFor: (s, e) => model.rangeFor(s, e) };
  }

  apply(start: number, end: number, expected: string, text: string): boolean {
    const model = buildTextModel(this.editor, { quoteSelector: DEMO_SELECTORS.quote, skipSelector: DEMO_SELECTORS.signature });
    if (model.body.slice(start, end) !== expected) return false;
    const range = model.rangeFor(start, end);
    if (!range) return false;
    this.editor.focus({ preventScroll: true });
    const sel = this.editor.ownerDocument.getSelection();
    if (!sel) return false;
    sel.removeAllRanges();
    sel.addRange(range);
    // execCommand('insertText') goes through the editor's input path: beforeinput/input fire and
    // the browser's undo stack records it, so Ctrl+Z restores the exact previous DOM.
    return this.editor.ownerDocument.execCommand('insertText', false, text);
  }

  onChange(cb: () => void): () => void {
    // The body, chips and attachment list are DOM; the subject is an input's value.
    const mo = new MutationObserver(() => cb());
    mo.observe(this.container, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-address'] });
    const onInput = (): void => cb();
    this.container.addEventListener('input', onInput);
    const off = (): void => {
      mo.disconnect();
      this.container.removeEventListener('input', onInput);
    };
    this.cleanups.push(off);
    return off;
  }

  onSend(cb: (draft: Draft) => void): () => void {
    const onClick = (e: Event): void => {
      const target = e.target instanceof Element ? e.target.closest(DEMO_SELECTORS.send) : null;
      if (target && this.container.contains(target)) cb(this.read().draft);
    };
    // Capture: the page's own handler may clear or close the compose after sending.
    this.container.addEventListener('click', onClick, true);
    const off = (): void => this.container.removeEventListener('click', onClick, true);
    this.cleanups.push(off);
    return off;
  }

  isAlive(): boolean {
    return this.editor.isConnected && this.container.isConnected;
  }

  dispose(): void {
    for (const off of this.cleanups.splice(0)) off();
  }
}

/** Demo compose windows under `root` whose editor is not yet in `known`. */
export function findDemoComposes(root: ParentNode, known: ReadonlySet<HTMLElement>): ComposeSession[] {
  const out: ComposeSession[] = [];
  for (const container of root.querySelectorAll<HTMLElement>(DEMO_SELECTORS.compose)) {
    const editor = container.querySelector<HTMLElement>(DEMO_SELECTORS.editor);
    if (!editor || known.has(editor)) continue;
    out.push(new DemoComposeSession(container, editor));
  }
  return out;
}
