import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { sarif, FINGERPRINT_KEY, ruleDocsUrl } from '../../src/report/formatters/sarif.js';
import { ALL_CHECKS } from '../../src/rules/index.js';
import { FIXTURES, ROOT } from '../helpers/paths.js';
import { context, lintWith, result } from './sample-results.js';

interface SarifLog {
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; helpUri?: string; shortDescription: { text: string }; help?: { markdown: string }; defaultConfiguration: { level: string } }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

// ajv-formats is CommonJS; depending on the loader its plugin is the module or its `default`.
type FormatsPlugin = (ajv: Ajv) => Ajv;
const addFormats = ((formatsModule as unknown as { default?: FormatsPlugin }).default ?? formatsModule) as unknown as FormatsPlugin;

let validate: ValidateFunction;
beforeAll(() => {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'rules-schema/sarif-2.1.0.schema.json'), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  validate = ajv.compile(schema);
});

function expectValid(log: unknown): void {
  const ok = validate(log);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(ok).toBe(true);
}

const DRAFTS = path.join(FIXTURES, 'action/drafts');

describe('sarif formatter on a real lint run', () => {
  let log: SarifLog;
  let text: string;
  beforeAll(async () => {
    const run = await lintWith('sarif', [path.join(DRAFTS, 'bad-condition-reference.yml'), path.join(DRAFTS, 'clean-whoami-discovery.yml')], ROOT);
    expect(run.code).toBe(1);
    text = run.stdout;
    log = JSON.parse(text) as SarifLog;
  });

  it('is valid SARIF 2.1.0', () => {
    expectValid(log);
  });

  it('describes lint-rule and every check as a rule with its docs page and default level', () => {
    const driver = log.runs[0]!.tool.driver;
    expect(driver.name).toBe('lint-rule');
    expect(driver.version).toMatch(/^\d+\.\d+\.\d+/);
    for (const check of ALL_CHECKS) {
      const rule = driver.rules.find((r) => r.id === check.meta.id);
      expect(rule, check.meta.id).toBeDefined();
      expect(rule!.shortDescription.text).toBe(check.meta.description);
      expect(rule!.helpUri).toBe(`https://github.com/lint-rule/lint-rule/blob/main/docs/rules/${check.meta.id}.md`);
      expect(rule!.help!.markdown).toBe(check.meta.docs.trim());
      expect(rule!.defaultConfiguration.level).toBe(check.meta.defaultSeverity === 'warn' ? 'warning' : 'error');
    }
  });

  it('reports the problem at a repository-relative location with a region', () => {
    const results = log.runs[0]!.results;
    expect(results).toHaveLength(1);
    const r = results[0]!;
    expect(r.ruleId).toBe('sigma-condition-reference');
    expect(log.runs[0]!.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
    expect(r.level).toBe('error');
    expect(r.message.text).toContain("'filter_known_installers'");
    expect(r.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'fixtures/action/drafts/bad-condition-reference.yml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 19, startColumn: 34, endLine: 19, endColumn: 57 },
    });
    expect(r.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}:1$/);
  });

  it('holds no absolute path of the machine it ran on', () => {
    expect(text).not.toContain(ROOT);
    expect(text).not.toContain('file://');
  });
});

describe('sarif formatter', () => {
  const root = path.resolve('/repo');
  const parse = (out: string): SarifLog => JSON.parse(out) as SarifLog;

  it('the schema check can fail: a wrong level is rejected', () => {
    const log = parse(sarif([result(path.join(root, 'a.yml'), [{}])], context(root)));
    (log.runs[0]!.results[0] as { level: string }).level = 'warn';
    expect(validate(log)).toBe(false);
  });

  it('percent-encodes the path as a relative URI with forward slashes', () => {
    const file = path.join(root, 'rules', 'my rule #1 é%.yml');
    const log = parse(sarif([result(file, [{}])], context(root)));
    expectValid(log);
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({
      uri: 'rules/my%20rule%20%231%20%C3%A9%25.yml',
      uriBaseId: '%SRCROOT%',
    });
  });

  it('keeps the fingerprint when the reported line moves, and changes it when the problem changes', () => {
    const before = 'title: x\ntags:\n  - attack.t9999\n';
    const after = '# a comment\n# another\ntitle: x\ntags:\n  - attack.t9999\n';
    const msg = { ruleId: 'technique-unknown', message: 'T9999 is not in ATT&CK v18' };
    const fp = (source: string, line: number, message = msg.message): { fp: string; line: number } => {
      const r = parse(sarif([result(path.join(root, 'r.yml'), [{ ...msg, message, line, endLine: line, column: 5, endColumn: 18 }], source)], context(root))).runs[0]!.results[0]!;
      return { fp: r.partialFingerprints[FINGERPRINT_KEY]!, line: r.locations[0]!.physicalLocation.region.startLine };
    };
    const a = fp(before, 3);
    const b = fp(after, 5);
    expect(b.line).toBe(5);
    expect(b.fp).toBe(a.fp);
    expect(fp(before, 3, 'T9998 is not in ATT&CK v18').fp).not.toBe(a.fp);
    expect(fp('title: x\ntags:\n  - attack.t9998\n', 3).fp).not.toBe(a.fp);
  });

  it('gives the same fingerprint whatever the line endings (LF, CRLF, lone CR)', () => {
    const fp = (source: string): string =>
      parse(sarif([result(path.join(root, 'e.yml'), [{ line: 2, endLine: 2, message: 'm' }], source)], context(root))).runs[0]!.results[0]!.partialFingerprints[FINGERPRINT_KEY]!;
    const lf = fp('title: x\ntags: [attack.t1]\n');
    expect(fp('title: x\r\ntags: [attack.t1]\r\n')).toBe(lf);
    expect(fp('title: x\rtags: [attack.t1]\r')).toBe(lf);
    expect(fp('title: x\ntags: [attack.t2]\n')).not.toBe(lf);
  });

  it('numbers identical problems in one file so their fingerprints differ', () => {
    const source = 'a: 1\na: 1\n';
    const log = parse(sarif([result(path.join(root, 'd.yml'), [{ line: 1 }, { line: 2, endLine: 2 }], source)], context(root)));
    const fps = log.runs[0]!.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]!);
    expect(fps[0]!.split(':')[0]).toBe(fps[1]!.split(':')[0]);
    expect(fps.map((f) => f.split(':')[1])).toEqual(['1', '2']);
  });

  it('adds a rule for ids that are not registered checks, so every ruleIndex resolves', () => {
    const log = parse(sarif([result(path.join(root, 'p.yml'), [{ ruleId: 'not-a-registered-check', severity: 2 }, { ruleId: 'technique-missing' }])], context(root)));
    expectValid(log);
    const { rules } = log.runs[0]!.tool.driver;
    for (const r of log.runs[0]!.results) expect(rules[r.ruleIndex]!.id).toBe(r.ruleId);
    expect(rules.find((r) => r.id === 'not-a-registered-check')!.defaultConfiguration.level).toBe('error');
  });

  it('never writes a region that runs backwards', () => {
    const log = parse(sarif([result(path.join(root, 'z.yml'), [{ line: 4, column: 9, endLine: 2, endColumn: 1 }])], context(root)));
    expectValid(log);
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.region).toEqual({ startLine: 4, startColumn: 9, endLine: 4, endColumn: 9 });
  });

  it('is valid with no results at all', () => {
    const log = parse(sarif([result(path.join(root, 'ok.yml'), [])], context(root)));
    expectValid(log);
    expect(log.runs[0]!.results).toEqual([]);
  });

  it('links check docs pages on the repository', () => {
    expect(ruleDocsUrl('technique-missing')).toBe('https://github.com/lint-rule/lint-rule/blob/main/docs/rules/technique-missing.md');
  });
});
