/**
 * Site adapters (Gmail, Outlook) report what they could not recognize, so that index.ts can
 * hand those editors to the generic adapter and say once that the page changed.
 */
import type { ComposeSession, WebmailAdapter } from './types';

export interface Unrecognized {
  /** The editor found (null when not even the body editor matched). */
  editor: HTMLElement | null;
  /** The compose wrapper, when one was found (the generic session anchors its badge there). */
  container: HTMLElement | null;
  /** The landmarks that were expected and not found, e.g. "subject", "send button". */
  missing: string[];
}

export interface SiteScan {
  sessions: ComposeSession[];
  unrecognized: Unrecognized[];
  /** Editors the site's selectors matched, known ones included (0: the editor itself changed). */
  editorsSeen: number;
}

export interface SiteAdapter extends WebmailAdapter {
  readonly name: 'gmail' | 'outlook';
  /** Like findComposes, plus the compose windows that no longer look as expected. */
  scan(root: ParentNode, known: ReadonlySet<HTMLElement>): SiteScan;
}

/** The outermost editing host: nested contenteditable children belong to it. */
export function isEditingHost(el: HTMLElement): boolean {
  const parent = el.parentElement;
  return !parent || !parent.isContentEditable;
}

/**
 * The nearest ancestor of `from` matching the first selector of `selectors` that matches
 * any ancestor (the order says which compose wrapper we prefer).
 */
export function closestOf(from: Element, selectors: readonly string[]): HTMLElement | null {
  for (const s of selectors) {
    const hit = from.closest<HTMLElement>(s);
    if (hit) return hit;
  }
  return null;
}

/**
 * Climbs from `editor` to the first ancestor holding `landmark`, without swallowing another
 * compose (an ancestor with a second editor belongs to a thread with several replies).
 */
export function climbTo(editor: HTMLElement, landmark: string, editorSelector: string, maxLevels = 15): HTMLElement | null {
  let node = editor.parentElement;
  for (let i = 0; node && i < maxLevels; i++, node = node.parentElement) {
    if (node.querySelectorAll(editorSelector).length > 1) return null;
    if (node.querySelector(landmark)) return node;
  }
  return null;
}

/** The first words of the Send button's label in the languages Gmail and Outlook ship most. */
const SEND_WORDS = ['send', 'envoyer', 'senden', 'enviar', 'invia', 'verzenden', 'wyślij', 'skicka', 'sende', 'lähetä', 'odeslat', 'küldés', 'gönder', 'отправить', '送信', '发送', '傳送', '보내기'];

/** Whether a button label says "Send" (not "Send later", "Send feedback" menus: they pop up). */
export function saysSend(label: string | null | undefined): boolean {
  const l = (label ?? '').trim().toLowerCase();
  return SEND_WORDS.some((w) => l === w || (l.startsWith(w) && !/^[\p{L}]/u.test(l.slice(w.length))));
}

/**
 * "Schedule send" in the menu of Send's arrow (Gmail, Outlook), English and Japanese: it sends
 * too, later, so the check at Send treats it as Send. The menu is drawn outside the compose.
 */
const SCHEDULE_WORDS = ['schedule send', '送信日時を設定', '送信のスケジュール設定', 'programmer l’envoi', "programmer l'envoi", 'senden planen', 'programar envío'];

export function saysScheduleSend(label: string | null | undefined): boolean {
  const l = (label ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
  return SCHEDULE_WORDS.some((w) => l === w || l.startsWith(`${w} `) || l.startsWith(`${w}(`));
}

/** What a site adapter finds around one editor: its compose window and the landmarks it lacks. */
export interface Inspection {
  container: HTMLElement | null;
  missing: string[];
}

/**
 * A site adapter from its host test and two steps: inspect an editor, and make the session of a
 * complete compose. Editors in `known` are skipped; incomplete composes are reported.
 */
export function defineSiteAdapter(spec: {
  name: SiteAdapter['name'];
  matches(location: Location): boolean;
  editors(root: ParentNode): HTMLElement[];
  inspect(editor: HTMLElement): Inspection;
  session(editor: HTMLElement, container: HTMLElement): ComposeSession;
}): SiteAdapter {
  const scan = (root: ParentNode, known: ReadonlySet<HTMLElement>): SiteScan => {
    const sessions: ComposeSession[] = [];
    const unrecognized: Unrecognized[] = [];
    const editors = spec.editors(root);
    for (const editor of editors) {
      if (known.has(editor)) continue;
      const { container, missing } = spec.inspect(editor);
      if (container && missing.length === 0) sessions.push(spec.session(editor, container));
      else unrecognized.push({ editor, container, missing });
    }
    return { sessions, unrecognized, editorsSeen: editors.length };
  };
  return {
    name: spec.name,
    matches: spec.matches,
    scan,
    findComposes(root, known) {
      try {
        return scan(root, known).sessions;
      } catch {
        return [];
      }
    },
  };
}
