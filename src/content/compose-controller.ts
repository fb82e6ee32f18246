/**
 * One open compose window: read → resolve audience → analyze → render, debounced, plus the
 * per-draft state the popup and the card change (ignored findings, audience and first-contact
 * overrides, pause). Never writes to the editor except through `session.apply` on Apply.
 */
import type { Draft, Finding, FirstContactSetting, Lang, Pack, Region, Sector } from '../engine/types';
import { SEVERITY_RANK } from '../engine/types';
import type { SendCheckView } from '../overlay/send-check';
import type { DraftSummary } from '../messages';
import type { AudienceView } from '../overlay/badge';
import { worstSeverity } from '../engine/severity';
import { ComposeOverlay, type OverlayItem, type OverlayRoot } from '../overlay/overlay';
// The pure part of the settings only: this module is loaded with the engine (compose-ui.ts), and
// the settings' storage items live in the page-load script (reached through ComposeHost).
import { buildAnalysisContext, type AudienceOverride, type ResolvedAudience } from '../settings/context';
import type { SendThreshold, Settings } from '../settings/types';
import type { ComposeSession, DraftSnapshot } from '../webmail/types';
import type { SendRecordResult } from './send-record';
import type { GuardedCompose } from './send-guard';
import type { ContentEngine } from './engine-api';

/**
 * Wait this long after the last change before analyzing. 200 ms is below the pause between
 * words of a fast typist (≈ 250–300 ms at 40–50 wpm), so underlines update at word boundaries
 * without re-analyzing on every keystroke.
 */
export const DEBOUNCE_MS = 200;

/**
 * Work per task while a long draft is analysed window by window (src/engine/sliced.ts): a task
 * over 50 ms is a long task, and the page's own work shares the task with ours. A slice ends
 * after the unit that passes its deadline, and on a cold engine (the first compose: code compiled
 * on first call) a unit is up to ~12 ms; the last slice also draws the underlines. At 30 the
 * first compose's analysis had a task of 35-50 ms (issue 12).
 */
export const SLICE_MS = 20;

/** Yields to the event loop: the next slice runs in a new task, after input and rendering. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
}

export interface ComposeHost {
  root: OverlayRoot;
  settings(): Settings;
  browserLanguage: string | undefined;
  /** The engine, or null while it loads (the controller runs every compose once it is ready). */
  engine(): ContentEngine | null;
  /** Resolves once the engine is loaded (at once when it is). */
  whenEngine(): Promise<void>;
  /** Persists "Turn off rule" (settings.disabledRules). */
  disableRule(ruleId: string): void;
  /** False when the organisation's policy keeps the rule on. */
  canDisableRule(ruleId: string): boolean;
  /** Persists the audience of a recipient shown by name only (settings.audienceMap, by name). */
  mapName(name: string, audience: 'ja' | 'us'): void;
  /** Whether each address is in the first-contact history (src/settings/history.ts). */
  lookupHistory(addresses: readonly string[]): Promise<Record<string, boolean | undefined>>;
  /** The has-written-to test over a lookup's result (src/settings/history.ts). */
  historyChecker(lookup: Record<string, boolean | undefined>): (address: string) => boolean | undefined;
  /**
   * Records this draft's recipients as written to (first-contact history) when `trigger` is a
   * trusted user event, once per compose (src/content/send-record.ts).
   */
  recordSend(trigger: Event, composeId: string, draft: Draft): SendRecordResult;
  /** Called after each analysis (badge count for the toolbar, timings). */
  rendered(compose: ComposeController, timing: RunTiming): void;
  touched(compose: ComposeController): void;
}

/**
 * What the user decided for this draft (kept when a session is replaced, e.g. a compose
 * degraded to the generic adapter that the site adapter takes over once fully rendered).
 */
export interface DraftState {
  ignored: ReadonlySet<string>;
  audienceOverride: AudienceOverride | null;
  firstContactOverride: FirstContactSetting;
  paused: boolean;
}

export interface RunTiming {
  readMs: number;
  /** Main-thread time of the analysis, over all its slices. */
  analyzeMs: number;
  /** Tasks the analysis ran in (1 for a draft up to about 30,000 characters), its windows and its longest slice. */
  slices: number;
  windows: number;
  longestSliceMs: number;
  /** The analysis's longest unit of work and its stage (src/engine/sliced.ts), for the benchmark. */
  longestUnit?: { ms: number; stage: string };
  /** Characters of the body analysed. */
  chars: number;
  renderMs: number;
  startedAt: number;
  endedAt: number;
  words: number;
}

/** Keys stay the same while the flagged text stays: rule, target, text and its occurrence number. */
export function findingKeys(findings: readonly Finding[]): OverlayItem[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const base = `${finding.ruleId}|${finding.target}|${finding.attachmentIndex ?? ''}|${finding.excerpt}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { key: `${base}|${n}`, finding };
  });
}

/** What Apply did: replaced, refused because the finding or its text changed, or not possible. */
export type ApplyResult = 'applied' | 'stale' | 'failed';

export class ComposeController implements GuardedCompose {
  readonly overlay: ComposeOverlay;
  private timer = 0;
  private readonly offs: Array<() => void> = [];
  private readonly ignored: Set<string>;
  private audienceOverride: AudienceOverride | null;
  private firstContactOverride: FirstContactSetting;
  private paused: boolean;
  private history: Record<string, boolean | undefined> = {};
  private historyKey = '';
  private items: OverlayItem[] = [];
  private snapshot: DraftSnapshot | null = null;
  private audience: ResolvedAudience | null = null;
  private firstContactDetected = false;
  /** The writer's word count from the last analysis (quotes and signature left out); undefined while paused. */
  private words: number | undefined;
  private lang: Lang = 'en';
  /** The language of the writer's words, from the last analysis (kept while paused). */
  private language: 'en' | 'ja' = 'en';
  private disposed = false;
  /** The draft changed since the last analysis (the debounce is running). */
  private dirty = true;
  /** Bumped by every run and every change: a sliced analysis that sees another value stops (the newest text wins). */
  private generation = 0;

  constructor(
    readonly session: ComposeSession,
    private readonly host: ComposeHost,
    state?: DraftState,
  ) {
    this.ignored = new Set(state?.ignored);
    this.audienceOverride = state?.audienceOverride ?? null;
    this.firstContactOverride = state?.firstContactOverride ?? 'auto';
    this.paused = state?.paused ?? false;
    this.overlay = new ComposeOverlay(host.root, session.id, session.editor, session.container, {
      apply: (item) => this.applyFinding({ key: item.key, start: item.finding.start ?? -1, end: item.finding.end ?? -1 }),
      ignore: (item) => {
        this.ignored.add(item.key);
        this.run();
      },
      turnOff: (ruleId) => {
        host.disableRule(ruleId);
        this.run();
      },
      canTurnOff: (ruleId) => host.canDisableRule(ruleId),
      setAudience: (packs, region, sector) => this.setAudience(packs, region, sector),
      resetAudience: () => this.resetAudience(),
      mapName: (name, audience) => {
        host.mapName(name, audience);
        this.run();
      },
      touched: () => host.touched(this),
    });
    this.offs.push(session.onChange(() => this.schedule()));
    this.offs.push(session.onSend((draft, trigger) => void this.recordSend(trigger, draft)));
    const onFocus = (): void => host.touched(this);
    session.editor.addEventListener('focusin', onFocus);
    this.offs.push(() => session.editor.removeEventListener('focusin', onFocus));
  }

  /**
   * Records the send of this draft in the first-contact history, if `trigger` is a trusted user
   * event (a real click on Send, Ctrl+Enter, or "Send anyway" in a send-time check) and this
   * compose was not recorded before. Reads the draft now unless given. Never throws.
   */
  recordSend(trigger: Event, draft?: Draft): SendRecordResult {
    try {
      return this.host.recordSend(trigger, this.id, draft ?? this.session.read().draft);
    } catch {
      return 'no-recipients';
    }
  }

  /** The per-draft decisions, for a controller that takes over this compose. */
  get state(): DraftState {
    return {
      ignored: new Set(this.ignored),
      audienceOverride: this.audienceOverride,
      firstContactOverride: this.firstContactOverride,
      paused: this.paused,
    };
  }

  get id(): string {
    return this.session.id;
  }

  /** Analyzes after DEBOUNCE_MS of quiet. */
  schedule(): void {
    if (this.disposed) return;
    this.dirty = true;
    // A long draft's analysis still running is of text that is gone: stop it.
    this.generation++;
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.run(), DEBOUNCE_MS);
  }

  /**
   * Analyzes now. Reads the editor (no writes), renders the overlay. A draft longer than about
   * 30,000 characters is analysed in slices of SLICE_MS, each its own task (the returned promise
   * settles when it is done or superseded), unless `sync` asks for the findings at once (Apply).
   * `taskStartedAt`: when the caller's task began, if it did work of its own before this run (a
   * new compose's overlay): the first slice gets what is left of SLICE_MS after it.
   */
  run(opts: { render?: boolean; sync?: boolean; taskStartedAt?: number } = {}): Promise<void> | undefined {
    if (this.disposed || !this.session.isAlive()) return;
    // Without rendering (the check at Send needs the findings, not the underlines, before the
    // page's Send may run), the debounced run still comes and draws.
    const render = opts.render !== false;
    if (render) clearTimeout(this.timer);
    const engine = this.host.engine();
    // Until the engine has loaded (about a second after the first compose opens) nothing is
    // analysed; the check at Send waits for it ANALYSIS_WAIT_MS at most (sendCheck).
    if (!engine) return;
    const startedAt = performance.now();
    const settings = this.host.settings();
    const snapshot = this.session.read();
    const readAt = performance.now();
    const draft = snapshot.draft;
    const recipients = draft.recipients ?? [];
    this.refreshHistory(recipients.filter((r) => r.field !== 'bcc' && r.address).map((r) => r.address));
    const hasWrittenTo = this.host.historyChecker(this.history);
    const { context, audience } = buildAnalysisContext(settings, recipients, {
      audienceOverride: this.audienceOverride,
      firstContact: this.firstContactOverride,
      hasWrittenTo,
      browserLanguage: this.host.browserLanguage,
    });
    this.lang = context.lang;
    const generation = ++this.generation;
    const analysis = this.paused ? null : engine.analyzeInSlices(draft, context);
    let analyzeMs = 0;
    let longestSliceMs = 0;
    const slice = (budget: number): boolean => {
      if (!analysis) return true;
      const t = performance.now();
      const done = analysis.step(t + budget);
      const d = performance.now() - t;
      analyzeMs += d;
      longestSliceMs = Math.max(longestSliceMs, d);
      return done;
    };
    const finish = (draw: boolean): void => {
      let findings: Finding[] = [];
      if (analysis) {
        // The draft's facts come from the same reading as the findings: the writer's word count and
        // first contact are not recomputed here.
        const result = analysis.result();
        findings = result.findings;
        this.language = result.facts.language;
        this.words = result.facts.wordCount;
        this.firstContactDetected = result.facts.firstContactDetected;
      } else {
        this.words = undefined;
        this.firstContactDetected = engine.firstContact(draft, hasWrittenTo).firstContact;
      }
      this.finishRun(snapshot, audience, findings, draw, {
        readMs: readAt - startedAt,
        analyzeMs,
        slices: analysis?.steps ?? 0,
        windows: analysis?.windows ?? 0,
        longestSliceMs,
        ...(analysis?.longestUnit ? { longestUnit: analysis.longestUnit } : {}),
        chars: draft.body.length,
        startedAt,
      });
    };
    if (opts.sync) {
      while (!slice(Number.POSITIVE_INFINITY));
      finish(render);
      return;
    }
    // A draft of normal length is done in this first slice, in this task, as it always was. A
    // long one's first slice gets what the read of the editor (and the caller's own work in this
    // task) left of SLICE_MS, at least one unit: reading a pasted million characters takes tens of
    // milliseconds itself, and so does creating the first compose's overlay on a cold engine.
    // When nothing is left (a cold engine's first compose), the first slice waits for a task of its own.
    const budget = SLICE_MS - (performance.now() - (opts.taskStartedAt ?? startedAt));
    if (budget > 0 && slice(budget)) {
      finish(render);
      return;
    }
    return (async () => {
      for (;;) {
        await nextTask();
        // Typed again, closed, or another run started: that one has the newest text.
        if (this.disposed || generation !== this.generation || !this.session.isAlive()) return;
        if (slice(SLICE_MS)) break;
      }
      // Drawn even for the check at Send: this run replaced any debounced one that would have.
      finish(true);
    })();
  }

  private finishRun(
    snapshot: DraftSnapshot,
    audience: ResolvedAudience,
    findings: Finding[],
    render: boolean,
    timing: Omit<RunTiming, 'renderMs' | 'endedAt' | 'words'>,
  ): void {
    const analyzedAt = performance.now();
    this.items = findingKeys(findings).filter((i) => !this.ignored.has(i.key));
    this.snapshot = snapshot;
    this.audience = audience;
    if (!render) {
      this.dirty = false;
      return;
    }
    this.overlay.render(this.items, snapshot, this.audienceView(), this.lang, this.paused);
    // Only a run that got this far is current: one that threw leaves the check at Send to retry.
    this.dirty = false;
    const endedAt = performance.now();
    this.host.rendered(this, {
      ...timing,
      renderMs: endedAt - analyzedAt,
      endedAt,
      words: this.wordCount(),
    });
  }

  /** Looks the recipients up in the local history (async); re-analyzes when the answer differs. */
  private refreshHistory(addresses: string[]): void {
    const key = [...new Set(addresses.map((a) => a.toLowerCase()))].sort().join(',');
    if (key === this.historyKey) return;
    this.historyKey = key;
    if (addresses.length === 0) {
      this.history = {};
      return;
    }
    this.host
      .lookupHistory(addresses)
      .then((lookup) => {
        if (this.disposed || this.historyKey !== key) return;
        const changed = JSON.stringify(lookup) !== JSON.stringify(this.history);
        this.history = lookup;
        if (changed) this.run();
      })
      .catch(() => {
        // No history (storage unavailable): first contact stays "unknown", which is safe.
      });
  }

  private audienceView(): AudienceView {
    const a = this.audience;
    return {
      packs: a?.packs ?? ['common'],
      region: a?.region ?? 'east',
      sector: a?.sector ?? 'traditional',
      source: a?.source ?? 'auto',
      sources: (a?.sources ?? []).map((s) => ({ pack: s.pack, address: s.address })),
      firstContact: this.firstContactValue(),
      language: this.language,
      unmappedNames: [...(a?.unmappedNames ?? [])],
    };
  }

  private firstContactValue(): boolean {
    return this.firstContactOverride === 'auto' ? this.firstContactDetected : this.firstContactOverride === 'yes';
  }

  private wordCount(): number {
    if (this.words !== undefined) return this.words;
    // Paused: no analysis ran, so count runs of non-space in the whole body.
    const body = this.snapshot?.draft.body ?? '';
    let n = 0;
    for (const _ of body.matchAll(/\S+/g)) n++;
    return n;
  }

  get findings(): Finding[] {
    return this.items.map((i) => i.finding);
  }

  get worst(): ReturnType<typeof worstSeverity> {
    return this.paused ? null : worstSeverity(this.findings);
  }

  summary(): DraftSummary {
    const a = this.audienceView();
    return {
      composeId: this.id,
      adapter: this.session.adapter,
      subject: this.snapshot?.draft.subject ?? '',
      wordCount: this.wordCount(),
      findings: this.findings,
      keys: this.items.map((i) => i.key),
      audience: {
        packs: a.packs,
        region: a.region,
        sector: a.sector,
        source: a.source,
        sources: this.audience?.sources ?? [],
      },
      firstContact: { value: this.firstContactValue(), detected: this.firstContactDetected, override: this.firstContactOverride },
      language: this.language,
      lang: this.lang,
      paused: this.paused,
    };
  }

  /**
   * For the check at Send: the findings at or above `threshold`, worst first, with what the
   * dialog shows around them; null when the mail may go (nothing at the threshold, or paused).
   * A Send inside the debounce (typed, then sent at once) analyses the draft as it is now.
   */
  sendCheck(threshold: Exclude<SendThreshold, 'off'>): SendCheckView | null | Promise<SendCheckView | null> {
    if (this.paused || this.disposed) return null;
    // A Send in the second after the compose opened: the engine is still loading. The guard
    // waits for it ANALYSIS_WAIT_MS at most, then lets the mail go.
    if (!this.host.engine()) return this.host.whenEngine().then(() => this.sendCheck(threshold));
    if (this.dirty || !this.snapshot) {
      // A long draft is analysed in slices: the guard waits for them (ANALYSIS_WAIT_MS at most).
      const pending = this.run({ render: false });
      if (pending) return pending.then(() => (this.dirty ? null : this.sendCheck(threshold)));
    }
    const min = SEVERITY_RANK[threshold];
    const findings = this.findings
      .filter((f) => SEVERITY_RANK[f.severity] >= min)
      .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || (a.start ?? Infinity) - (b.start ?? Infinity));
    if (findings.length === 0 || this.paused) return null;
    const draft = this.snapshot?.draft;
    const view = this.audienceView();
    return {
      lang: this.lang,
      threshold,
      recipients: (draft?.recipients ?? []).map((r) => ({ address: r.address, field: r.field, ...(r.name ? { name: r.name } : {}) })),
      audience: { packs: view.packs, region: view.region, sector: view.sector, sources: view.sources },
      firstContact: view.firstContact,
      attachments: (draft?.attachments ?? []).map((a) => a.name),
      findings,
    };
  }

  /**
   * Review: the caret goes to the start of the first finding that has a span (marked as the
   * active one), in view; nothing in the draft changes. Without such a span, the editor gets
   * focus with its caret where it was.
   */
  review(findings: readonly Finding[]): void {
    const { editor } = this.session;
    editor.focus({ preventScroll: true });
    const first = findings.find((f) => f.target === 'body' && f.start !== undefined && f.end !== undefined);
    const item = first && this.items.find((i) => i.finding === first);
    if (!first || !item) return;
    if (editor instanceof HTMLTextAreaElement) {
      editor.setSelectionRange(first.start!, first.start!);
    } else {
      const range = this.session.read().rangeFor(first.start!, first.end!);
      const sel = editor.ownerDocument.getSelection();
      if (!range || !sel) return;
      const caret = range.cloneRange();
      caret.collapse(true);
      sel.removeAllRanges();
      sel.addRange(caret);
      const node = range.startContainer;
      (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
    this.overlay.setActive(item.key);
    // The mark shows where to look; it goes with the first key the user presses.
    editor.addEventListener('keydown', () => this.overlay.setActive(null), { once: true });
  }

  /**
   * Apply from the card or the popup, naming the finding by key and span. The draft is read and
   * analysed again first (the user may have typed since the card or the popup showed it); the
   * finding must still exist under that key at that span, else nothing is replaced ('stale')
   * and the overlay and the popup show the fresh findings. The write goes only through the
   * session's input path (undoable), which checks the text at the span once more.
   */
  applyFinding(ref: { key: string; start: number; end: number }): ApplyResult {
    if (this.disposed) return 'stale';
    // At once, even for a long draft: the finding must be checked against the text as it is now.
    this.run({ sync: true });
    const item = this.items.find((i) => i.key === ref.key);
    const f = item?.finding;
    if (!item || !f || f.start !== ref.start || f.end !== ref.end) return 'stale';
    const replacement = f.suggestion?.replacement;
    if (replacement === undefined || f.start === undefined || f.end === undefined) return 'failed';
    const ok = this.session.apply(f.start, f.end, f.excerpt, replacement);
    // The editor's input event schedules the next analysis; run now so the old underline goes at once.
    if (ok) void this.run();
    return ok ? 'applied' : 'stale';
  }

  /** Scrolls to a finding and opens its card (popup). By key: an index goes stale as the user types. */
  reveal(key: string): boolean {
    return this.items.some((i) => i.key === key) ? this.overlay.reveal(key) : false;
  }

  setAudience(packs: Pack[], region: Region, sector: Sector): void {
    this.audienceOverride = { packs: packs.includes('common') ? packs : ['common', ...packs], region, sector };
    this.run();
  }

  resetAudience(): void {
    this.audienceOverride = null;
    this.run();
  }

  setFirstContact(value: FirstContactSetting): void {
    this.firstContactOverride = value;
    this.run();
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    this.run();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    for (const off of this.offs.splice(0)) off();
    this.overlay.dispose();
    this.session.dispose();
  }
}
