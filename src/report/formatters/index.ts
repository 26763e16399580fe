import type { Formatter } from './types.js';

/** Formatters by name; each is loaded only when asked for. */
const FORMATTERS: Record<string, () => Promise<Formatter>> = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  compact: async () => (await import('./compact.js')).compact,
  sarif: async () => (await import('./sarif.js')).sarif,
  github: async () => (await import('./github.js')).github,
  junit: async () => (await import('./junit.js')).junit,
  markdown: async () => (await import('./markdown.js')).markdown,
};

export function formatterNames(): string[] {
  return Object.keys(FORMATTERS);
}

export async function loadFormatter(name: string): Promise<Formatter | undefined> {
  const load = FORMATTERS[name];
  return load ? load() : undefined;
}
