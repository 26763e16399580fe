import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SourceText } from '../../src/model/location.js';
import type { ParsedFile, RuleModel } from '../../src/model/rule.js';
import type { SplunkDetectionDocument } from '../../src/parse/splunk/document.js';
import { splunkParser } from '../../src/parse/splunk/model.js';
import { CORPUS } from '../helpers/paths.js';

const DETECTIONS = path.join(CORPUS, 'splunk/detections');

function listYaml(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listYaml(p));
    else if (entry.name.endsWith('.yml')) out.push(p);
  }
  return out.sort();
}

interface Entry {
  rel: string;
  deprecated: boolean;
  parsed: ParsedFile;
  rule?: RuleModel;
}

const entries: Entry[] = [];
let parseMs = 0;

/** The file is a rule whose search parsed: no fatal problem and no search syntax error. */
function clean(e: Entry): boolean {
  return e.rule !== undefined && !e.parsed.problems.some((p) => p.fatal || p.checkId === 'splunk-search-syntax');
}

beforeAll(() => {
  const files = listYaml(DETECTIONS);
  const sources = files.map((f) => new SourceText(readFileSync(f, 'utf8')));
  const started = performance.now();
  files.forEach((file, i) => {
    const parsed = splunkParser.parse(file, sources[i] as SourceText, {});
    const rel = path.relative(DETECTIONS, file);
    const e: Entry = { rel, deprecated: rel.startsWith('deprecated'), parsed };
    if (parsed.rules[0]) e.rule = parsed.rules[0];
    entries.push(e);
  });
  parseMs = performance.now() - started;
  const current = entries.filter((e) => !e.deprecated);
  const pct = (n: number, of: number): string => `${n}/${of} (${((100 * n) / of).toFixed(2)}%)`;
  console.log(`splunk model: ${entries.length} files parsed into rule models in ${parseMs.toFixed(0)} ms (${(parseMs / entries.length).toFixed(2)} ms per file, YAML reading included)`);
  console.log(`splunk model coverage, current detections: ${pct(current.filter(clean).length, current.length)} searches parse into the model; all files incl. deprecated/: ${pct(entries.filter(clean).length, entries.length)}`);
  console.log(`  with predicates ${pct(current.filter((e) => (e.rule?.predicates.length ?? 0) > 0).length, current.length)}, with events ${pct(current.filter((e) => (e.rule?.events.length ?? 0) > 0).length, current.length)}, with techniques ${pct(current.filter((e) => (e.rule?.techniques.length ?? 0) > 0).length, current.length)}, with a data-source field list ${pct(current.filter((e) => e.rule?.knownFields?.() !== undefined).length, current.length)}`);
  for (const e of entries) if (!clean(e)) console.log(`  not parsed: ${e.rel}: ${e.parsed.problems.map((p) => `${p.loc.line}:${p.loc.column} ${p.message.split('\n')[0]}`).join('; ')}`);
});

describe('Splunk corpus through the model builder', () => {
  it('turns every current detection into a rule model whose search parses (100%), and all but 4 deprecated ones', () => {
    const current = entries.filter((e) => !e.deprecated);
    expect(current.length).toBe(1613);
    expect(current.filter(clean).length).toBe(1613);
    // 2 deprecated files are not valid YAML, 2 use eval functions as search values (see test/parse/splunk-corpus.test.ts).
    expect(entries.filter((e) => !clean(e)).map((e) => e.rel)).toEqual([
      'deprecated/abnormally_high_aws_instances_launched_by_user.yml',
      'deprecated/abnormally_high_aws_instances_terminated_by_user.yml',
      'deprecated/okta_threatinsight_login_failure_with_high_unknown_users.yml',
      'deprecated/okta_threatinsight_suspected_passwordspray_attack.yml',
    ]);
  });

  it('gives nearly every current detection predicates, techniques and events', () => {
    const current = entries.filter((e) => !e.deprecated).map((e) => e.rule as RuleModel);
    expect(current.filter((r) => r.predicates.length > 0).length).toBeGreaterThanOrEqual(1570);
    expect(current.filter((r) => r.techniques.length > 0).length).toBeGreaterThanOrEqual(1550);
    expect(current.filter((r) => r.events.length > 0).length).toBeGreaterThanOrEqual(1450);
  });

  it('places every predicate inside the search string, and a comparison written in the search at its field name', () => {
    let checked = 0;
    for (const e of entries) {
      const rule = e.rule;
      if (!rule) continue;
      const search = (rule.doc as SplunkDetectionDocument).searchLoc;
      if (!search) continue;
      for (const p of rule.predicates) {
        const inside = (p.loc.line > search.line || (p.loc.line === search.line && p.loc.column >= search.column)) &&
          (p.loc.endLine < search.endLine || (p.loc.endLine === search.endLine && p.loc.endColumn <= search.endColumn));
        expect(inside, `${e.rel}: ${p.fieldAsWritten} at ${p.loc.line}:${p.loc.column}`).toBe(true);
        // A parenthesised comparison's span takes in its parentheses; a field may be quoted.
        const at = rule.source.text.slice(rule.source.offset(p.loc.line, p.loc.column)).replace(/^[(\s"]+/, '');
        // A search comparison starts at its field, an IN item at its value, a macro's comparisons at the macro call.
        if (p.operator !== 'in' && p.fieldAsWritten !== '' && (p.group === 'search' || p.group === 'tstats') && !at.startsWith('`')) {
          expect(at.startsWith(p.fieldAsWritten) || at.toLowerCase().startsWith(p.fieldAsWritten.toLowerCase()), `${e.rel}: ${p.fieldAsWritten} at ${p.loc.line}:${p.loc.column}: ${at.slice(0, 40)}`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(3500);
  });
});
