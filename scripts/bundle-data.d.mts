// Types of scripts/bundle-data.mjs (a plain ES module the CLI's build and a test load).
export const LARGE: number;
/** `source` with its string literals (and string arrays) of `large` characters or more read from `dataFile`; `data` is that file's text, undefined when nothing moved. */
export function moveLargeLiterals(source: string, dataFile: string, large?: number): { source: string; data: string | undefined };
