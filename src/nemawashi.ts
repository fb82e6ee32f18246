/**
 * The engine with the whole catalogue: what every surface calls.
 * `analyze(draft, context)` is pure and never throws on text.
 */
import { createEngine, DEFAULT_CONTEXT, startAnalysis as startEngineAnalysis, type AnalysisContext, type Draft, type DraftFacts, type Finding, type SlicedAnalysis } from './engine';
import { allRules } from '../rules';

export const engine = createEngine(allRules);
export const rules = allRules;

export function analyze(draft: Draft, context: Partial<AnalysisContext> = {}): Finding[] {
  return engine.analyze(draft, { ...DEFAULT_CONTEXT, ...context });
}

/** The findings and the draft's facts (language, first contact …) from one analysis. */
export function analyzeDraft(draft: Draft, context: Partial<AnalysisContext> = {}): { findings: Finding[]; facts: DraftFacts } {
  return engine.analyzeDraft(draft, { ...DEFAULT_CONTEXT, ...context });
}

/**
 * The same analysis in steps, for a page's main thread (src/engine/sliced.ts); `inSteps`: in
 * steps whatever the draft's length.
 */
export function analyzeInSlices(draft: Draft, context: Partial<AnalysisContext> = {}, opts: { inSteps?: boolean } = {}): SlicedAnalysis {
  return startEngineAnalysis(engine, draft, { ...DEFAULT_CONTEXT, ...context }, opts);
}

export * from './engine';
