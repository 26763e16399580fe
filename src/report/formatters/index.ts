import type { Formatter } from './types.js';

/** Formatters by name; each is loaded only when asked for. */
const FORMATTERS: Record<string, () => Promise<Formatter>> = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
};

export function formatterNames(): string[] {
  return Object.keys(FORMATTERS);
}

export async function loadFormatter(name: string): Promise<Formatter | undefined> {
  const load = FORMATTERS[name];
  return load ? load() : undefined;
}
