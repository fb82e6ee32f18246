// Types of scripts/ascii-output.mjs (a plain ES module the builds load).
export function asciiOnly(source: string, name?: string): string;
export function quotedStrings(source: string, name?: string): string;
export function asciiOutputVite(): {
  name: string;
  enforce: 'post';
  generateBundle(options: unknown, bundle: Record<string, { type: 'chunk'; code: string; fileName: string } | { type: 'asset' }>): void;
};
