/**
 * The check at Send: a modal `<nemawashi-send-check>` dialog in the compose's document that
 * says what the draft is about to do (recipients and their audience, first contact,
 * attachments) and the findings at the send threshold, with Review and Send anyway.
 *
 * Its content lives in a closed shadow root (the page cannot read the draft's findings or the
 * audience from it). Keyboard first: focus starts on Review, Tab / Shift+Tab cycle through
 * Review → Send anyway → "Don't ask again" and never leave the dialog, Enter/Space activate,
 * Esc is Review. The guard (src/content/send-guard.ts) feeds it every trusted key event while it
 * is open, from its window capture listener, so the page's own shortcuts never see them.
 * Draft text is only ever set as textContent.
 */
import type { Finding, Lang, RecipientField, Severity } from '../engine/types';
import { t } from '../i18n/overlay';
import { audienceText, type AudienceView } from './badge';
import { darkPalette, font, palette } from './styles';

export const SEND_CHECK_TAG = 'nemawashi-send-check';

export type SendCheckChoice = 'review' | 'send';

export interface SendCheckView {
  lang: Lang;
  threshold: Exclude<Severity, 'info'>;
  recipients: Array<{ address: string; name?: string; field: RecipientField }>;
  audience: Pick<AudienceView, 'packs' | 'region' | 'sector' | 'sources'>;
  firstContact: boolean;
  attachments: string[];
  /** The findings at or above the threshold, worst first. */
  findings: Finding[];
}

const CSS = `
:host { all: initial !important; position: fixed !important; inset: 0 !important; z-index: 2147483647 !important; display: block !important; ${palette} }
@media (prefers-color-scheme: dark) { :host { ${darkPalette} } }
.backdrop { position: fixed; inset: 0; background: rgba(32,33,36,.45); display: flex; align-items: center; justify-content: center; padding: 16px; box-sizing: border-box; }
.dialog { box-sizing: border-box; width: 480px; max-width: 100%; max-height: calc(100vh - 32px); overflow: auto; background: var(--nmw-bg); color: var(--nmw-fg);
  border-radius: 10px; border: 1px solid var(--nmw-border); box-shadow: var(--nmw-shadow); padding: 18px 20px 14px; ${font} text-align: start; }
h2 { font-size: 16px; font-weight: 700; margin: 0 0 6px; }
.summary { margin: 0 0 12px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 0 0 12px; }
dt { color: var(--nmw-muted); font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
.who { color: var(--nmw-muted); }
h3 { font-size: 13px; font-weight: 700; margin: 0 0 4px; }
ul { margin: 0 0 14px; padding: 0; list-style: none; max-height: 220px; overflow: auto; }
li { border-inline-start: 3px solid var(--nmw-warning); padding: 4px 0 4px 8px; margin-bottom: 6px; }
li.error { border-inline-start-color: var(--nmw-error); }
.sev { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; margin-inline-end: 6px; }
.sev.error { color: var(--nmw-error); } .sev.warning { color: var(--nmw-warning); }
.excerpt { color: var(--nmw-muted); }
.buttons { display: flex; gap: 8px; justify-content: flex-end; }
button { ${font} font-weight: 600; cursor: pointer; border-radius: 6px; padding: 6px 14px; border: 1px solid var(--nmw-border); background: transparent; color: var(--nmw-fg); }
button.review { background: var(--nmw-accent); color: var(--nmw-accent-fg); border-color: var(--nmw-accent); }
button:hover { filter: brightness(.96); }
button:focus-visible, input:focus-visible { outline: 2px solid var(--nmw-fg); outline-offset: 2px; }
.dont { display: flex; align-items: center; gap: 6px; margin-top: 10px; }
.hint { color: var(--nmw-muted); font-size: 11px; margin: 8px 0 0; }
`;

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

export class SendCheckDialog {
  readonly host: HTMLElement;
  private readonly shadow: ShadowRoot;
  private readonly review: HTMLButtonElement;
  private readonly send: HTMLButtonElement;
  private readonly dontAsk: HTMLInputElement;
  private done = false;

  constructor(
    readonly doc: Document,
    view: SendCheckView,
    /** `event`: the user's click or key press that chose (the history wants a trusted event). */
    private readonly onChoose: (choice: SendCheckChoice, dontAskAgain: boolean, event: Event) => void,
  ) {
    const { lang } = view;
    this.host = doc.createElement(SEND_CHECK_TAG);
    this.shadow = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = CSS;

    const packOf = new Map(view.audience.sources.map((s) => [s.address.toLowerCase(), s.pack]));
    const recipients =
      view.recipients.length === 0
        ? [t(lang, 'sendDialog.noRecipients')]
        : view.recipients.flatMap((r, i) => {
            const pack = packOf.get(r.address.toLowerCase());
            const label = r.name ? `${r.name} <${r.address}>` : r.address;
            const extra = [r.field !== 'to' ? t(lang, `sendDialog.${r.field}`) : '', pack ? t(lang, `sendDialog.${pack}`) : ''].filter(Boolean).join(', ');
            return [...(i > 0 ? ['; '] : []), label, ...(extra ? [el(doc, 'span', { class: 'who' }, ` (${extra})`)] : [])];
          });

    const list = el(doc, 'ul', { 'aria-labelledby': 'nmw-findings' });
    for (const f of view.findings) {
      const excerpt = f.target === 'body' && f.excerpt ? el(doc, 'span', { class: 'excerpt' }, ` “${f.excerpt.length > 60 ? f.excerpt.slice(0, 59) + '…' : f.excerpt}”`) : '';
      list.append(el(doc, 'li', { class: f.severity }, el(doc, 'span', { class: `sev ${f.severity}` }, t(lang, `severity.${f.severity}`)), f.message, excerpt));
    }

    this.review = el(doc, 'button', { type: 'button', class: 'review' }, t(lang, 'sendDialog.review'));
    this.send = el(doc, 'button', { type: 'button', class: 'send' }, t(lang, 'sendDialog.send'));
    this.dontAsk = el(doc, 'input', { type: 'checkbox', id: 'nmw-dont-ask' });
    this.review.addEventListener('click', (e) => this.choose('review', e));
    this.send.addEventListener('click', (e) => this.choose('send', e));

    const dialog = el(
      doc,
      'div',
      { class: 'dialog', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'nmw-title', 'aria-describedby': 'nmw-summary', lang },
      el(doc, 'h2', { id: 'nmw-title' }, t(lang, 'sendDialog.title')),
      el(doc, 'p', { id: 'nmw-summary', class: 'summary' }, t(lang, view.threshold === 'error' ? 'sendDialog.summary_error' : 'sendDialog.summary_warning', { count: view.findings.length })),
      el(
        doc,
        'dl',
        {},
        el(doc, 'dt', {}, t(lang, 'sendDialog.recipients')),
        el(doc, 'dd', {}, ...recipients),
        el(doc, 'dt', {}, t(lang, 'label.audience')),
        el(doc, 'dd', {}, audienceText(lang, view.audience)),
        el(doc, 'dt', {}, t(lang, 'label.firstContact')),
        el(doc, 'dd', {}, t(lang, view.firstContact ? 'sendDialog.yes' : 'sendDialog.no')),
        el(doc, 'dt', {}, t(lang, 'sendDialog.attachments')),
        el(doc, 'dd', {}, view.attachments.length ? view.attachments.join(', ') : t(lang, 'sendDialog.none')),
      ),
      el(doc, 'h3', { id: 'nmw-findings' }, t(lang, 'label.findings')),
      list,
      el(doc, 'div', { class: 'buttons' }, this.review, this.send),
      el(doc, 'div', { class: 'dont' }, this.dontAsk, el(doc, 'label', { for: 'nmw-dont-ask' }, t(lang, 'sendDialog.dontAsk'))),
      el(doc, 'p', { class: 'hint', 'aria-hidden': 'true' }, t(lang, 'sendDialog.hint')),
    );
    this.shadow.append(style, el(doc, 'div', { class: 'backdrop' }, dialog));
    // Pointer events inside the dialog are ours: the page's bubbling listeners (menus that close
    // on an outside click, shortcuts) do not get them.
    for (const type of ['mousedown', 'mouseup', 'click', 'pointerdown', 'pointerup', 'dblclick', 'contextmenu']) {
      this.host.addEventListener(type, (e) => e.stopPropagation());
    }
    // A press on the backdrop must not take focus out of the dialog.
    this.shadow.querySelector('.backdrop')?.addEventListener('mousedown', (e) => {
      if (e.target === e.currentTarget) e.preventDefault();
    });
    doc.documentElement.append(this.host);
    this.review.focus({ preventScroll: true });
  }

  get open(): boolean {
    return !this.done;
  }

  /** The element with focus inside the dialog, or null when focus is elsewhere. */
  get focused(): Element | null {
    return this.shadow.activeElement;
  }

  private get focusables(): HTMLElement[] {
    return [this.review, this.send, this.dontAsk];
  }

  /**
   * A trusted key event while the dialog is open (from the guard's capture listener, which then
   * stops it from reaching the page). Tab is trapped, Esc is Review; Enter and Space keep their
   * default action on the focused control (activating the button, ticking the box).
   */
  handleKey(e: KeyboardEvent): void {
    if (this.done) return;
    const inside = e.target === this.host && this.focused !== null;
    if (!inside) {
      // Focus slipped out (a click on the page behind, a webmail focusing its editor): back in.
      e.preventDefault();
      this.review.focus({ preventScroll: true });
      return;
    }
    if (e.type !== 'keydown') return;
    if (e.key === 'Escape') {
      e.preventDefault();
      this.choose('review', e);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      const list = this.focusables;
      const i = list.indexOf(this.focused as HTMLElement);
      const next = list[(i + (e.shiftKey ? -1 : 1) + list.length) % list.length]!;
      next.focus({ preventScroll: true });
    }
  }

  /** Focus left the dialog while it is open: bring it back (a modal keeps focus). */
  refocus(): void {
    if (!this.done && this.focused === null) this.review.focus({ preventScroll: true });
  }

  choose(choice: SendCheckChoice, event: Event): void {
    if (this.done) return;
    this.done = true;
    const dontAsk = this.dontAsk.checked;
    this.host.remove();
    this.onChoose(choice, dontAsk, event);
  }

  /** Closes without a choice (the compose went away). */
  dispose(): void {
    this.done = true;
    this.host.remove();
  }
}
