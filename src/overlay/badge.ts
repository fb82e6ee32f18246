/**
 * `<nemawashi-badge>`: one per open compose, anchored to its bottom-right corner. Its
 * attributes say how many findings are shown (`data-count`) and the worst severity
 * (`data-max-severity`: error | warning | info | none). Clicking it lists every finding of the
 * draft (the ones without a span too: contract attached, missing apology, too long), shows the
 * audience ("Japanese recipient · Tokyo") and lets the user change it.
 *
 * The element is never defined as a custom element (content scripts have no `customElements`
 * registry): a valid custom-element name may carry a shadow root without a definition.
 */
import type { Finding, Lang, Pack, Region, Sector } from '../engine/types';
import type { Rect } from './geometry';
import { t } from '../i18n/overlay';
import { worstSeverity } from '../engine/severity';
import { BADGE_CSS } from './styles';

export const BADGE_TAG = 'nemawashi-badge';

export interface AudienceView {
  packs: Pack[];
  region: Region;
  sector: Sector;
  source: 'auto' | 'user';
  sources: Array<{ pack: 'ja' | 'us'; address: string }>;
  firstContact: boolean;
  /** The language of the writer's words: a Japanese draft is said so in the badge. */
  language: 'en' | 'ja';
  /**
   * Display names of recipients shown without an address that the user's map does not cover:
   * the badge asks for their audience once (remembered per name). Shown only as text inside
   * the shadow root, never in an attribute the page can read.
   */
  unmappedNames?: string[];
}

export interface BadgeItem {
  key: string;
  finding: Finding;
}

export interface BadgeHandlers {
  reveal(key: string): void;
  setAudience(packs: Pack[], region: Region, sector: Sector): void;
  resetAudience(): void;
  /** Remembers the audience of a recipient shown by name only (a user click, never the page's). */
  mapName(name: string, audience: 'ja' | 'us'): void;
}

export function audienceText(lang: Lang, a: Pick<AudienceView, 'packs' | 'region' | 'sector'>): string {
  const ja = a.packs.includes('ja');
  const us = a.packs.includes('us');
  if (ja && us) return `${t(lang, 'overlay.audienceBoth')} · ${t(lang, a.region === 'west' ? 'overlay.regionWest' : 'overlay.regionEast')}`;
  if (ja) return `${t(lang, 'overlay.audienceJa')} · ${t(lang, a.region === 'west' ? 'overlay.regionWest' : 'overlay.regionEast')}`;
  if (us) return t(lang, 'overlay.audienceUs');
  return t(lang, 'overlay.audienceGeneral');
}

export class ComposeBadge {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly pill: HTMLButtonElement;
  private readonly panel: HTMLDivElement;
  private items: BadgeItem[] = [];
  private audience: AudienceView | null = null;
  private lang: Lang = 'en';
  private paused = false;
  private pickerOpen = false;
  private expanded = new Set<string>();

  constructor(
    doc: Document,
    composeId: string,
    private readonly handlers: BadgeHandlers,
  ) {
    this.host = doc.createElement(BADGE_TAG);
    this.host.dataset.composeId = composeId;
    this.host.setAttribute('data-count', '0');
    this.host.setAttribute('data-max-severity', 'none');
    // Closed: page scripts get null from host.shadowRoot, so the list (your phrases' notes, the
    // audience from your recipients map, first-contact findings) stays ours (SECURITY.md).
    this.root = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = BADGE_CSS;
    this.pill = doc.createElement('button');
    this.pill.className = 'pill';
    this.pill.type = 'button';
    this.pill.setAttribute('aria-haspopup', 'dialog');
    this.pill.setAttribute('aria-expanded', 'false');
    this.pill.addEventListener('mousedown', (e) => e.preventDefault()); // keep the editor's focus and caret
    this.pill.addEventListener('click', () => this.toggle());
    this.panel = doc.createElement('div');
    this.panel.className = 'panel';
    this.panel.hidden = true;
    this.panel.setAttribute('role', 'dialog');
    this.panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        this.close();
        this.pill.focus({ preventScroll: true });
      }
    });
    this.root.append(style, this.pill, this.panel);
    doc.documentElement.appendChild(this.host);
  }

  get isOpen(): boolean {
    return !this.panel.hidden;
  }

  update(items: BadgeItem[], audience: AudienceView, lang: Lang, paused: boolean): void {
    this.items = items;
    this.audience = audience;
    this.lang = lang;
    this.paused = paused;
    const count = paused ? 0 : items.length;
    const worst = paused ? null : worstSeverity(items.map((i) => i.finding));
    this.host.setAttribute('data-count', String(count));
    this.host.setAttribute('data-max-severity', worst ?? 'none');
    this.host.toggleAttribute('data-paused', paused);
    this.pill.replaceChildren();
    const mark = this.pill.ownerDocument.createElement('span');
    mark.className = 'mark';
    mark.textContent = paused ? '‖' : count > 0 ? String(count) : '✓';
    this.pill.append(mark);
    const label = paused ? t(lang, 'overlay.badgePaused') : count > 0 ? t(lang, 'overlay.badgeLabel', { count }) : t(lang, 'overlay.badgeLabelNone');
    const drafted = audience.language === 'ja' ? ` · ${t(lang, 'label.draftJapanese')}` : '';
    this.host.setAttribute('data-language', audience.language);
    // A name-only recipient without an audience: a mark on the pill and a word in its label
    // (no name: attributes stay free of what the draft holds).
    const asks = (audience.unmappedNames ?? []).length > 0;
    this.pill.toggleAttribute('data-asks', asks);
    if (asks) {
      const ask = this.pill.ownerDocument.createElement('span');
      ask.className = 'ask';
      ask.textContent = '?';
      this.pill.append(ask);
    }
    const askText = asks ? ` · ${t(lang, 'overlay.nameOnlyBadge')}` : '';
    this.pill.setAttribute('aria-label', `${label} · ${audienceText(lang, audience)}${drafted}${askText}`);
    this.pill.title = `${label}\n${audienceText(lang, audience)}${drafted}${asks ? `\n${t(lang, 'overlay.nameOnlyTitle')}` : ''}`;
    if (this.isOpen) this.renderPanel();
  }

  /** Anchors the badge inside the bottom-right corner of `anchor` (the compose's editor area). */
  position(anchor: Rect | null): void {
    if (!anchor || anchor.width === 0 || anchor.height === 0) {
      this.host.hidden = true;
      return;
    }
    this.host.hidden = false;
    const size = 26;
    const left = Math.min(anchor.left + anchor.width - size - 8, window.innerWidth - size - 8);
    const top = Math.min(anchor.top + anchor.height - size - 8, window.innerHeight - size - 8);
    this.host.style.left = `${Math.max(0, Math.round(left))}px`;
    this.host.style.top = `${Math.max(0, Math.round(top))}px`;
    // Open the list downwards when the badge sits near the top of the viewport.
    this.host.toggleAttribute('data-below', top < 300);
  }

  toggle(): void {
    if (this.isOpen) this.close();
    else this.open();
  }

  open(): void {
    this.panel.hidden = false;
    this.pill.setAttribute('aria-expanded', 'true');
    this.renderPanel();
  }

  close(): void {
    this.panel.hidden = true;
    this.pickerOpen = false;
    this.pill.setAttribute('aria-expanded', 'false');
  }

  /** Whether an event's path goes through this badge (clicks inside it do not close it). */
  owns(e: Event): boolean {
    return e.composedPath().includes(this.host);
  }

  private renderPanel(): void {
    const lang = this.lang;
    const doc = this.host.ownerDocument;
    const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] => {
      const n = doc.createElement(tag);
      if (cls) n.className = cls;
      if (text !== undefined) n.textContent = text;
      return n;
    };
    this.panel.replaceChildren();
    this.panel.setAttribute('aria-label', t(lang, 'overlay.findingsTitle'));
    const a = this.audience;
    const names = a?.unmappedNames ?? [];
    if (names.length > 0) {
      // One click per name sets its audience for good (settings.audienceMap, by name).
      const box = el('section', 'names');
      box.dataset.part = 'name-only';
      const title = el('h2', undefined, t(lang, 'overlay.nameOnlyTitle'));
      title.id = 'nmw-name-only-title';
      box.setAttribute('aria-labelledby', title.id);
      box.append(title);
      for (const name of names) {
        const row = el('div', 'name-row');
        const who = el('span', 'name', name);
        const choose = (audience: 'ja' | 'us', label: string): HTMLButtonElement => {
          const b = el('button', `act ${audience}`, label);
          b.type = 'button';
          b.dataset.audience = audience;
          b.addEventListener('click', (e) => {
            // Only the user's own click changes what is stored (the page can dispatch clicks).
            if (!e.isTrusted) return;
            this.handlers.mapName(name, audience);
          });
          return b;
        };
        row.append(who, choose('ja', t(lang, 'overlay.nameOnlyJa')), choose('us', t(lang, 'overlay.nameOnlyUs')));
        box.append(row);
      }
      box.append(el('p', 'hint', t(lang, 'overlay.nameOnlyHint')));
      this.panel.append(box);
    }
    if (a) {
      const row = el('div', 'audience');
      row.dataset.part = 'audience';
      const who = el('span', 'who', audienceText(lang, a));
      const src = el(
        'span',
        'src',
        a.source === 'user'
          ? t(lang, 'overlay.audienceUser')
          : a.sources.length > 0
            ? a.sources.map((s) => s.address).join(', ')
            : t(lang, 'overlay.audienceAuto'),
      );
      const change = el('button', 'act change', t(lang, 'overlay.change'));
      change.type = 'button';
      change.addEventListener('click', (e) => {
        if (!e.isTrusted) return;
        this.pickerOpen = !this.pickerOpen;
        this.renderPanel();
        this.panel.querySelector<HTMLInputElement>('form.picker input')?.focus();
      });
      row.append(who, src, change);
      this.panel.append(row);
      if (a.language === 'ja') {
        const language = el('div', 'language', t(lang, 'label.draftJapanese'));
        language.dataset.part = 'language';
        this.panel.append(language);
      }
      this.panel.append(this.picker(a));
    }
    this.panel.append(el('h2', undefined, t(lang, 'overlay.findingsTitle')));
    if (this.items.length === 0) {
      this.panel.append(el('p', 'empty', this.paused ? t(lang, 'overlay.badgePaused') : t(lang, 'overlay.noFindings')));
      return;
    }
    const list = el('ul');
    for (const item of this.items) {
      const f = item.finding;
      const li = el('li');
      li.dataset.rule = f.ruleId;
      li.dataset.severity = f.severity;
      const button = el('button', 'item');
      button.type = 'button';
      const line = el('span', 'line');
      const dot = el('span', `dot ${f.severity}`);
      dot.title = t(lang, `severity.${f.severity}`);
      line.append(dot, el('span', 'msg', f.message));
      const where = el('div', 'where', `${t(lang, `target.${f.target}`)}${f.excerpt ? ` · ${f.excerpt}` : ''}`);
      button.append(line, where);
      const details = el('div', 'details');
      details.hidden = !this.expanded.has(item.key);
      if (f.rationale) details.append(el('p', undefined, f.rationale));
      if (f.suggestion?.text) {
        const p = el('p');
        p.append(el('span', 'label', `${t(lang, 'label.suggestion')}: `), doc.createTextNode(f.suggestion.text));
        details.append(p);
      }
      button.addEventListener('click', () => {
        if (f.start !== undefined && f.target === 'body') {
          this.close();
          this.handlers.reveal(item.key);
        } else {
          if (this.expanded.has(item.key)) this.expanded.delete(item.key);
          else this.expanded.add(item.key);
          details.hidden = !this.expanded.has(item.key);
        }
      });
      li.append(button, details);
      list.append(li);
    }
    this.panel.append(list);
  }

  private picker(a: AudienceView): HTMLFormElement {
    const lang = this.lang;
    const doc = this.host.ownerDocument;
    const form = doc.createElement('form');
    form.className = 'picker';
    form.hidden = !this.pickerOpen;
    const check = (pack: 'ja' | 'us', label: string): HTMLLabelElement => {
      const l = doc.createElement('label');
      const input = doc.createElement('input');
      input.type = 'checkbox';
      input.name = pack;
      input.checked = a.packs.includes(pack);
      l.append(input, doc.createTextNode(` ${label}`));
      return l;
    };
    const row = doc.createElement('div');
    row.className = 'row';
    row.append(check('ja', t(lang, 'overlay.packJa')), check('us', t(lang, 'overlay.packUs')));
    const select = (name: string, value: string, options: Array<[string, string]>): HTMLSelectElement => {
      const s = doc.createElement('select');
      s.name = name;
      for (const [v, label] of options) {
        const o = doc.createElement('option');
        o.value = v;
        o.textContent = label;
        o.selected = v === value;
        s.append(o);
      }
      return s;
    };
    const regionLabel = doc.createElement('label');
    regionLabel.textContent = t(lang, 'label.region');
    const region = select('region', a.region, [
      ['east', t(lang, 'overlay.regionEast')],
      ['west', t(lang, 'overlay.regionWest')],
    ]);
    const sectorLabel = doc.createElement('label');
    sectorLabel.textContent = t(lang, 'label.sector');
    const sector = select('sector', a.sector, [
      ['traditional', t(lang, 'overlay.sectorTraditional')],
      ['modern', t(lang, 'overlay.sectorModern')],
    ]);
    const buttons = doc.createElement('div');
    buttons.className = 'buttons';
    const reset = doc.createElement('button');
    reset.type = 'button';
    reset.className = 'act reset';
    reset.textContent = t(lang, 'overlay.resetAudience');
    reset.addEventListener('click', (e) => {
      // The audience changes what is checked: only the user's own clicks change it.
      if (!e.isTrusted) return;
      this.pickerOpen = false;
      this.handlers.resetAudience();
    });
    const submit = doc.createElement('button');
    submit.type = 'submit';
    submit.className = 'act primary';
    submit.textContent = t(lang, 'action.apply');
    buttons.append(reset, submit);
    form.append(row, regionLabel, region, sectorLabel, sector, buttons);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!e.isTrusted) return;
      const data = new FormData(form);
      const packs: Pack[] = ['common'];
      if (data.get('ja')) packs.push('ja');
      if (data.get('us')) packs.push('us');
      this.pickerOpen = false;
      this.handlers.setAudience(packs, data.get('region') === 'west' ? 'west' : 'east', data.get('sector') === 'modern' ? 'modern' : 'traditional');
    });
    return form;
  }

  dispose(): void {
    this.host.remove();
  }
}
