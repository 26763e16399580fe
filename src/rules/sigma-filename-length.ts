import { defineCheck } from '../engine/check.js';
import { baseName, FILE_LOCATION } from './sigma/pysigma-doc.js';

const STDIN_NAME = 'stdin.yml';

interface Options {
  min: number;
  max: number;
}

export default defineCheck<Options>({
  meta: {
    id: 'sigma-filename-length',
    description: 'A Sigma file name shorter than 10 or longer than 90 characters (pySigma filename_length).',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['sigma'],
    schema: {
      type: 'object',
      properties: { min: { type: 'integer', minimum: 1 }, max: { type: 'integer', minimum: 1 } },
      additionalProperties: false,
    },
    defaultOptions: { min: 10, max: 90 },
    docs: `Reports a Sigma file whose name, \`.yml\` included, is shorter than \`min\` (10) or longer than \`max\` (90) characters. The message is on line 1.

A name of a few characters says nothing about the rule; a very long one is cut off by tools and file systems of SIEM content packs. Name the file after what the rule detects, prefixed by its log source (\`proc_creation_win_certutil_download.yml\`).

Options: \`min\`, \`max\` (pySigma's defaults). pySigma identifier: \`filename_length\` (\`filename_lengh\` in pySigma before 1.0).`,
  },
  check(rule, context) {
    const { min, max } = context.options;
    const name = baseName(rule.file);
    // `--stdin` without `--stdin-filename` lints text under this stand-in name, which says nothing of a real file.
    if (name === STDIN_NAME || (name.length >= min && name.length <= max)) return;
    const what = name.length < min ? `shorter than ${min}` : `longer than ${max}`;
    context.report({ message: `the file name ${name} has ${name.length} characters, ${what}`, loc: { ...FILE_LOCATION } });
  },
});
