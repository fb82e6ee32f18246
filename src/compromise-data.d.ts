// The module of compromise's data computed at build time (scripts/compromise-precompute.mjs,
// COMPROMISE_DATA_ID): JSON text and the tables packed to be read in place.
declare module 'nemawashi:compromise-data' {
  export const MODELS: string;
  export const TAG_SET: string;
  export const NET: string;
  interface LookupTable {
    sep: string;
    end: string;
    digits: string;
    width: number;
    values: unknown[];
    order: string;
    buckets: string[];
  }
  export const LOOKUP: { lexicon: LookupTable; multi: LookupTable; switches: LookupTable; uncountable: LookupTable };
}

// compromise/one's core and plugins (scripts/compromise-precompute.mjs, COMPROMISE_ONE_ID).
declare module 'nemawashi:compromise-one' {
  export const nlp: unknown;
}
