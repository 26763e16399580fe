import type { CliValues } from './args.js';
import type { CliIO } from './main.js';

export async function siteCommand(_args: string[], _values: CliValues, _io: CliIO): Promise<number> {
  return 2;
}
