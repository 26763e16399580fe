import { defineCheck } from '../engine/check.js';
import { detectionItems, sigmaRuleDoc } from './sigmahq-support.js';

/** Hex digits of each hash Sysmon writes in `Hashes` (and `Hash` of file streams). */
const HASH_LENGTHS: Readonly<Record<string, number>> = { MD5: 32, SHA1: 40, SHA256: 64, IMPHASH: 32 };
const HEX = /^[0-9a-fA-F]+$/;

export default defineCheck({
  meta: {
    id: 'sigmahq-hash-format',
    description: 'A Sysmon `Hashes`/`Hash` value that is not `ALGO=hex` with the algorithm\'s length.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['sigma'],
    docs: `Sysmon writes hashes as \`MD5=…,SHA256=…,IMPHASH=…\`. A search on \`Hashes\` must use that form: an upper-case algorithm (MD5, SHA1, SHA256, IMPHASH), \`=\`, and a hex digest of the algorithm's length (32, 40, 64, 32). A bare digest, a lower-case algorithm name or a truncated digest never matches. Wildcards cut the value into parts; each part is checked on its own, as SigmaHQ's \`sigmahq_invalid_hash_kv\` does.`,
  },
  check(rule, context) {
    const doc = sigmaRuleDoc(rule);
    if (!doc) return;
    for (const { item } of detectionItems(doc)) {
      if (item.field !== 'Hashes' && item.field !== 'Hash') continue;
      for (const v of item.values) {
        if (typeof v.value !== 'string') {
          context.report({ message: `'${item.field}' value ${String(v.value)} is not ALGO=hex`, loc: v.loc });
          continue;
        }
        for (const part of v.value.split(/(?<!\\)[*?]/)) {
          if (part === '') continue;
          const problem = hashProblem(part);
          if (problem) context.report({ message: `'${item.field}' value '${part}': ${problem}`, loc: v.loc });
        }
      }
    }
  },
});

function hashProblem(part: string): string | undefined {
  const eq = part.split('=');
  if (eq.length !== 2) return 'expected ALGO=hex (MD5, SHA1, SHA256 or IMPHASH)';
  const [algo = '', digest = ''] = eq;
  const want = HASH_LENGTHS[algo];
  if (want === undefined) return `unknown hash algorithm '${algo}' (expected MD5, SHA1, SHA256 or IMPHASH, upper case)`;
  if (!HEX.test(digest) || digest.length !== want) return `${algo} needs ${want} hex digits, found '${digest}'`;
  return undefined;
}
