/**
 * Addresses of Outlook recipients shown by display name only, read from the persona card
 * (issue 9). A pill often shows only "Hiroki Endo"; when the user hovers or clicks it, Outlook
 * opens the person's card (the Live Persona Card, "Profile Card"), a dialog at the top of the
 * document, outside the compose, that shows the e-mail address. While that card is in the DOM
 * its address is read; it is then remembered for this document's life (memory only, never
 * stored), because the card closes again when the pointer leaves.
 *
 * Which card is whose: the card carries no link to the pill (data-lpc-hover-target-id is an
 * internal id), so a card counts for a name only when it shows that exact name and exactly one
 * address (a card listing several is ambiguous and teaches nothing).
 *
 * Sources: the card is `[role="dialog"][data-log-region="LivePersonaCard"]` or
 * `[role="dialog"][aria-label="Profile Card"]`, its addresses `a[href^="mailto:"]`, a `title`,
 * or a text leaf (public mailbox-automation scripts reading the sender's address from Outlook's
 * profile card, 2025).
 */
import { parseAddress } from './session';

export const PERSONA_CARD = '[role="dialog"][data-log-region="LivePersonaCard"], [role="dialog"][aria-label="Profile Card" i]';

/** Elements of one card looked at (a card is small; a page pretending otherwise costs no more). */
const MAX_CARD_ELEMENTS = 400;
/** Names remembered per document (a draft has a few recipients; old entries go first). */
const MAX_LEARNED = 200;

const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

/** The whole string is one address (not a sentence that mentions one). */
function exactAddress(text: string | null | undefined): string | null {
  const t = (text ?? '').trim();
  if (!t || t.length > 320) return null;
  const p = parseAddress(t);
  return p && !p.name && p.address === t.toLowerCase() ? p.address : null;
}

/** What one card shows: its names (text leaves, labels) and its distinct addresses. */
function readCard(card: Element): { names: Set<string>; addresses: Set<string> } {
  const names = new Set<string>();
  const addresses = new Set<string>();
  const els = [card, ...card.querySelectorAll('*')].slice(0, MAX_CARD_ELEMENTS);
  for (const el of els) {
    const href = el.getAttribute('href');
    if (href && href.toLowerCase().startsWith('mailto:')) {
      const a = exactAddress(decodeMailto(href));
      if (a) addresses.add(a);
    }
    const title = el.getAttribute('title');
    const fromTitle = exactAddress(title);
    if (fromTitle) addresses.add(fromTitle);
    else if (title) names.add(norm(title));
    const label = el.getAttribute('aria-label');
    if (label && !exactAddress(label)) names.add(norm(label));
    if (el.childElementCount === 0) {
      const text = el.textContent ?? '';
      const a = exactAddress(text);
      if (a) addresses.add(a);
      else if (text.length <= 256) names.add(norm(text));
    }
  }
  names.delete('');
  return { names, addresses };
}

function decodeMailto(href: string): string {
  const rest = href.slice('mailto:'.length).split('?')[0] ?? '';
  try {
    return decodeURIComponent(rest);
  } catch {
    return rest;
  }
}

interface DocState {
  /** Lower-cased display name → address, learned from cards. */
  learned: Map<string, string>;
  /** Names read from pills without an address and not learned yet. */
  pending: Set<string>;
  /** Sessions to tell when a card taught an address (their drafts change). */
  listeners: Set<() => void>;
  observer: MutationObserver | null;
}

const states = new WeakMap<Document, DocState>();

function stateOf(doc: Document): DocState {
  let s = states.get(doc);
  if (!s) {
    s = { learned: new Map(), pending: new Set(), listeners: new Set(), observer: null };
    states.set(doc, s);
  }
  return s;
}

/** Learns from `card` every pending name it shows; true when something new was learned. */
function learnFrom(s: DocState, card: Element): boolean {
  if (s.pending.size === 0) return false;
  const { names, addresses } = readCard(card);
  if (addresses.size !== 1) return false;
  const [address] = addresses;
  let learned = false;
  for (const name of [...s.pending]) {
    if (!names.has(name)) continue;
    s.pending.delete(name);
    s.learned.delete(name);
    s.learned.set(name, address!);
    if (s.learned.size > MAX_LEARNED) s.learned.delete(s.learned.keys().next().value!);
    learned = true;
  }
  return learned;
}

function cardsIn(node: Node): Element[] {
  if (node.nodeType !== 1) return [];
  const el = node as Element;
  if (el.matches(PERSONA_CARD)) return [el];
  return [...el.querySelectorAll(PERSONA_CARD)];
}

/**
 * Watches the document for a persona card while some name is pending and some compose
 * listens; stops when neither holds. Only then: Outlook's DOM changes all the time.
 */
function updateObserver(doc: Document, s: DocState): void {
  const want = s.pending.size > 0 && s.listeners.size > 0 && !!doc.body;
  if (!want) {
    s.observer?.disconnect();
    s.observer = null;
    return;
  }
  if (s.observer) return;
  s.observer = new MutationObserver((records) => {
    const cards = new Set<Element>();
    for (const r of records) {
      const target = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
      const inCard = target?.closest(PERSONA_CARD);
      if (inCard) cards.add(inCard);
      else for (const n of r.addedNodes) for (const c of cardsIn(n)) cards.add(c);
    }
    let learned = false;
    for (const c of cards) learned = learnFrom(s, c) || learned;
    if (!learned) return;
    updateObserver(doc, s);
    for (const cb of [...s.listeners]) cb();
  });
  s.observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
}

/**
 * The address of a recipient shown as `name` only: remembered from a card, or read from a card
 * in the DOM now; else null, and the name is watched for (a card opened later re-reads the draft).
 */
export function personaAddress(doc: Document, name: string): string | null {
  const key = norm(name);
  if (!key) return null;
  const s = stateOf(doc);
  const known = s.learned.get(key);
  if (known) return known;
  if (s.pending.size < MAX_LEARNED) s.pending.add(key);
  for (const card of doc.querySelectorAll(PERSONA_CARD)) learnFrom(s, card);
  const now = s.learned.get(key) ?? null;
  updateObserver(doc, s);
  return now;
}

/** Calls `onChange` when a persona card teaches the address of a pending name; returns the unsubscribe. */
export function watchPersonaCards(doc: Document, onChange: () => void): () => void {
  const s = stateOf(doc);
  s.listeners.add(onChange);
  updateObserver(doc, s);
  return () => {
    s.listeners.delete(onChange);
    updateObserver(doc, s);
  };
}
