import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../src/rules/index.js';
import { PYSIGMA_LOAD_ERRORS, PYSIGMA_VALIDATOR_ALIASES, PYSIGMA_VALIDATORS } from '../../src/rules/sigma/pysigma-map.js';
import { CORPUS, ROOT } from '../helpers/paths.js';
import { lintWith } from '../helpers/rule-tester.js';

/** pySigma's core validator classes (sigma/validators/core/*.py), without the `Validator` suffix. */
const CORE_CLASSES = [
  'DanglingDetection', 'DanglingCondition', 'ThemConditionWithSingleDetection', 'AllOfThemCondition',
  'SpecificInsteadOfGenericLogsource', 'FieldnameLogsource',
  'IdentifierExistence', 'IdentifierUniqueness', 'DuplicateTitle', 'DuplicateReferences', 'DuplicateFilename', 'FilenameLength', 'CustomAttributes',
  'InvalidModifierCombinations',
  'TagFormat', 'ATTACKTag', 'D3FENDTag', 'TLPTag', 'TLPv1Tag', 'TLPv2Tag', 'DuplicateTag', 'NamespaceTag', 'CARTag', 'CVETag', 'DetectionTag', 'STPTag',
  'DoubleWildcard', 'NumberAsString', 'ControlCharacter', 'WildcardsInsteadOfModifiers', 'EscapedWildcard',
];

/** How pySigma names a validator: `re.sub("([A-Z]+)", "_\\1", name)[1:].lower()`. */
function pySigmaIdentifier(className: string): string {
  return className.replace(/([A-Z]+)/g, '_$1').slice(1).toLowerCase();
}

const byId = new Map(ALL_CHECKS.map((c) => [c.meta.id, c]));
/** The checks this map introduced (the parser's own checks, also mapped, are documented elsewhere). */
const ownChecks = [...new Set([...Object.values(PYSIGMA_VALIDATORS), ...Object.values(PYSIGMA_LOAD_ERRORS), 'sigma-schema'])].filter((id) => !byId.get(id)?.meta.reportedByParser);

describe('pySigma validator map', () => {
  it('has exactly the identifiers pySigma derives from its core classes', () => {
    expect(Object.keys(PYSIGMA_VALIDATORS).sort()).toEqual(CORE_CLASSES.map(pySigmaIdentifier).sort());
    expect(pySigmaIdentifier('D3FENDTag')).toBe('d3_fendtag');
    expect(pySigmaIdentifier('TLPv1Tag')).toBe('tlpv1_tag');
  });

  it('maps every identifier, and every alias, to a registered Sigma check', () => {
    for (const [identifier, checkId] of Object.entries(PYSIGMA_VALIDATORS)) {
      const check = byId.get(checkId);
      expect(check, `${identifier} → ${checkId}`).toBeDefined();
      expect(check?.meta.vendors ?? ['sigma']).toContain('sigma');
    }
    for (const target of Object.values(PYSIGMA_VALIDATOR_ALIASES)) expect(PYSIGMA_VALIDATORS).toHaveProperty(target);
    for (const checkId of Object.values(PYSIGMA_LOAD_ERRORS)) expect(byId.has(checkId), checkId).toBe(true);
  });

  it("knows every core validator SigmaHQ's CI config names", () => {
    const conf = readFileSync(path.join(CORPUS, 'sigma/tests/sigma_cli_conf.yml'), 'utf8');
    const named = new Set<string>();
    for (const m of conf.matchAll(/^\s+-\s*-?([a-z0-9_]+)\s*$/gm)) named.add(m[1] as string);
    for (const m of conf.matchAll(/^\s+[0-9a-f-]{36}:\s*([a-z0-9_]+)\s*$/gm)) named.add(m[1] as string);
    const core = [...named].filter((n) => n !== 'all' && !n.startsWith('sigmahq_'));
    expect(core.length).toBeGreaterThan(3);
    for (const n of core) expect(PYSIGMA_VALIDATORS, n).toHaveProperty(n);
  });

  it('has one row per validator in docs/parity.md, naming its class and check', () => {
    const doc = readFileSync(path.join(ROOT, 'docs/parity.md'), 'utf8');
    for (const className of CORE_CLASSES) {
      const identifier = pySigmaIdentifier(className);
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${identifier}\``));
      expect(row, identifier).toBeDefined();
      expect(row).toContain(`${className}Validator`);
      expect(row).toContain(`\`${PYSIGMA_VALIDATORS[identifier as keyof typeof PYSIGMA_VALIDATORS]}\``);
    }
  });

  it('every check documents itself and belongs to Sigma', () => {
    expect(ownChecks.length).toBe(36);
    for (const id of ownChecks) {
      const meta = byId.get(id)?.meta;
      expect(meta?.vendors, id).toEqual(['sigma']);
      expect(meta?.docs.length, id).toBeGreaterThan(150);
    }
  });

  it('none of these checks reports on the clean fixtures', async () => {
    const files = ['sigma/valid-process-creation.yml', 'drafts/sigma-dll-sideloading.yml', 'drafts/sigma-powershell-download.yml'];
    const on = Object.fromEntries(ownChecks.map((id) => [id, 'error' as const]));
    const results = await lintWith(files, on);
    expect(results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line} ${m.ruleId}: ${m.message}`))).toEqual([]);
  });
});
