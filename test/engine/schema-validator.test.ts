import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { quickNodeValidator, quickValidator, schemaValidator } from '../../src/engine/schema-validator.js';
import { SourceText } from '../../src/model/location.js';
import type { SigmaDocument } from '../../src/parse/sigma/document-types.js';
import { parseSigmaFile } from '../../src/parse/sigma/parse-file.js';
import { SIGMA_SCHEMAS } from '../../src/rules/sigma/pysigma-schema.js';
import { FIXTURES } from '../helpers/paths.js';

function documents(text: string): SigmaDocument[] {
  return parseSigmaFile(new SourceText(text)).documents;
}

/** The quick tests' answers and ajv's for one document: a quick `true` must never meet an ajv `false`. */
function answers(doc: SigmaDocument): { node: boolean; plain: boolean; ajv: boolean } {
  const name = SIGMA_SCHEMAS[doc.kind];
  const node = doc.node;
  if (!node) throw new Error('a parsed Sigma document has its YAML map');
  return { node: quickNodeValidator(name)(node), plain: quickValidator(name)(doc.data), ajv: schemaValidator(name)(doc.data) };
}

const RULE = `title: t
logsource:
  product: windows
detection:
  selection:
    Image|endswith: '\\\\a.exe'
    CommandLine:
      - x
      - 2
  condition: selection
`;

describe('quick schema tests', () => {
  it('find a valid rule valid, on its YAML nodes as on its plain values', () => {
    expect(answers(documents(RULE)[0] as SigmaDocument)).toEqual({ node: true, plain: true, ajv: true });
  });

  it('never find an invalid rule valid', () => {
    const invalid = [
      RULE.replace('title: t\n', ''),
      RULE.replace('  condition: selection\n', ''),
      RULE.replace('product: windows', 'product: [windows]'),
      RULE.replace('      - 2\n', '      - {a: 1}\n'),
      `${RULE}status: 3\n`,
    ];
    for (const text of invalid) {
      const a = answers(documents(text)[0] as SigmaDocument);
      expect(a.ajv).toBe(false);
      expect(a.node).toBe(false);
      expect(a.plain).toBe(false);
    }
  });

  it('read a repeated key as a YAML loader does: the last one counts, once', () => {
    // The first `logsource` is wrong but replaced; the detection holds one key (`condition`) twice, so too few.
    const replaced = `title: t\nlogsource: 3\nlogsource:\n  product: windows\ndetection:\n  selection:\n    a: 1\n  condition: selection\n`;
    expect(answers(documents(replaced)[0] as SigmaDocument)).toEqual({ node: true, plain: true, ajv: true });
    const tooFew = `title: t\nlogsource:\n  product: windows\ndetection:\n  condition: selection\n  condition: selection\n`;
    expect(answers(documents(tooFew)[0] as SigmaDocument)).toEqual({ node: false, plain: false, ajv: false });
  });

  it('agree with ajv on every Sigma fixture document they find valid', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.ya?ml$/.test(e.name)) files.push(p);
      }
    };
    walk(path.join(FIXTURES, 'sigma'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      for (const doc of documents(readFileSync(file, 'utf8'))) {
        const a = answers(doc);
        if (a.node || a.plain) expect({ file, ...a }).toMatchObject({ ajv: true });
        expect({ file, node: a.node }).toEqual({ file, node: a.plain });
      }
    }
  });
});
