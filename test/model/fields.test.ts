import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { getStaticTOMLValue, parseTOML } from 'toml-eslint-parser';
import { CORPUS, SHARED } from '../helpers/paths.js';
import { loadTable } from '../../src/model/tables.js';
import {
  aliasesOf,
  allAliases,
  canonicalField,
  canonicalFields,
  isKnownField,
  isScopeField,
  nameFieldOf,
  type FieldContext,
  type FieldVocabulary,
} from '../../src/model/fields.js';

// ---------------------------------------------------------------------------
// The raw table, as compiled from data/fields.yml
// ---------------------------------------------------------------------------

interface WhenRow {
  [key: string]: unknown;
}
interface FieldRow {
  sigma?: string[];
  ecs?: string[];
  cim?: string[];
  splunk_raw?: string[];
  when?: WhenRow[];
  name_field?: string;
  scope?: boolean;
}
const VOCABS: readonly FieldVocabulary[] = ['sigma', 'ecs', 'cim', 'splunk_raw'];
const table = loadTable<{ fields: Record<string, FieldRow | null> }>('fields');
const rows = Object.entries(table.fields).map(([canonical, row]) => [canonical, row ?? {}] as const);

function whenAlias(w: WhenRow): { vocab: FieldVocabulary; alias: string }[] {
  return VOCABS.filter((v) => typeof w[v] === 'string').map((v) => ({ vocab: v, alias: w[v] as string }));
}

// ---------------------------------------------------------------------------
// Reference facts (../shared/reference/field-aliases.json), read at test time
// ---------------------------------------------------------------------------

interface RefEntry {
  canonical: string;
  when?: unknown;
}
interface RefAliases {
  alias_index: Record<string, Record<string, RefEntry[]>>;
}
const ref = JSON.parse(readFileSync(path.join(SHARED, 'reference', 'field-aliases.json'), 'utf8')) as RefAliases;

/**
 * Canonicals the reference gives an alias of ours, in the reference vocabularies
 * that correspond to ours. For a plain alias of ours only the reference's plain
 * (context-free) rows count when it has any.
 */
function referenceCanonicals(vocab: FieldVocabulary, alias: string, plain: boolean): Set<string> | undefined {
  const ix = ref.alias_index;
  const lists: (RefEntry[] | undefined)[] = [];
  switch (vocab) {
    case 'sigma':
      lists.push(ix.sigma?.[alias]);
      break;
    case 'ecs':
      lists.push(ix.ecs?.[alias], ix.elastic_other?.[alias]);
      break;
    case 'cim':
      if (alias.includes('.')) lists.push(ix.splunk_cim?.[alias]);
      else {
        // The reference qualifies CIM names by dataset; ours are bare unless the dataset matters.
        for (const [name, entries] of Object.entries(ix.splunk_cim ?? {})) {
          if (name.slice(name.indexOf('.') + 1) === alias) lists.push(entries);
        }
        lists.push(ix.splunk_raw?.[alias]);
      }
      break;
    case 'splunk_raw':
      lists.push(ix.splunk_raw?.[alias], ix.native?.[alias], ix.sigma?.[alias]);
      break;
  }
  const found = lists.filter((l): l is RefEntry[] => l !== undefined).flat();
  if (found.length === 0) return undefined;
  const contextFree = found.filter((e) => e.when === undefined);
  return new Set((plain && contextFree.length > 0 ? contextFree : found).map((e) => e.canonical));
}

/**
 * Where our table disagrees with the reference on purpose. Key: `vocab:alias`.
 * Each reason is the decision documented in docs/fields-and-events.md.
 */
const DEVIATIONS: Record<string, string> = {
  'sigma:ServiceName':
    'reference has no plain row (only service.name in context); Windows service events are the common case, Kerberos events keep winlog.event_data.ServiceName by context',
  'sigma:Signature': 'image_load signatures are the module\'s (dll.code_signature.*), as Elastic Defend library events store them',
  'sigma:SignatureStatus': 'image_load signatures are the module\'s (dll.code_signature.*), as Elastic Defend library events store them',
  'sigma:Signed': 'image_load signatures are the module\'s (dll.code_signature.*), as Elastic Defend library events store them',
  'cim:status':
    'reference: http.response.status_code (from Web.status); bare CIM `status` in Change/Authentication is success/failure, so event.outcome, and Web.status stays HTTP',
  'splunk_raw:source':
    'reference: winlog.channel; Splunk `source` values ("XmlWinEventLog:Security") are not channel names, so it is its own scope field',
  'splunk_raw:category': 'Splunk raw `category` (Azure log category) selects the log: scope, like event.category',
  'sigma:Operation':
    'in m365 audit logs Operation is the operation name (event.action, as Elastic\'s o365 integration stores it); on Windows it stays winlog.event_data.Operation',
  'splunk_raw:Operation': 'Splunk detections use Operation for the O365 operation name (event.action)',
  'sigma:Status': 'in Azure sign-in/audit logs Status is the outcome (event.outcome); on Windows it stays winlog.event_data.Status',
  'splunk_raw:Logon_Type': 'the Splunk Windows TA name of LogonType; same data as winlog.logon.type',
  'sigma:Payload':
    'reference: powershell.file.script_block_text; 4103 Payload is the pipeline\'s command invocation details, not a script block, so it keeps its EventData name',
  'ecs:file.name':
    'in Sysmon 7 data the Elastic Sysmon integration\'s file.* fields describe the loaded module; our module fields are dll.* (as in Elastic Defend library events)',
  'cim:app': 'bare `app` (Authentication, Change) is the application; All_Traffic.app is the qualified network.protocol row',
};

// ---------------------------------------------------------------------------
// Corpus field usage (approximate extraction, for coverage figures only)
// ---------------------------------------------------------------------------

interface Usage {
  vocab: FieldVocabulary;
  field: string;
  ctx?: FieldContext;
}
/** One entry per rule and distinct field. */
type RuleUsages = Usage[][];

function walk(dir: string, ext: string, skip: (p: string) => boolean, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (skip(p)) continue;
    if (statSync(p).isDirectory()) walk(p, ext, skip, out);
    else if (name.endsWith(ext)) out.push(p);
  }
  return out;
}

function sigmaUsages(): RuleUsages {
  const dirs = ['rules', 'rules-emerging-threats', 'rules-threat-hunting', 'rules-compliance', 'rules-placeholder'];
  const out: RuleUsages = [];
  for (const d of dirs) {
    for (const file of walk(path.join(CORPUS, 'sigma', d), '.yml', () => false)) {
      let doc: unknown;
      try {
        doc = parseYaml(readFileSync(file, 'utf8'));
      } catch {
        continue;
      }
      if (!doc || typeof doc !== 'object') continue;
      const rule = doc as { logsource?: Record<string, string>; detection?: Record<string, unknown> };
      if (!rule.detection) continue;
      const ls = rule.logsource ?? {};
      const ctx: FieldContext = {};
      if (ls.product) ctx.product = ls.product;
      if (ls.category) ctx.category = ls.category;
      if (ls.service) ctx.service = ls.service;
      const fields = new Set<string>();
      for (const [key, value] of Object.entries(rule.detection)) {
        if (key === 'condition' || key === 'timeframe') continue;
        for (const item of Array.isArray(value) ? value : [value]) {
          if (item && typeof item === 'object') for (const k of Object.keys(item)) fields.add(k.split('|')[0] ?? '');
        }
      }
      fields.delete('');
      out.push([...fields].map((field) => ({ vocab: 'sigma' as const, field, ctx })));
    }
  }
  return out;
}

const STRINGS = /"""[\s\S]*?"""|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|\/\*[\s\S]*?\*\//g;
const COMPARED = /(?<![\w.@`])([A-Za-z_@][\w@.-]*\w)\s*(?:==|!=|>=|<=|:|>|<|\s(?:in|like|like~|regex|regex~|in~|rlike)\s)/g;
const FUNCTION_ARG = /\b(?:startsWith|endsWith|stringContains|wildcard|cidrMatch|length|substring)~?\s*\(\s*([A-Za-z_@][\w@.]*)/gi;
const QUERY_WORDS = new Set(['and', 'or', 'not', 'where', 'by', 'with', 'sequence', 'any', 'maxspan', 'until', 'runs', 'from']);

function elasticUsages(): RuleUsages {
  const out: RuleUsages = [];
  const skip = (p: string): boolean => p.includes(`${path.sep}_deprecated`);
  for (const d of ['rules', 'rules_building_block']) {
    for (const file of walk(path.join(CORPUS, 'elastic', d), '.toml', skip)) {
      let query: unknown;
      try {
        query = (getStaticTOMLValue(parseTOML(readFileSync(file, 'utf8'))) as { rule?: { query?: unknown } }).rule?.query;
      } catch {
        continue;
      }
      if (typeof query !== 'string') continue;
      const text = query.replace(STRINGS, '""');
      const fields = new Set<string>();
      for (const m of text.matchAll(COMPARED)) fields.add(m[1] as string);
      for (const m of text.matchAll(FUNCTION_ARG)) fields.add(m[1] as string);
      for (const f of [...fields]) {
        // ES|QL names computed by the query itself are not event fields.
        if (QUERY_WORDS.has(f.toLowerCase()) || f.startsWith('Esql.') || !f.includes('.')) fields.delete(f);
      }
      out.push([...fields].map((field) => ({ vocab: 'ecs' as const, field })));
    }
  }
  return out;
}

/** Splits an SPL search into commands at top-level pipes. */
function splCommands(search: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < search.length; i++) {
    const c = search[i];
    if (c === '"' && search[i - 1] !== '\\') quoted = !quoted;
    if (quoted) continue;
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === '|' && depth === 0) {
      out.push(search.slice(start, i));
      start = i + 1;
    }
  }
  out.push(search.slice(start));
  return out;
}

const SPL_COMPARED = /(?<![\w.$])([A-Za-z_][\w.{}:-]*?)\s*(?:!=|=|\s+IN\s*\()/gi;
const SPL_STRINGS = /"(?:\\.|[^"\\])*"/g;

function splunkUsages(): RuleUsages {
  const out: RuleUsages = [];
  const skip = (p: string): boolean => p.includes(`${path.sep}deprecated`);
  for (const file of walk(path.join(CORPUS, 'splunk', 'detections'), '.yml', skip)) {
    let doc: unknown;
    try {
      doc = parseYaml(readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    const search = (doc as { search?: unknown } | null)?.search;
    if (typeof search !== 'string') continue;
    const assigned = new Set<string>();
    const found = new Map<string, Usage>();
    // `| from datamodel Alerts.Alerts | search name=…` filters datamodel fields without their prefix.
    const fromDatamodel = /^\s*\|?\s*from\s+datamodel[\s=:]+"?([\w.]+)/.exec(search)?.[1];
    splCommands(search).forEach((raw, i) => {
      const cmd = raw.trim();
      const name = /^(\w+)/.exec(cmd)?.[1]?.toLowerCase() ?? '';
      const text = cmd.replace(SPL_STRINGS, '""');
      if (name === 'tstats') {
        const datamodel = /datamodel\s*=\s*"?([\w.]+)/.exec(text)?.[1];
        const where = /\bwhere\b([\s\S]*?)(?:\bby\b|$)/.exec(text)?.[1] ?? '';
        for (const m of where.matchAll(SPL_COMPARED)) {
          const field = m[1] as string;
          if (field === 'nodename' || field === 'datamodel') continue;
          const ctx: FieldContext = datamodel ? { datamodel } : {};
          found.set(field, { vocab: 'cim', field, ctx });
        }
        for (const m of text.matchAll(/\bas\s+"?([\w.]+)/gi)) assigned.add(m[1] as string);
        return;
      }
      if (name === 'eval') {
        for (const m of text.matchAll(/(?:^eval|,)\s*([A-Za-z_][\w.]*)\s*=/g)) assigned.add(m[1] as string);
        return;
      }
      if (name === 'rex') {
        for (const m of raw.matchAll(/\?<(\w+)>/g)) assigned.add(m[1] as string);
        return;
      }
      if (['rename', 'stats', 'eventstats', 'streamstats', 'chart', 'timechart', 'lookup'].includes(name)) {
        for (const m of text.matchAll(/\b(?:as|output|outputnew)\s+"?([\w.]+)/gi)) assigned.add(m[1] as string);
        return;
      }
      if (i !== 0 && name !== 'search' && name !== 'where') return;
      const body = (i === 0 ? text : text.slice(name.length)).replace(/`[^`]*`/g, ' ');
      for (const m of body.matchAll(SPL_COMPARED)) {
        const field = m[1] as string;
        if (assigned.has(field) || /^(?:earliest|latest|count)$/i.test(field)) continue;
        const qualified = /^[A-Z]\w*\./.test(field);
        if (fromDatamodel) found.set(field, { vocab: 'cim', field, ctx: { datamodel: fromDatamodel } });
        else found.set(field, { vocab: qualified ? 'cim' : 'splunk_raw', field });
      }
    });
    out.push([...found.values()]);
  }
  return out;
}

function topUnknown(c: { unknown: Map<string, number> }, n = 12): string {
  return [...c.unknown].sort((a, b) => b[1] - a[1]).slice(0, n).map(([f, k]) => `${f} ${k}`).join(', ');
}

function coverage(usages: RuleUsages): { total: number; known: number; share: number; unknown: Map<string, number> } {
  let total = 0;
  let known = 0;
  const unknown = new Map<string, number>();
  for (const rule of usages) {
    for (const u of rule) {
      total++;
      if (isKnownField(u.vocab, u.field, u.ctx)) known++;
      else unknown.set(u.field, (unknown.get(u.field) ?? 0) + 1);
    }
  }
  return { total, known, share: total === 0 ? 0 : known / total, unknown };
}

// ---------------------------------------------------------------------------

describe('fields table', () => {
  it('gives every plain alias to one row per vocabulary', () => {
    const owners = new Map<string, string[]>();
    for (const [canonical, row] of rows) {
      for (const vocab of VOCABS) {
        const names = new Set([...(row[vocab] ?? []), ...(vocab === 'ecs' ? [canonical] : [])]);
        for (const alias of names) {
          const key = `${vocab}:${alias}`;
          owners.set(key, [...(owners.get(key) ?? []), canonical]);
        }
      }
    }
    const shared = [...owners].filter(([, list]) => list.length > 1).map(([k, list]) => `${k} → ${list.join(', ')}`);
    expect(shared).toEqual([]);
  });

  it('points name fields at rows and writes each contextual alias in one vocabulary with a condition', () => {
    const problems: string[] = [];
    for (const [canonical, row] of rows) {
      if (row.name_field !== undefined && table.fields[row.name_field] === undefined) problems.push(`${canonical}: name_field ${row.name_field}`);
      for (const w of row.when ?? []) {
        if (whenAlias(w).length !== 1) problems.push(`${canonical}: when ${JSON.stringify(w)} has ${whenAlias(w).length} aliases`);
        const conditions = ['product', 'category', 'service', 'event', 'datamodel'].filter((k) => w[k] !== undefined);
        if (conditions.length === 0) problems.push(`${canonical}: when ${JSON.stringify(w)} has no condition`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('agrees with the reference alias index, except for the documented deviations', () => {
    const disagreements: string[] = [];
    const usedDeviations = new Set<string>();
    let checked = 0;
    let beyond = 0;
    for (const [canonical, row] of rows) {
      const plain = VOCABS.flatMap((vocab) => (row[vocab] ?? []).map((alias) => ({ vocab, alias, plain: true })));
      const contextual = (row.when ?? []).flatMap(whenAlias).map((a) => ({ ...a, plain: false }));
      for (const { vocab, alias, plain: isPlain } of [...plain, ...contextual]) {
        const theirs = referenceCanonicals(vocab, alias, isPlain);
        if (!theirs) {
          beyond++;
          continue;
        }
        checked++;
        const key = `${vocab}:${alias}`;
        if (theirs.has(canonical)) continue;
        if (DEVIATIONS[key]) {
          usedDeviations.add(key);
          continue;
        }
        disagreements.push(`${key}: ours ${canonical}, reference ${[...theirs].join(' | ')}`);
      }
    }
    console.log(`fields: ${checked} aliases checked against the reference, ${beyond} curated beyond it, ${usedDeviations.size} documented deviations`);
    expect(disagreements).toEqual([]);
    // A deviation nobody needs any more is stale documentation.
    expect(Object.keys(DEVIATIONS).filter((k) => !usedDeviations.has(k))).toEqual([]);
  });
});

describe('field coverage of the corpora', () => {
  let sigma: RuleUsages;
  let elastic: RuleUsages;
  let splunk: RuleUsages;
  beforeAll(() => {
    sigma = sigmaUsages();
    elastic = elasticUsages();
    splunk = splunkUsages();
  });

  /** Fields used by ≥ 5 rules that are not source data, with why. */
  const NOT_EVENT_FIELDS: Record<string, string> = {
    decision: 'part of kubernetes.audit.annotations.authorization_k8s_io/decision, cut at the slash by the extractor',
    new_ace: 'computed by the search (mvfilter over the parsed ACL), not an event field',
    Name: 'ambiguous on raw Splunk events: O365 alert name here, Windows EventData Name (WMI) elsewhere; left to the fallback',
  };

  /** Fields that 5 or more rules use in a way the table does not resolve. */
  function frequentUnknown(usages: RuleUsages): string[] {
    const counts = new Map<string, number>();
    for (const rule of usages) {
      for (const u of rule) {
        if (NOT_EVENT_FIELDS[u.field] || isKnownField(u.vocab, u.field, u.ctx)) continue;
        counts.set(u.field, (counts.get(u.field) ?? 0) + 1);
      }
    }
    return [...counts].filter(([, n]) => n >= 5).map(([field, n]) => `${field} (${n})`);
  }

  it('resolves most Sigma field usages through the table', () => {
    const c = coverage(sigma);
    console.log(`sigma: ${c.known}/${c.total} field usages through a table row (${(c.share * 100).toFixed(1)}%), ${sigma.length} rules; most used fallbacks: ${topUnknown(c)}`);
    expect(sigma.length).toBeGreaterThan(3000);
    expect(c.share).toBeGreaterThan(0.96);
    expect(frequentUnknown(sigma)).toEqual([]);
  });

  it('resolves most Elastic field usages through the table', () => {
    const c = coverage(elastic);
    console.log(`elastic: ${c.known}/${c.total} field usages through a table row (${(c.share * 100).toFixed(1)}%), ${elastic.length} rules; most used fallbacks: ${topUnknown(c)}`);
    expect(elastic.length).toBeGreaterThan(1500);
    expect(c.share).toBeGreaterThan(0.93);
    expect(frequentUnknown(elastic)).toEqual([]);
  });

  it('resolves most Splunk field usages through the table', () => {
    const c = coverage(splunk);
    console.log(`splunk: ${c.known}/${c.total} field usages through a table row (${(c.share * 100).toFixed(1)}%), ${splunk.length} detections; most used fallbacks: ${topUnknown(c)}`);
    expect(splunk.length).toBeGreaterThan(1500);
    expect(c.share).toBeGreaterThan(0.89);
    expect(frequentUnknown(splunk)).toEqual([]);
  });
});

describe('canonicalField', () => {
  it('collapses the three vendors onto one field', () => {
    expect(canonicalField('sigma', 'Image')).toBe('process.executable');
    expect(canonicalField('ecs', 'process.executable')).toBe('process.executable');
    expect(canonicalField('cim', 'Processes.process_path')).toBe('process.executable');
    expect(canonicalField('splunk_raw', 'Image')).toBe('process.executable');
    expect(canonicalField('sigma', 'CommandLine')).toBe('process.command_line');
    expect(canonicalField('cim', 'Processes.process')).toBe('process.command_line');
    expect(canonicalField('sigma', 'ParentImage')).toBe('process.parent.executable');
    expect(canonicalField('cim', 'Processes.parent_process_name')).toBe('process.parent.name');
    expect(canonicalField('sigma', 'QueryName')).toBe('dns.question.name');
    expect(canonicalField('cim', 'DNS.query')).toBe('dns.question.name');
    expect(canonicalField('sigma', 'TargetObject')).toBe('registry.path');
    expect(canonicalField('cim', 'Registry.registry_path')).toBe('registry.path');
    expect(canonicalField('sigma', 'DestinationHostname')).toBe('destination.domain');
  });

  it('applies contextual aliases only in their context', () => {
    expect(canonicalField('sigma', 'ImageLoaded', { product: 'windows', category: 'image_load' })).toBe('dll.path');
    expect(canonicalField('sigma', 'ImageLoaded', { product: 'windows', category: 'driver_load' })).toBe('file.path');
    expect(canonicalField('sigma', 'Image', { product: 'windows', category: 'image_load' })).toBe('process.executable');
    expect(canonicalField('sigma', 'TargetFilename', { product: 'windows', category: 'file_event' })).toBe('file.path');
    expect(canonicalField('sigma', 'NewProcessName', { product: 'windows', service: 'security' })).toBe('process.executable');
    expect(canonicalField('sigma', 'ParentProcessName', { product: 'windows', service: 'security' })).toBe('process.parent.executable');
    // 4688's ProcessId is the creator's PID; Sysmon 1's is the new process's.
    expect(canonicalField('sigma', 'ProcessId', { eventKeys: ['security:4688'] })).toBe('process.parent.pid');
    expect(canonicalField('sigma', 'ProcessId', { eventKeys: ['sysmon:1', 'security:4688'] })).toBe('process.pid');
    expect(canonicalField('sigma', 'Hashes', { product: 'windows', category: 'driver_load' })).toBe('file.hash.*');
    expect(canonicalField('sigma', 'Hashes', { product: 'windows', category: 'process_creation' })).toBe('process.hash.*');
    expect(canonicalField('sigma', 'exe', { product: 'linux', service: 'auditd' })).toBe('process.executable');
    expect(canonicalField('ecs', 'file.path', { eventKeys: ['sysmon:7'] })).toBe('dll.path');
    expect(canonicalField('ecs', 'file.path')).toBe('file.path');
  });

  it('ignores Sigma modifiers', () => {
    expect(canonicalField('sigma', 'Image|endswith')).toBe('process.executable');
    expect(canonicalField('sigma', 'CommandLine|contains|all')).toBe('process.command_line');
  });

  it('falls back as documented for names the table does not know', () => {
    expect(canonicalField('sigma', 'FooBar')).toBe('winlog.event_data.FooBar');
    expect(canonicalField('sigma', 'FooBar', { product: 'windows', service: 'system' })).toBe('winlog.event_data.FooBar');
    expect(canonicalField('sigma', 'fooBar', { product: 'aws', service: 'cloudtrail' })).toBe('fooBar');
    expect(canonicalField('ecs', 'process.foo')).toBe('process.foo');
    expect(canonicalField('cim', 'Processes.foo_bar')).toBe('cim.foo_bar');
    expect(canonicalField('cim', 'foo_bar')).toBe('cim.foo_bar');
    expect(canonicalField('splunk_raw', 'foo_bar')).toBe('foo_bar');
    expect(isKnownField('sigma', 'FooBar')).toBe(false);
    expect(isKnownField('sigma', 'Image')).toBe(true);
  });

  it('reads raw Splunk names as raw, then CIM, then Sigma names', () => {
    expect(canonicalField('splunk_raw', 'EventCode')).toBe('event.code');
    expect(canonicalField('splunk_raw', 'process_name')).toBe('process.name');
    expect(canonicalField('splunk_raw', 'TargetFilename')).toBe('file.path');
    expect(canonicalField('splunk_raw', 'index')).toBe('splunk.index');
    expect(canonicalField('splunk_raw', 'eventcode')).toBe('event.code');
  });

  it('reads dataset-qualified CIM names by dataset where the dataset matters', () => {
    expect(canonicalField('cim', 'Processes.dest')).toBe('host.name');
    expect(canonicalField('cim', 'All_Traffic.dest')).toBe('destination.domain');
    expect(canonicalField('cim', 'Web.dest')).toBe('url.domain');
    expect(canonicalField('cim', 'dest', { datamodel: 'Web.Web' })).toBe('url.domain');
    expect(canonicalField('cim', 'Web.status')).toBe('http.response.status_code');
    expect(canonicalField('cim', 'All_Changes.status')).toBe('event.outcome');
  });
});

describe('name fields, scope, aliases', () => {
  it('names the field that holds a path field\'s last component', () => {
    expect(nameFieldOf('process.executable')).toBe('process.name');
    expect(nameFieldOf('process.parent.executable')).toBe('process.parent.name');
    expect(nameFieldOf('file.path')).toBe('file.name');
    expect(nameFieldOf('dll.path')).toBe('dll.name');
    expect(nameFieldOf('process.command_line')).toBeUndefined();
    expect(nameFieldOf('no.such.field')).toBeUndefined();
  });

  it('marks the fields that only select the event', () => {
    for (const f of ['event.code', 'winlog.channel', 'winlog.provider_name', 'event.category', 'event.type', 'event.action', 'event.dataset', 'event.module', 'data_stream.dataset', 'host.os.type', 'splunk.index', 'splunk.sourcetype', 'splunk.source', 'splunk.eventtype']) {
      expect(isScopeField(f), f).toBe(true);
    }
    expect(isScopeField(canonicalField('sigma', 'EventID'))).toBe(true);
    expect(isScopeField(canonicalField('splunk_raw', 'EventCode'))).toBe(true);
    expect(isScopeField(canonicalField('sigma', 'Channel'))).toBe(true);
    expect(isScopeField('process.executable')).toBe(false);
    expect(isScopeField('no.such.field')).toBe(false);
  });

  it('lists each vendor\'s names of a field, for writing snippets', () => {
    const a = aliasesOf('process.executable');
    expect(a?.sigma).toContain('Image');
    expect(a?.ecs).toContain('process.executable');
    expect(a?.cim).toContain('process_path');
    expect(aliasesOf('no.such.field')).toBeUndefined();
    // Every alias listed resolves back to its row.
    for (const canonical of canonicalFields()) {
      const aliases = aliasesOf(canonical);
      for (const vocab of VOCABS) {
        for (const alias of aliases?.[vocab] ?? []) expect(canonicalField(vocab, alias), `${vocab}:${alias}`).toBe(canonical);
      }
    }
  });

  it('offers every alias of a vocabulary for did-you-mean suggestions', () => {
    const sigma = allAliases('sigma');
    expect(sigma).toContain('Image');
    expect(sigma).toContain('ImageLoaded');
    expect(sigma.find((a) => a.toLowerCase() === 'commandline')).toBe('CommandLine');
    expect(allAliases('ecs')).toContain('process.name');
    expect(allAliases('cim')).toContain('All_Traffic.dest');
    expect([...sigma].sort()).toEqual(sigma);
  });
});
