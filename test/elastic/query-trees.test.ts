import { describe, expect, it } from 'vitest';
import { SourceText } from '../../src/model/location.js';
import type { RuleModel } from '../../src/model/rule.js';
import type { ElasticRuleDocument } from '../../src/parse/elastic/document.js';
import { elasticParser } from '../../src/parse/elastic/model.js';
import { eqlTree, esqlTree } from '../../src/parse/elastic/query-trees.js';
import { eqlShape } from '../../src/rules/elastic/eql-shape.js';

function docOf(toml: string): ElasticRuleDocument {
  const parsed = elasticParser.parse('rule.toml', new SourceText(toml), {});
  return (parsed.rules[0] as RuleModel<ElasticRuleDocument>).doc as ElasticRuleDocument;
}

const rule = (type: string, language: string, query: string): string =>
  `[rule]\nname = "r"\nrule_id = "0f1b2c3d-0000-4000-8000-000000000000"\ntype = "${type}"\nlanguage = "${language}"\nquery = '''\n${query}\n'''\n`;

// The checks that read more of a query than the model keeps get the tree the model builder parsed.
describe('query trees kept by the model builder', () => {
  it('keeps an EQL sequence with its maxspan, and eqlShape reads it with its place', () => {
    const doc = docOf(rule('eql', 'eql', 'sequence with maxspan=10m\n  [process where true]\n  [file where true]'));
    expect(eqlTree(doc)?.kind).toBe('sequence');
    expect(esqlTree(doc)).toBeUndefined();
    const shape = eqlShape(doc);
    expect(shape?.maxspan).toMatchObject({ ms: 600_000, written: '10m' });
    expect(shape?.maxspan?.loc.line).toBe(7);
  });

  it('keeps an ES|QL tree with its commands', () => {
    const doc = docOf(rule('esql', 'esql', 'from logs-* | where true | keep host.name'));
    expect(esqlTree(doc)?.commands.map((c) => c.kind)).toContain('keep');
    expect(eqlTree(doc)).toBeUndefined();
  });

  it('keeps no tree for KQL', () => {
    const doc = docOf(rule('query', 'kuery', 'process.name : "a.exe"'));
    expect(eqlTree(doc)).toBeUndefined();
    expect(esqlTree(doc)).toBeUndefined();
    expect(eqlShape(doc)).toBeUndefined();
  });
});
