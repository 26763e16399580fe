import type { Formatter } from './types.js';

/** ESLint's JSON formatter shape: an array of per-file results, without the file's text. */
export const json: Formatter = (results) =>
  JSON.stringify(results.map(({ source: _source, ...rest }) => rest));
