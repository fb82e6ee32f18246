// The module of compromise's data computed at build time (scripts/compromise-precompute.mjs,
// COMPROMISE_DATA_ID): string literals (JSON) and packed tables, read by the tagger's modules.
declare module 'nemawashi:compromise-data' {
  export const MODELS: string;
  export const TAG_SET: string;
  export const NET: string;
  interface PackedTable {
    keys: string;
    values: unknown[];
    idx: string;
  }
  export const LEXICON: PackedTable;
  export const MULTI: PackedTable;
  export const SWITCHES: PackedTable;
  export const UNCOUNTABLE: PackedTable;
}
