import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaValidator } from '../../src/engine/schema-validator.js';
import { SourceText } from '../../src/model/location.js';
import { parseSigmaFile } from '../../src/parse/sigma/parse-file.js';
import { validateSigmaDocument } from '../../src/rules/sigma/pysigma-schema.js';
import { CORPUS, FIXTURES } from '../helpers/paths.js';
import { runCheckCases } from '../helpers/rule-tester.js';

const VALID = 'sigma/valid-process-creation.yml';
const DIR = 'sigma/pysigma/schema';

function documentsOf(file: string) {
  return parseSigmaFile(new SourceText(readFileSync(file, 'utf8'))).documents;
}

describe('Sigma JSON schemas', () => {
  it('compile, and take `condition` as a string or a list', () => {
    const rule = schemaValidator('sigma-rule.schema.json');
    const base = { title: 't', logsource: { product: 'windows' }, detection: { sel: { a: 1 } } };
    expect(rule({ ...base, detection: { ...base.detection, condition: 'sel' } })).toBe(true);
    expect(rule({ ...base, detection: { ...base.detection, condition: ['sel', 'not sel'] } })).toBe(true);
    expect(rule({ ...base, detection: { ...base.detection, condition: { sel: 1 } } })).toBe(false);
    expect(schemaValidator('sigma-correlation.schema.json')({ title: 't', correlation: { type: 'temporal', rules: ['a', 'b'], timespan: '5m', condition: 'a and b' } })).toBe(true);
    expect(schemaValidator('sigma-filter.schema.json')({ title: 't', logsource: { product: 'windows' }, filter: { rules: ['a'], selection: { User: 'x' }, condition: 'not selection' } })).toBe(true);
  });

  it('sigma-schema: each error at its node: a missing key at the parent key, a bad value at the value, a bad list entry at the entry', () =>
    runCheckCases('sigma-schema', {
      valid: [VALID, 'drafts/sigma-dll-sideloading.yml', 'drafts/sigma-powershell-download.yml', `${DIR}/valid-condition-list-and-custom-keys.yml`, `${DIR}/valid-correlation.yml`],
      invalid: [
        {
          file: `${DIR}/invalid-missing-logsource-and-condition.yml`,
          errors: [{ line: 1, message: "missing required key 'logsource'" }, { line: 7, message: "detection: missing required key 'condition'" }],
        },
        {
          file: `${DIR}/invalid-wrong-shapes.yml`,
          errors: [
            { line: 5, message: 'author must be a string' },
            { line: 11, message: 'related[0].type must be one of derived, obsolete, merged, renamed, similar' },
            { line: 12, message: 'scope must be a list' },
            { line: 13, message: 'logsource must be at least one of category, product or service' },
            { line: 18, message: 'detection.empty_list must not be an empty list' },
            { line: 23, message: 'fields: entries 1 and 3 are the same' },
            { line: 24, message: /^falsepositives must be a string or a list of strings/ },
          ],
        },
        {
          file: `${DIR}/invalid-correlation.yml`,
          errors: [
            { line: 4, message: "correlation: missing required key 'timespan'" },
            { line: 5, message: /^correlation\.type must be one of event_count, value_count/ },
            { line: 9, message: /^correlation\.condition must be a map of criteria/ },
            { line: 11, message: 'correlation.generate must be true or false' },
          ],
        },
      ],
    }));

  it('leaves bad metadata values to their dedicated checks (one message per problem)', () =>
    runCheckCases('sigma-schema', { valid: ['sigma/pysigma/load/invalid-metadata-values.yml', 'sigma/pysigma/tags/invalid-tags.yml'], invalid: [] }));

  it('validates filter documents against the filter schema', () => {
    const [good] = documentsOf(path.join(FIXTURES, DIR, 'valid-filter.yml'));
    expect(good?.kind).toBe('filter');
    expect(validateSigmaDocument(good!)).toEqual([]);
    const [bad] = documentsOf(path.join(FIXTURES, DIR, 'invalid-filter.yml'));
    expect(validateSigmaDocument(bad!).map((p) => [p.loc.line, p.loc.column, p.message])).toEqual([[6, 1, "filter: missing required key 'rules'"]]);
  });

  it('accepts every rule of the SigmaHQ corpus', () => {
    const failures: string[] = [];
    let documents = 0;
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.yml')) {
          for (const doc of documentsOf(full)) {
            documents++;
            for (const p of validateSigmaDocument(doc)) failures.push(`${path.relative(CORPUS, full)}:${p.loc.line}: ${p.message}`);
          }
        }
      }
    };
    const sigma = path.join(CORPUS, 'sigma');
    for (const top of readdirSync(sigma)) if (top.startsWith('rules')) walk(path.join(sigma, top));
    expect(documents).toBeGreaterThan(3000);
    expect(failures).toEqual([]);
  });
});
