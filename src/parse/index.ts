import type { SourceText } from '../model/location.js';
import type { ParsedFile, Vendor } from '../model/rule.js';

/** Settings the parsers need, from the config's `settings:` block. */
export interface ParseSettings {
  /** Splunk: folder of macro definitions; default `macros/` beside the `detections/` folder the file is in. */
  splunkMacros?: string;
  /** Elastic: `settings.elastic.ecsSchema`, an ecs_flat.json(.gz) or a detection-rules `etc` folder; default: the one beside the rules. */
  elasticEcsSchema?: string;
}

/** A vendor's file parser: file text → rule models + problems. */
export interface VendorParser {
  vendor: Vendor;
  parse(file: string, source: SourceText, settings: ParseSettings): ParsedFile;
}

/** The file extensions lint-rule reads when given a folder. */
export const RULE_EXTENSIONS = ['.yml', '.yaml', '.toml'] as const;

const SPLUNK_KEYS = /^(how_to_implement|known_false_positives|data_source|analytic_story|search)\s*:/m;
const SIGMA_KEYS = /^(logsource|detection|correlation|filter)\s*:/m;

/**
 * Which vendor's format a file is in. TOML is Elastic's; YAML is Splunk's
 * when it has a `search` plus one of security_content's own keys, else Sigma's
 * (whose parser explains what is missing if it is not a Sigma rule either).
 */
export function detectVendor(file: string, text: string): Vendor | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.toml')) return 'elastic';
  if (lower.endsWith('.yml') || lower.endsWith('.yaml')) {
    // The indexOf spares most Sigma files the multi-line regex over their whole text.
    if (text.includes('search') && /^search\s*:/m.test(text) && countMatches(text, SPLUNK_KEYS) >= 2 && !SIGMA_KEYS.test(text)) return 'splunk';
    return 'sigma';
  }
  return undefined;
}

function countMatches(text: string, re: RegExp): number {
  const g = new RegExp(re.source, 'gm');
  const names = new Set<string>();
  for (const m of text.matchAll(g)) names.add(m[1] as string);
  return names.size;
}

const loaded = new Map<Vendor, Promise<VendorParser>>();

/** Loads a vendor's parser on first use, so linting Sigma files never loads the TOML or SPL code. */
export function vendorParser(vendor: Vendor): Promise<VendorParser> {
  let p = loaded.get(vendor);
  if (!p) {
    p = importParser(vendor);
    loaded.set(vendor, p);
  }
  return p;
}

async function importParser(vendor: Vendor): Promise<VendorParser> {
  switch (vendor) {
    case 'sigma':
      return (await import('./sigma/model.js')).sigmaParser;
    case 'elastic':
      return (await import('./elastic/model.js')).elasticParser;
    case 'splunk':
      return (await import('./splunk/model.js')).splunkParser;
  }
}
