import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileQuickTest } from '../../src/engine/schema-quick.js';
import { getAjv, quickNodeValidator, quickValidator, schemaValidator } from '../../src/engine/schema-validator.js';
import { toPlain } from '../../src/parse/yaml/nodes.js';
import { readYaml } from '../../src/parse/yaml/read.js';
import { SourceText } from '../../src/model/location.js';
import type { SigmaDocument } from '../../src/parse/sigma/document-types.js';
import { parseSigmaFile } from '../../src/parse/sigma/parse-file.js';
import { SIGMA_SCHEMAS } from '../../src/rules/sigma/pysigma-schema.js';
import { FIXTURES, ROOT } from '../helpers/paths.js';

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

describe('generated quick tests', () => {
  it('compile every schema of rules-schema/, for plain values and for YAML nodes', () => {
    const dir = path.join(ROOT, 'rules-schema');
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.schema.json'))) {
      const schema = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as object;
      expect(typeof compileQuickTest(schema, 'plain'), name).toBe('function');
      expect(typeof compileQuickTest(schema, 'yaml'), name).toBe('function');
    }
  });

  // Keywords the Sigma schemas use little or not at all, each with data on both sides of it.
  const cases: { schema: object; yaml: string[] }[] = [
    { schema: { type: 'integer' }, yaml: ['3', '3.5', 'x'] },
    { schema: { type: ['null', 'boolean'] }, yaml: ['~', 'true', '0', '[]'] },
    { schema: { const: 'a' }, yaml: ['a', 'b', '{a: 1}'] },
    { schema: { enum: [1, 2, 3, 4, 5, 6, 7, 8, 9, 'x'] }, yaml: ['9', 'x', '10', '[1]'] },
    { schema: { not: { type: 'string' } }, yaml: ['1', 'a'] },
    { schema: { oneOf: [{ type: 'string' }, { type: 'string', minLength: 3 }] }, yaml: ['ab', 'abc', '1'] },
    { schema: { if: { type: 'object', required: ['a'] }, then: { required: ['b'] }, else: { type: 'array' } }, yaml: ['{a: 1, b: 2}', '{a: 1}', '[1]', '{c: 1}'] },
    { schema: { type: 'object', maxProperties: 2 }, yaml: ['{a: 1, b: 2}', '{a: 1, b: 2, c: 3}', '{a: 1, a: 2, b: 3}'] },
    { schema: { type: 'object', minProperties: 2 }, yaml: ['{a: 1, b: 2}', '{a: 1, a: 2}', '{a: 1, a: 2, b: 3}'] },
    { schema: { type: 'array', uniqueItems: true }, yaml: ['[a, b]', '[a, a]', '[.nan, .nan]', '[1, "1"]', `[${Array.from({ length: 20 }, (_, i) => i).join(', ')}, 3]`] },
    { schema: { type: 'string', maxLength: 2, pattern: '^a' }, yaml: ['ab', 'abc', 'ba', '"a😀"'] },
    { schema: { type: 'object', required: ['a', 'z'], properties: { a: { type: 'string' } }, additionalProperties: { type: 'number' } }, yaml: ['{a: x, z: 1}', '{a: x}', '{a: 1, z: 1}', '{a: 1, a: x, z: 2}', '{a: x, z: q}'] },
    { schema: { items: { $ref: '#' }, type: ['array', 'string'] }, yaml: ['[a, [b, [c]]]', '[a, [1]]'] },
  ];

  it('answer as ajv does where they are sure, on plain values and YAML nodes alike', () => {
    for (const { schema, yaml } of cases) {
      const ajv = getAjv().compile(schema);
      const plain = compileQuickTest(schema, 'plain');
      const nodes = compileQuickTest(schema, 'yaml');
      for (const text of yaml) {
        const node = readYaml(text).documents[0]?.contents ?? null;
        const data = toPlain(node);
        const answers = { schema, text, ajv: ajv(data), plain: plain(data), yaml: nodes(node) };
        // These schemas are all answerable exactly (no `integer` on a float, no uniqueItems over maps).
        expect(answers).toEqual({ ...answers, plain: answers.ajv, yaml: answers.ajv });
      }
    }
  });

  it('are "not sure" for a keyword they do not know', () => {
    expect(compileQuickTest({ type: 'string', format: 'email' }, 'plain')('a@b.c')).toBe(false);
  });
});
