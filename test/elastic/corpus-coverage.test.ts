import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SourceText } from '../../src/model/location.js';
import type { ParsedFile, RuleModel } from '../../src/model/rule.js';
import { elasticParser } from '../../src/parse/elastic/model.js';
import { CORPUS } from '../helpers/paths.js';

const ELASTIC = path.join(CORPUS, 'elastic');

function tomlFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) tomlFiles(p, out);
    else if (e.name.endsWith('.toml')) out.push(p);
  }
  return out;
}

interface LanguageFigures {
  files: number;
  models: number;
  syntaxErrors: string[];
  withPredicates: number;
  withEvents: number;
}

interface Figures {
  files: number;
  failures: string[];
  byLanguage: Record<string, LanguageFigures>;
  /** Predicates located outside their file's lines. */
  badLocations: string[];
  /** Field names field-unknown would report, with the file. */
  unknownFields: string[];
  ms: number;
}

function read(files: readonly string[]): Figures {
  const fig: Figures = { files: files.length, failures: [], byLanguage: {}, badLocations: [], unknownFields: [], ms: 0 };
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const t0 = performance.now();
  const parsed: ParsedFile[] = files.map((f, i) => elasticParser.parse(f, new SourceText(texts[i] as string), {}));
  fig.ms = performance.now() - t0;
  parsed.forEach((p, i) => {
    const rel = path.relative(ELASTIC, files[i] as string);
    const rule = p.rules[0] as RuleModel | undefined;
    if (p.rules.length !== 1 || !rule) {
      fig.failures.push(`${rel}: ${p.rules.length} models, ${p.problems.map((x) => x.message).join('; ')}`);
      return;
    }
    const lf = (fig.byLanguage[rule.language] ??= { files: 0, models: 0, syntaxErrors: [], withPredicates: 0, withEvents: 0 });
    lf.files++;
    lf.models++;
    for (const problem of p.problems) {
      if (problem.checkId === 'elastic-query-syntax') lf.syntaxErrors.push(`${rel}:${problem.loc.line}:${problem.loc.column} ${problem.message}`);
      else fig.failures.push(`${rel}: ${problem.checkId} ${problem.message}`);
    }
    if (rule.predicates.length > 0) lf.withPredicates++;
    if (rule.events.length > 0) lf.withEvents++;
    const lines = rule.source.lineCount;
    for (const pr of rule.predicates) {
      if (pr.loc.line < 1 || pr.loc.endLine > lines || pr.loc.line > pr.loc.endLine) fig.badLocations.push(`${rel}: ${pr.fieldAsWritten}`);
    }
    const known = rule.knownFields?.();
    if (known) {
      const has = known.has ?? ((name: string): boolean => known.names.includes(name));
      for (const field of new Set(rule.predicates.map((x) => x.fieldAsWritten))) {
        if (field !== '' && !has(field)) fig.unknownFields.push(`${field} (${rel})`);
      }
    }
  });
  return fig;
}

function report(name: string, fig: Figures): void {
  const rows = Object.entries(fig.byLanguage)
    .sort()
    .map(([lang, l]) => `  ${lang.padEnd(7)} ${l.models}/${l.files} modelled, ${l.syntaxErrors.length} syntax errors, ${l.withPredicates} with predicates, ${l.withEvents} with catalog events`);
  console.log(
    [
      `[${name}] ${fig.files} files → ${fig.files - fig.failures.length} rule models in ${fig.ms.toFixed(0)} ms (TOML read + query parse + model)`,
      ...rows,
      ...Object.values(fig.byLanguage).flatMap((l) => l.syntaxErrors.map((e) => `  syntax error: ${e}`)),
      ...fig.failures.map((f) => `  failure: ${f}`),
      `  fields in neither ECS nor the non-ECS schema: ${fig.unknownFields.join(', ') || 'none'}`,
    ].join('\n'),
  );
}

describe('Elastic corpus through the model builder', () => {
  let current: Figures;
  let deprecated: Figures;

  beforeAll(() => {
    const all = [...tomlFiles(path.join(ELASTIC, 'rules')), ...tomlFiles(path.join(ELASTIC, 'rules_building_block'))];
    const isDeprecated = (f: string): boolean => f.includes(`${path.sep}_deprecated${path.sep}`);
    current = read(all.filter((f) => !isDeprecated(f)));
    deprecated = read(all.filter(isDeprecated));
    report('rules + rules_building_block', current);
    report('rules/_deprecated', deprecated);
  });

  it('gives every file one rule model, with no problem at all', () => {
    expect(current.files).toBeGreaterThan(1900);
    expect(current.failures).toEqual([]);
    expect(deprecated.failures).toEqual([]);
  });

  it('parses every query of every language: no syntax error', () => {
    const { kuery, eql, esql, none } = current.byLanguage;
    expect(kuery?.models).toBeGreaterThan(650);
    expect(eql?.models).toBeGreaterThan(950);
    expect(esql?.models).toBeGreaterThan(175);
    // Machine-learning rules have no query.
    expect(none?.models).toBeGreaterThan(90);
    for (const fig of [current, deprecated]) {
      for (const [lang, l] of Object.entries(fig.byLanguage)) expect(l.syntaxErrors, lang).toEqual([]);
    }
  });

  it('gives every KQL and EQL rule predicates, and locates every predicate inside its file', () => {
    const { kuery, eql, esql } = current.byLanguage;
    expect(kuery?.withPredicates).toBe(kuery?.models);
    expect(eql?.withPredicates).toBe(eql?.models);
    // ES|QL rules may filter only after STATS.
    expect(esql?.withPredicates).toBeGreaterThan((esql?.models ?? 0) * 0.9);
    expect(current.badLocations).toEqual([]);
  });

  it('finds catalog events for the Windows, macOS and integration rules', () => {
    const withEvents = Object.values(current.byLanguage).reduce((n, l) => n + l.withEvents, 0);
    expect(withEvents).toBeGreaterThan(1000);
  });

  it('reads only a handful of fields that neither ECS nor the non-ECS schema has (integration fields)', () => {
    expect(current.unknownFields.sort()).toEqual([
      'gen_ai.guardrail_id (rules/integrations/aws_bedrock/aws_bedrock_execution_without_guardrails.toml)',
      'gen_ai.response.error_code (rules/integrations/aws_bedrock/aws_bedrock_multiple_attempts_to_use_denied_models_by_user.toml)',
      'gen_ai.response.error_code (rules/integrations/aws_bedrock/aws_bedrock_multiple_validation_exception_errors_by_single_user.toml)',
      'related.entity (rules/integrations/aws/privilege_escalation_iam_customer_managed_policy_attached_to_role.toml)',
    ]);
  });
});
