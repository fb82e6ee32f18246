export * from './types';
export * from './rule';
export * from './phrases';
export * from './text';
export * from './segment';
export * from './first-contact';
export * from './audience';
export { createEngine, buildDoc, sortFindings, type Engine } from './analyze';
export { tagSentence, startsWithImperative, isInfinitiveVerb, isCommonWord, warmUp } from './nlp';
