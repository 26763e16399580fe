import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CORPUS, SHARED } from '../helpers/paths.js';
import {
  catalogEvent,
  catalogEventKeys,
  describeEvent,
  elasticEvents,
  sigmaLogsourceEvents,
  sigmaLogsourceFields,
  sigmaLogsourceNoEventReason,
  splunkDataSourceEvents,
  splunkDatasetEvents,
  splunkMacroEvents,
  type ElasticSelector,
  type SigmaLogsource,
} from '../../src/model/events.js';

// ---------------------------------------------------------------------------
// Reference facts, read at test time
// ---------------------------------------------------------------------------

interface RefCatalogEvent {
  title: string | null;
  event_name?: string;
  action_type?: string;
}
interface RefKeyed {
  key: string;
}
interface RefLogsourceEvents {
  event_catalog: Record<string, RefCatalogEvent>;
  sigma: { logsource: SigmaLogsource; events: RefKeyed[]; channel?: unknown }[];
  elastic: { selector: Record<string, unknown>; events: RefKeyed[]; basis: string }[];
  splunk: {
    selectors: { selector: Record<string, unknown>; events: RefKeyed[] }[];
    data_sources: { data_source: string; events: RefKeyed[] }[];
  };
}
interface RefEventFields {
  events: Record<string, { fields?: string[] }>;
}

const reference = JSON.parse(readFileSync(path.join(SHARED, 'reference', 'logsource-events.json'), 'utf8')) as RefLogsourceEvents;
const referenceFields = JSON.parse(readFileSync(path.join(SHARED, 'reference', 'event-fields.json'), 'utf8')) as RefEventFields;

const keys = (events: RefKeyed[]): string[] => events.map((e) => e.key).sort();
const sorted = (list: readonly string[]): string[] => [...list].sort();
const lsName = (ls: SigmaLogsource): string => `${ls.product ?? ''}/${ls.category ?? ''}/${ls.service ?? ''}`;

function selector(partial: Partial<ElasticSelector>): ElasticSelector {
  return { categories: [], types: [], actions: [], codes: [], datasets: [], indices: [], fields: [], ...partial };
}

// ---------------------------------------------------------------------------
// Documented deviations from the reference
// ---------------------------------------------------------------------------

/** Catalog titles we write differently on purpose. ESF titles are handled as a group below. */
const TITLE_DEVIATIONS: Record<string, string> = {
  'powershell_classic:400':
    'reference: "Engine Lifecycle" (the ETW task); we use the message Windows shows, as for Security events',
  'powershell_classic:403': 'reference: "Engine Lifecycle" (the ETW task); we use the message Windows shows',
  'powershell_classic:600': 'reference: "Provider Lifecycle" (the ETW task); we use the message Windows shows',
  'security:4728': 'the Sigma guide drops the final period; Microsoft\'s message, like every other Security title here, has it',
  'security:6416': 'the Sigma guide drops the final period; Microsoft\'s message, like every other Security title here, has it',
};

/** Events the reference catalog lacks that we need, with why. */
const CURATED_EVENTS: Record<string, string> = {
  'security:5382': 'Vault credentials were read; Elastic credential-access rules select it by event.code',
  'wineventlog:Microsoft-Windows-Windows Defender/Operational:1122':
    'ASR audit event; Splunk\'s "Windows Event Log Defender 1122" data source, keyed like the Defender events Sigma uses',
  'wineventlog:Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational:1149':
    'RDP authentication; Splunk\'s "Windows Event Log RemoteConnectionManager 1149" data source, keyed by its channel',
};

/** Event fields beyond the reference's lists, with why. */
const FIELD_DEVIATIONS: Record<string, string> = {
  'wineventlog:System:7045':
    'the reference lists only the two fields of one Splunk sample; 7045 also carries ServiceType, StartType and AccountName, which Sigma rules filter on',
};

/**
 * Sigma logsources whose events we map differently. Key: product/category/service.
 */
const SIGMA_MAPPING_DEVIATIONS: Record<string, string> = {
  'windows/raw_access_read/':
    'reference: no mapping found; Sysmon 9 RawAccessRead is the event Sigma\'s raw_access_read taxonomy describes (same fields as raw_access_thread)',
  'windows/file_block/':
    'reference: none (pySigma names file_block_executable/file_block_shredding); logsource.json\'s file_block covers both Sysmon 27 and 28',
  '/proxy/': 'reference maps to three Splunk web data sources (curated); a generic category names no single event, see docs',
  '/webserver/': 'reference maps to two Splunk web data sources (curated); a generic category names no single event, see docs',
};

/** Splunk data source names we map to another key than the reference. */
function splunkDataSourceDeviation(name: string, ours: string[], theirs: string[]): string | undefined {
  if (/^(AWS CloudTrail|Azure Active Directory|O365|Office 365) ./.test(name) && ours.length === 1)
    return 'per-operation data sources read the parent log; the operation is a predicate';
  if (/^Windows Event Log (Defender|TaskScheduler|CAPI2|Printservice|RemoteConnectionManager|CertificateServicesClient|Application|System) \d+$/.test(name) && ours.every((k) => k.startsWith('wineventlog:')))
    return 'numbered Windows sources use the channel key Sigma rules map to (wineventlog:<Channel>:<id>), not splunk:<slug>';
  if (theirs.length === 0) return undefined;
  return undefined;
}

// ---------------------------------------------------------------------------

describe('event catalog', () => {
  it('covers Sysmon 1–29 and 255, Sysmon for Linux, PowerShell and the Security events rules use most', () => {
    for (let id = 1; id <= 29; id++) expect(catalogEvent(`sysmon:${id}`), `sysmon:${id}`).toBeDefined();
    expect(catalogEvent('sysmon:255')).toBeDefined();
    for (const id of [1, 3, 4, 5, 9, 11, 16, 23]) expect(catalogEvent(`sysmon_linux:${id}`)).toBeDefined();
    for (const key of ['powershell:4103', 'powershell:4104', 'powershell_classic:400', 'powershell_classic:800'])
      expect(catalogEvent(key), key).toBeDefined();
    for (const id of [4624, 4625, 4648, 4656, 4662, 4663, 4688, 4697, 4698, 4720, 4728, 4732, 4738, 4768, 4769, 4776, 5136, 5140, 5145])
      expect(catalogEvent(`security:${id}`), `security:${id}`).toBeDefined();
  });

  it('shows events as the catalog page does', () => {
    expect(catalogEvent('sysmon:1')).toMatchObject({ provider: 'Sysmon', label: 'Event ID 1', title: 'Process creation', platform: 'windows' });
    expect(catalogEvent('sysmon:22')).toMatchObject({ provider: 'Sysmon', label: 'Event ID 22', title: 'DNSEvent (DNS query)' });
    expect(catalogEvent('security:4688')).toMatchObject({
      provider: 'Security-Auditing',
      label: 'Event ID 4688',
      title: 'A new process has been created.',
    });
    expect(catalogEvent('esf:NOTIFY_WRITE')).toMatchObject({ provider: 'ESF', label: 'write', title: 'File Write (NOTIFY)', platform: 'macos' });
    expect(catalogEvent('wineventlog:System:7045')).toMatchObject({ provider: 'Service Control Manager', label: 'Event ID 7045' });
    expect(catalogEvent('sysmon:1')?.fields).toContain('CommandLine');
    expect(catalogEvent('security:4688')?.fields).toContain('NewProcessName');
    expect(catalogEvent('no:such')).toBeUndefined();
  });

  it('describes uncatalogued keys from the key alone', () => {
    expect(describeEvent('security:4799')).toMatchObject({ provider: 'Security-Auditing', label: 'Event ID 4799' });
    expect(describeEvent('security:9999')).toMatchObject({ provider: 'Security-Auditing', label: 'Event ID 9999', title: null, fields: [] });
    expect(describeEvent('wineventlog:Microsoft-Windows-Bits-Client/Operational:59')).toMatchObject({ provider: 'Bits-Client', label: 'Event ID 59' });
    expect(describeEvent('esf:AUTH_EXEC')).toMatchObject({ provider: 'ESF', label: 'exec' });
  });

  it('uses the reference\'s event keys and titles', () => {
    const missing: string[] = [];
    const titleDiffs: string[] = [];
    const used = new Set<string>();
    let curatedTitles = 0;
    for (const key of catalogEventKeys()) {
      const theirs = reference.event_catalog[key];
      if (!theirs) {
        if (!CURATED_EVENTS[key]) missing.push(key);
        continue;
      }
      const ours = catalogEvent(key);
      if (key.startsWith('esf:')) {
        // ESF titles follow the catalog page's "<Object> <Action> (NOTIFY)" style; the label is eslogger's event name.
        expect(ours?.label, key).toBe(theirs.event_name);
        expect(ours?.title?.endsWith(`(${theirs.action_type})`), key).toBe(true);
        continue;
      }
      if (theirs.title === null) {
        if (ours?.title) curatedTitles++;
        continue;
      }
      if (ours?.title === theirs.title) continue;
      if (TITLE_DEVIATIONS[key]) {
        used.add(key);
        continue;
      }
      titleDiffs.push(`${key}: ours "${ours?.title}", reference "${theirs.title}"`);
    }
    console.log(`events: ${catalogEventKeys().length} catalogued, ${curatedTitles} titles where the reference has none`);
    expect(missing).toEqual([]);
    expect(titleDiffs).toEqual([]);
    expect(Object.keys(TITLE_DEVIATIONS).filter((k) => !used.has(k))).toEqual([]);
  });

  it('lists only fields the reference knows for each event', () => {
    const extra: string[] = [];
    let compared = 0;
    for (const key of catalogEventKeys()) {
      const theirs = referenceFields.events[key]?.fields;
      const ours = catalogEvent(key)?.fields ?? [];
      if (!theirs || theirs.length === 0 || ours.length === 0) continue;
      compared++;
      const unknown = ours.filter((f) => !theirs.includes(f));
      if (unknown.length > 0 && !FIELD_DEVIATIONS[key]) extra.push(`${key}: ${unknown.join(', ')}`);
    }
    console.log(`events: field lists of ${compared} events compared with the reference`);
    expect(compared).toBeGreaterThan(60);
    expect(extra).toEqual([]);
  });

  it('lists every field the reference gives the Sysmon events', () => {
    for (const key of catalogEventKeys().filter((k) => k.startsWith('sysmon:'))) {
      const theirs = referenceFields.events[key]?.fields ?? [];
      expect(sorted(catalogEvent(key)?.fields ?? []), key).toEqual(expect.arrayContaining(theirs));
    }
  });
});

describe('Sigma logsources', () => {
  it('maps the T1102.002 logsources as the catalog page shows them', () => {
    expect(sigmaLogsourceEvents({ product: 'windows', category: 'process_creation' })).toEqual(['sysmon:1', 'security:4688']);
    expect(sigmaLogsourceEvents({ product: 'windows', category: 'network_connection' })).toEqual(['sysmon:3']);
    expect(sigmaLogsourceEvents({ product: 'windows', category: 'dns_query' })).toEqual(['sysmon:22']);
    expect(sigmaLogsourceEvents({ category: 'proxy' })).toEqual([]);
    expect(sigmaLogsourceEvents({ category: 'dns' })).toEqual([]);
  });

  it('narrows by EventID', () => {
    expect(sigmaLogsourceEvents({ product: 'windows', service: 'security' }, [4688])).toEqual(['security:4688']);
    expect(sigmaLogsourceEvents({ product: 'windows', service: 'security' }, ['4624', 4625])).toEqual(['security:4624', 'security:4625']);
    expect(sigmaLogsourceEvents({ product: 'windows', service: 'security' })).toEqual([]);
    expect(sigmaLogsourceEvents({ product: 'windows', service: 'sysmon' }, [1])).toEqual(['sysmon:1']);
    expect(sigmaLogsourceEvents({ product: 'windows', service: 'system' }, [7045])).toEqual(['wineventlog:System:7045']);
    expect(sigmaLogsourceEvents({ product: 'windows', category: 'process_creation' }, [4688])).toEqual(['security:4688']);
    expect(sigmaLogsourceEvents({ product: 'windows', category: 'registry_event' }, [13])).toEqual(['sysmon:13']);
    // An EventID the category does not read leaves the category's events.
    expect(sigmaLogsourceEvents({ product: 'windows', category: 'registry_event' }, [99])).toEqual(['sysmon:12', 'sysmon:13', 'sysmon:14', 'security:4657']);
  });

  it('maps Linux and macOS categories', () => {
    expect(sigmaLogsourceEvents({ product: 'linux', category: 'process_creation' })).toEqual(['sysmon_linux:1']);
    expect(sigmaLogsourceEvents({ product: 'macos', category: 'process_creation' })).toEqual(['esf:NOTIFY_EXEC']);
    expect(sigmaLogsourceEvents({ product: 'macos', category: 'file_event' })).toContain('esf:NOTIFY_WRITE');
    expect(sigmaLogsourceEvents({ product: 'macos', category: 'network_connection' })).toEqual([]);
    expect(sigmaLogsourceNoEventReason({ product: 'macos', category: 'network_connection' })).toMatch(/no network/);
    expect(sigmaLogsourceEvents({ product: 'nosuch', category: 'thing' })).toEqual([]);
  });

  it('agrees with the reference for the logsources both have, except the documented deviations', () => {
    const diffs: string[] = [];
    const used = new Set<string>();
    let compared = 0;
    for (const entry of reference.sigma) {
      const ls = entry.logsource;
      const name = lsName(ls);
      const theirs = keys(entry.events);
      const isChannel = ls.service !== undefined && ls.category === undefined && ls.product === 'windows';
      if (isChannel) {
        // A channel-wide service: each event the reference lists must come out of its EventID.
        for (const key of theirs) {
          compared++;
          const id = key.slice(key.lastIndexOf(':') + 1);
          const ours = sigmaLogsourceEvents(ls, [id]);
          if (!ours.includes(key)) diffs.push(`${name} EventID ${id}: ours ${ours.join(', ')}, reference ${key}`);
        }
        continue;
      }
      const ours = sorted(sigmaLogsourceEvents(ls));
      if (ours.length === 0 && theirs.length === 0) continue;
      compared++;
      if (JSON.stringify(ours) === JSON.stringify(theirs)) continue;
      if (SIGMA_MAPPING_DEVIATIONS[name]) {
        used.add(name);
        continue;
      }
      diffs.push(`${name}: ours [${ours.join(', ')}], reference [${theirs.join(', ')}]`);
    }
    console.log(`sigma: ${compared} logsource mappings compared with the reference`);
    expect(compared).toBeGreaterThan(150);
    expect(diffs).toEqual([]);
    expect(Object.keys(SIGMA_MAPPING_DEVIATIONS).filter((k) => !used.has(k))).toEqual([]);
  });

  describe('on the corpus', () => {
    interface SigmaRule {
      ls: SigmaLogsource;
      ids: (string | number)[];
      fields: string[];
    }
    let rules: SigmaRule[];
    beforeAll(() => {
      rules = [];
      const walk = (dir: string): void => {
        for (const name of readdirSync(dir)) {
          const p = path.join(dir, name);
          if (statSync(p).isDirectory()) walk(p);
          else if (name.endsWith('.yml')) {
            let doc: unknown;
            try {
              doc = parseYaml(readFileSync(p, 'utf8'));
            } catch {
              continue;
            }
            const rule = doc as { logsource?: Record<string, string>; detection?: Record<string, unknown> } | null;
            if (!rule?.detection) continue;
            const ls: SigmaLogsource = {};
            if (rule.logsource?.product) ls.product = rule.logsource.product;
            if (rule.logsource?.category) ls.category = rule.logsource.category;
            if (rule.logsource?.service) ls.service = rule.logsource.service;
            const ids: (string | number)[] = [];
            const fields = new Set<string>();
            for (const [key, value] of Object.entries(rule.detection)) {
              if (key === 'condition' || key === 'timeframe') continue;
              for (const item of Array.isArray(value) ? value : [value]) {
                if (!item || typeof item !== 'object') continue;
                for (const [k, v] of Object.entries(item as Record<string, unknown>)) {
                  const field = k.split('|')[0] ?? '';
                  if (field) fields.add(field);
                  if (field === 'EventID') for (const id of Array.isArray(v) ? v : [v]) if (typeof id === 'number' || typeof id === 'string') ids.push(id);
                }
              }
            }
            rules.push({ ls, ids, fields: [...fields] });
          }
        }
      };
      for (const d of ['rules', 'rules-emerging-threats', 'rules-threat-hunting', 'rules-compliance', 'rules-placeholder']) walk(path.join(CORPUS, 'sigma', d));
    });

    it('maps every logsource of 3 or more rules to an event, or says why not', () => {
      const counts = new Map<string, { ls: SigmaLogsource; n: number }>();
      for (const r of rules) {
        const name = lsName(r.ls);
        counts.set(name, { ls: r.ls, n: (counts.get(name)?.n ?? 0) + 1 });
      }
      const unmapped: string[] = [];
      for (const [name, { ls, n }] of counts) {
        if (n < 3) continue;
        const mapped = sigmaLogsourceEvents(ls, [1]).length > 0 || sigmaLogsourceEvents(ls).length > 0;
        if (!mapped && !sigmaLogsourceNoEventReason(ls)) unmapped.push(`${name} (${n})`);
      }
      const withEvents = rules.filter((r) => sigmaLogsourceEvents(r.ls, r.ids).length > 0).length;
      console.log(`sigma: ${withEvents}/${rules.length} rules read at least one catalog event (${((withEvents / rules.length) * 100).toFixed(1)}%)`);
      expect(unmapped).toEqual([]);
      expect(withEvents / rules.length).toBeGreaterThan(0.85);
    });

    it('knows the fields the rules use for the logsources it has field lists for', () => {
      const unknown = new Map<string, number>();
      let checked = 0;
      for (const r of rules) {
        const valid = sigmaLogsourceFields(r.ls);
        if (!valid) continue;
        for (const f of r.fields) {
          checked++;
          if (!valid.includes(f)) unknown.set(`${lsName(r.ls)} ${f}`, (unknown.get(`${lsName(r.ls)} ${f}`) ?? 0) + 1);
        }
      }
      const often = [...unknown].filter(([, n]) => n >= 3).map(([k, n]) => `${k} (${n})`);
      const misses = [...unknown.values()].reduce((a, b) => a + b, 0);
      console.log(`sigma: ${checked - misses}/${checked} field usages valid for their logsource; outside the lists: ${[...unknown].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, n]) => `${k} ${n}`).join(', ')}`);
      expect(checked).toBeGreaterThan(5000);
      expect(often).toEqual([]);
    });
  });

  it('lists at least Sigma\'s own fields for each category (tests/logsource.json)', () => {
    const sigmaLists = JSON.parse(readFileSync(path.join(CORPUS, 'sigma', 'tests', 'logsource.json'), 'utf8')) as {
      legit: Record<string, { common?: string[]; category?: Record<string, string[]> }>;
      addon: Record<string, { category?: Record<string, string[]> }>;
    };
    const missing: string[] = [];
    let compared = 0;
    for (const product of ['windows', 'linux', 'macos']) {
      for (const [category, legit] of Object.entries(sigmaLists.legit[product]?.category ?? {})) {
        const ours = sigmaLogsourceFields({ product, category });
        if (!ours) continue;
        compared++;
        const theirs = [...legit, ...(sigmaLists.addon[product]?.category?.[category] ?? []), ...(sigmaLists.legit[product]?.common ?? [])];
        for (const f of theirs) if (!ours.includes(f)) missing.push(`${product}/${category}: ${f}`);
      }
    }
    expect(compared).toBeGreaterThan(35);
    expect(missing).toEqual([]);
    expect(sigmaLogsourceFields({ product: 'windows', service: 'security' })).toBeUndefined();
    expect(sigmaLogsourceFields({ product: 'windows', category: 'process_creation' })).toContain('EventID');
  });
});

describe('Elastic selectors', () => {
  it('maps the T1102.002 selectors as the catalog page shows them', () => {
    // Connection to Commonly Abused Web Services: network + dns.question.name on Windows.
    expect(
      elasticEvents(selector({ categories: ['network'], os: 'windows', indices: ['logs-endpoint.events.network-*'], fields: ['dns.question.name', 'process.name'] })),
    ).toEqual(['sysmon:22']);
    // Potential Etherhiding C2: the file step on macOS with event.action "modification".
    expect(elasticEvents(selector({ categories: ['file'], actions: ['modification'], os: 'macos', indices: ['logs-endpoint.events.file-*'] }))).toEqual([
      'esf:NOTIFY_WRITE',
    ]);
    // Linux Telegram API Request: Linux process events have no catalog event.
    expect(elasticEvents(selector({ categories: ['process'], types: ['start'], actions: ['exec', 'start'], os: 'linux', indices: ['logs-endpoint.events.process*'] }))).toEqual([]);
    // Statistical beaconing model: an ML index, no event.
    expect(elasticEvents(selector({ indices: ['ml_beaconing.all'], fields: ['beacon_stats.is_beaconing'] }))).toEqual([]);
  });

  it('maps Windows categories, types and actions', () => {
    expect(elasticEvents(selector({ categories: ['process'], types: ['start'], os: 'windows' }))).toEqual(['sysmon:1', 'security:4688']);
    expect(elasticEvents(selector({ categories: ['process'], types: ['end'], os: 'windows' }))).toEqual(['sysmon:5', 'security:4689']);
    expect(elasticEvents(selector({ categories: ['network'], types: ['start'], os: 'windows' }))).toEqual(['sysmon:3']);
    expect(elasticEvents(selector({ categories: ['registry'], types: ['change'], os: 'windows' }))).toEqual(['sysmon:13', 'security:4657']);
    expect(elasticEvents(selector({ categories: ['library'], os: 'windows' }))).toEqual(['sysmon:7']);
    expect(elasticEvents(selector({ categories: ['network'], actions: ['lookup_requested'], os: 'windows' }))).toEqual(['sysmon:22']);
    expect(elasticEvents(selector({ actions: ['logged-in'], os: 'windows' }))).toEqual(['security:4624']);
    // The Elastic Sysmon integration writes Microsoft's title into event.action.
    expect(elasticEvents(selector({ actions: ['Image loaded'], os: 'windows' }))).toEqual(['sysmon:7']);
  });

  it('reads event.code in the namespace the data names', () => {
    expect(elasticEvents(selector({ codes: ['1'], datasets: ['windows.sysmon_operational'] }))).toEqual(['sysmon:1']);
    expect(elasticEvents(selector({ codes: ['4688'], indices: ['logs-system.security*'] }))).toEqual(['security:4688']);
    expect(elasticEvents(selector({ codes: ['4104'], indices: ['winlogbeat-*', 'logs-windows.powershell*'] }))).toEqual(['powershell:4104']);
    expect(elasticEvents(selector({ codes: ['5145'], os: 'windows', indices: ['winlogbeat-*'] }))).toEqual(['security:5145']);
    expect(elasticEvents(selector({ codes: ['7045'], os: 'windows' }))).toEqual(['wineventlog:System:7045']);
  });

  it('keeps categories to the namespaces the indices allow', () => {
    expect(elasticEvents(selector({ categories: ['process'], types: ['start'], indices: ['logs-windows.sysmon_operational-*'] }))).toEqual(['sysmon:1']);
    // No host.os.type: Windows-capable indices make it a Windows rule; Linux-only ones do not.
    expect(elasticEvents(selector({ categories: ['process'], types: ['start'], indices: ['winlogbeat-*'] }))).toEqual(['sysmon:1', 'security:4688']);
    expect(elasticEvents(selector({ categories: ['process'], types: ['start'], indices: ['auditbeat-*'] }))).toEqual([]);
  });

  it('maps single-event integration datasets', () => {
    expect(elasticEvents(selector({ datasets: ['aws.cloudtrail'], actions: ['CreateUser'] }))).toEqual(['splunk:aws_cloudtrail']);
    expect(elasticEvents(selector({ indices: ['logs-okta*', 'logs-okta.system-*'] }))).toEqual(['splunk:okta']);
  });

  it('agrees with the reference\'s integration tables (event.code per dataset)', () => {
    const diffs: string[] = [];
    let compared = 0;
    for (const entry of reference.elastic) {
      const ds = entry.selector['data_stream.dataset'];
      const code = entry.selector['event.code'];
      if (typeof ds !== 'string' || typeof code !== 'string' || entry.basis !== 'source') continue;
      compared++;
      const ours = elasticEvents(selector({ datasets: [ds], codes: [code] }));
      if (JSON.stringify(sorted(ours)) !== JSON.stringify(keys(entry.events))) diffs.push(`${ds} ${code}: ours ${ours.join(', ')}, reference ${keys(entry.events).join(', ')}`);
    }
    expect(compared).toBeGreaterThan(50);
    expect(diffs).toEqual([]);
  });

  it('maps no more than the reference for the Windows category selectors both have', () => {
    const extra: string[] = [];
    for (const entry of reference.elastic) {
      const s = entry.selector;
      if (s['host.os.type'] !== 'windows' || typeof s['event.category'] !== 'string') continue;
      const types = Array.isArray(s['event.type']) ? (s['event.type'] as string[]) : [];
      const ours = elasticEvents(selector({ os: 'windows', categories: [s['event.category']], types }));
      const theirs = new Set(keys(entry.events));
      const beyond = ours.filter((k) => !theirs.has(k));
      // Elastic Defend library/driver events are Sysmon 7/6 whatever the reference resolved; Defend's
      // file modifications (type change) are what Sysmon 11 records (create or overwrite), not Sysmon 2's timestamp change.
      const explained = (k: string): boolean =>
        ['library', 'driver'].includes(s['event.category'] as string) || (s['event.category'] === 'file' && types.includes('change') && k === 'sysmon:11');
      const unexplained = beyond.filter((k) => !explained(k));
      if (unexplained.length > 0) extra.push(`${JSON.stringify(s)}: ${unexplained.join(', ')}`);
    }
    expect(extra).toEqual([]);
  });
});

describe('the T1102.002 catalog page', () => {
  it('lists exactly the events its 19 rules read, as the page shows them', () => {
    const page = readFileSync(path.join(SHARED, 'seed', 'catalog-page-T1102.002.txt'), 'utf8');
    const shown = page
      .split('\n')
      .filter((line) => /^\| (?!Provider|---)/.test(line))
      .map((line) => line.replace(/^\|\s*|\s*\|$/g, '').split(/\s*\|\s*/).join(' | '))
      .sort();
    // The selectors of the page's rules, read off the rule files by hand.
    const sigma: SigmaLogsource[] = [
      { product: 'windows', category: 'process_creation' }, // Github Self-Hosted Runner Execution
      { product: 'windows', category: 'network_connection' }, // Potentially Suspicious Azure Front Door Connection
      { category: 'proxy' }, // Telegram API Access
      { category: 'dns' }, // Telegram Bot API Request
    ];
    const endpoint = ['logs-endpoint.events.network-*'];
    const elastic: Partial<ElasticSelector>[] = [
      { os: 'linux', categories: ['process'], actions: ['exec', 'exec_event', 'executed', 'process_started', 'ProcessRollup2'], indices: ['logs-endpoint.events.process*'] },
      { categories: ['network'], fields: ['dns.question.name', 'process.name'], indices: ['endgame-*', ...endpoint, 'logs-windows.sysmon_operational-*', 'winlogbeat-*'] },
      { os: 'windows', categories: ['network'], fields: ['dns.question.name', 'process.name', 'user.id'], indices: [...endpoint, 'logs-sentinel_one_cloud_funnel.*'] },
      { os: 'linux', categories: ['network'], fields: ['dns.question.name', 'process.name'], indices: endpoint },
      { os: 'macos', categories: ['network'], types: ['start'], fields: ['process.name', 'destination.domain'], indices: endpoint },
      { os: 'linux', categories: ['process'], types: ['start'], actions: ['exec', 'start', 'exec_event', 'ProcessRollup2', 'executed', 'process_started'], indices: ['logs-endpoint.events.process*'] },
      { os: 'macos', categories: ['network', 'file'], types: ['start'], actions: ['modification'], indices: [...endpoint, 'logs-endpoint.events.file-*'] },
      { indices: ['ml_beaconing.all'], fields: ['beacon_stats.beaconing_score'] },
      { indices: ['ml_beaconing.all'], fields: ['beacon_stats.is_beaconing', 'process.name'] },
      { os: 'macos', categories: ['process', 'network'], types: ['start'], indices: ['logs-endpoint.events.process-*', ...endpoint] },
    ];
    const read = new Set<string>();
    for (const ls of sigma) for (const key of sigmaLogsourceEvents(ls)) read.add(key);
    for (const s of elastic) for (const key of elasticEvents(selector(s))) read.add(key);
    const ours = [...read].map((key) => {
      const e = describeEvent(key);
      return `${e.provider} | ${e.label} | ${e.title ?? ''}`;
    });
    expect(shown.length).toBe(5);
    expect(ours.sort()).toEqual(shown);
  });
});

describe('Splunk', () => {
  it('maps CIM datasets', () => {
    expect(splunkDatasetEvents('Endpoint.Processes')).toEqual(['sysmon:1', 'security:4688']);
    expect(splunkDatasetEvents('Network_Resolution.DNS')).toEqual(['sysmon:22']);
    expect(splunkDatasetEvents('Network_Traffic.All_Traffic')).toEqual(['sysmon:3']);
    expect(splunkDatasetEvents('Endpoint.Registry')).toEqual(['sysmon:12', 'sysmon:13', 'sysmon:14']);
    expect(splunkDatasetEvents('Endpoint.Filesystem')).toEqual(['sysmon:11']);
    expect(splunkDatasetEvents('Processes')).toEqual(['sysmon:1', 'security:4688']);
    expect(splunkDatasetEvents('Endpoint')).toEqual(expect.arrayContaining(['sysmon:1', 'sysmon:11', 'sysmon:13']));
    expect(splunkDatasetEvents('Web.Web')).toEqual([]);
    expect(splunkDatasetEvents('Nope.Nope')).toEqual([]);
  });

  it('maps data source names', () => {
    expect(splunkDataSourceEvents('Sysmon EventID 1')).toEqual(['sysmon:1']);
    expect(splunkDataSourceEvents('Windows Event Log Security 4688')).toEqual(['security:4688']);
    expect(splunkDataSourceEvents('Sysmon EventID 1 AND Sysmon EventID 11')).toEqual(['sysmon:1', 'sysmon:11']);
    expect(splunkDataSourceEvents('Sysmon for Linux EventID 1')).toEqual(['sysmon_linux:1']);
    expect(splunkDataSourceEvents('Powershell Script Block Logging 4104')).toEqual(['powershell:4104']);
    expect(splunkDataSourceEvents('NTLM Operational 8004,8005,8006')).toEqual([
      'wineventlog:Microsoft-Windows-NTLM/Operational:8004',
      'wineventlog:Microsoft-Windows-NTLM/Operational:8005',
      'wineventlog:Microsoft-Windows-NTLM/Operational:8006',
    ]);
    expect(splunkDataSourceEvents('AWS CloudTrail ConsoleLogin')).toEqual(['splunk:aws_cloudtrail']);
    expect(splunkDataSourceEvents('CrowdStrike ProcessRollup2')).toEqual(['splunk:crowdstrike_processrollup2']);
    expect(splunkDataSourceEvents('Something Unknown')).toEqual([]);
  });

  it('maps source macros with EventCode', () => {
    expect(splunkMacroEvents('wineventlog_security', [4624])).toEqual(['security:4624']);
    expect(splunkMacroEvents('sysmon', ['7', '8'])).toEqual(['sysmon:7', 'sysmon:8']);
    expect(splunkMacroEvents('wineventlog_security')).toEqual([]);
    expect(splunkMacroEvents('cloudtrail')).toEqual(['splunk:aws_cloudtrail']);
    expect(splunkMacroEvents('unknown_macro', [1])).toEqual([]);
  });

  it('agrees with the reference for data source names, except the documented deviations', () => {
    const diffs: string[] = [];
    let compared = 0;
    for (const entry of reference.splunk.data_sources) {
      const ours = splunkDataSourceEvents(entry.data_source);
      if (ours.length === 0) continue;
      compared++;
      const theirs = keys(entry.events);
      if (JSON.stringify(sorted(ours)) === JSON.stringify(theirs)) continue;
      if (splunkDataSourceDeviation(entry.data_source, ours, theirs)) continue;
      diffs.push(`${entry.data_source}: ours ${ours.join(', ')}, reference ${theirs.join(', ')}`);
    }
    expect(compared).toBeGreaterThan(100);
    expect(diffs).toEqual([]);
  });

  it('maps no more than the reference for the datamodel selectors both have', () => {
    const extra: string[] = [];
    for (const entry of reference.splunk.selectors) {
      const dm = entry.selector.datamodel;
      if (typeof dm !== 'string') continue;
      const theirs = new Set(keys(entry.events));
      const beyond = splunkDatasetEvents(dm).filter((k) => !theirs.has(k));
      // Sysmon 14 (registry rename) feeds Endpoint.Registry like 12 and 13; the reference saw no detection name it.
      const explained = beyond.filter((k) => !(dm === 'Endpoint.Registry' && k === 'sysmon:14'));
      if (explained.length > 0) extra.push(`${dm}: ${explained.join(', ')}`);
    }
    expect(extra).toEqual([]);
  });

  it('maps every data source of 3 or more detections', () => {
    const counts = new Map<string, number>();
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) {
          if (name !== 'deprecated') walk(p);
        } else if (name.endsWith('.yml')) {
          const doc = parseYaml(readFileSync(p, 'utf8')) as { data_source?: unknown } | null;
          for (const ds of Array.isArray(doc?.data_source) ? doc.data_source : []) if (typeof ds === 'string') counts.set(ds, (counts.get(ds) ?? 0) + 1);
        }
      }
    };
    walk(path.join(CORPUS, 'splunk', 'detections'));
    /** Data sources that name no single event, with why. */
    const NO_EVENT: Record<string, string> = {
      PingID: 'PingID identity logs: no Sigma or Elastic rule reads them, so no catalog event',
      'Google Workspace login_failure': 'Google Workspace login log: no catalog event (Sigma gcp/google_workspace.login has none either)',
      'G Suite Gmail': 'Gmail logs: no catalog event',
    };
    const unmapped = [...counts]
      .filter(([name, n]) => n >= 3 && splunkDataSourceEvents(name).length === 0 && !NO_EVENT[name])
      .map(([name, n]) => `${name} (${n})`);
    let total = 0;
    let mapped = 0;
    for (const [name, n] of counts) {
      total += n;
      if (splunkDataSourceEvents(name).length > 0) mapped += n;
    }
    console.log(`splunk: ${mapped}/${total} data source references map to catalog events (${((mapped / total) * 100).toFixed(1)}%)`);
    expect(unmapped).toEqual([]);
  });
});
