/**
 * The engine with the whole catalogue: what every surface calls.
 * `analyze(draft, context)` is pure and never throws on text.
 */
import { createEngine, DEFAULT_CONTEXT, type AnalysisContext, type Draft, type Finding } from './engine';
import { allRules } from '../rules';

export const engine = createEngine(allRules);
export const rules = allRules;

export function analyze(draft: Draft, context: Partial<AnalysisContext> = {}): Finding[] {
  return engine.analyze(draft, { ...DEFAULT_CONTEXT, ...context });
}

export * from './engine';
