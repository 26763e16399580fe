import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAttack, DEFAULT_ATTACK_OPTIONS } from '../../src/attack/index.js';
import { getCheck } from '../../src/rules/index.js';
import { runCheckCases } from '../helpers/rule-tester.js';
import { ROOT, SHARED } from '../helpers/paths.js';

const E = 'elastic';

describe('elastic-technique-name', () => {
  it('reports names that differ from ATT&CK’s and says the expected one', async () => {
    await runCheckCases('elastic-technique-name', {
      valid: [`${E}/clean-whoami-eql.toml`, `${E}/technique-name-long-form.toml`, `${E}/subtechnique-right-parent.toml`, `${E}/threat-atlas-framework.toml`],
      invalid: [
        {
          file: `${E}/technique-name-wrong.toml`,
          errors: [
            { line: 17, message: /^T1059 is "Command and Scripting Interpreter" in ATT&CK v\d+\.\d+, not "Command-Line Interface"$/ },
            { line: 22, message: /^T1059\.001 is "PowerShell" in ATT&CK v\d+\.\d+, not "Powershell"$/ },
          ],
        },
      ],
    });
  });
});

describe('elastic-subtechnique-parent', () => {
  it('reports a sub-technique under another technique, and one listed as a technique', async () => {
    await runCheckCases('elastic-subtechnique-parent', {
      valid: [`${E}/subtechnique-right-parent.toml`, `${E}/clean-whoami-eql.toml`, `${E}/technique-name-wrong.toml`, `${E}/threat-atlas-framework.toml`],
      invalid: [
        {
          file: `${E}/subtechnique-wrong-parent.toml`,
          errors: [
            { line: 24, message: 'sub-technique T1102.002 is listed under T1071; its parent technique is T1102' },
            { line: 29, message: 'T1071.001 is a sub-technique: list it in the subtechnique list of T1071, not as a technique' },
          ],
        },
      ],
    });
  });
});

describe('elastic-query-syntax', () => {
  it('is reported by the parser at the position in the TOML file, for KQL, EQL and ES|QL', async () => {
    expect(getCheck('elastic-query-syntax')?.meta.reportedByParser).toBe(true);
    await runCheckCases('elastic-query-syntax', {
      valid: [`${E}/clean-whoami-eql.toml`, `${E}/esql-stats-after-where.toml`, `${E}/kql-cidr-exclusion.toml`],
      invalid: [
        { file: `${E}/query-syntax-kql.toml`, errors: [{ line: 12, message: /^KQL syntax error/ }] },
        { file: `${E}/query-syntax-eql.toml`, errors: [{ line: 12, message: /^EQL syntax error/ }] },
        { file: `${E}/query-syntax-esql.toml`, errors: [{ line: 12, message: /^ES\|QL syntax error/ }] },
      ],
    });
  });
});

describe('generic checks on Elastic rules', () => {
  it('tactic-mismatch covers threat blocks: a technique filed under a tactic it does not have', async () => {
    await runCheckCases('tactic-mismatch', {
      valid: [`${E}/clean-whoami-eql.toml`, `${E}/subtechnique-right-parent.toml`],
      invalid: [{ file: `${E}/tactic-not-of-technique.toml`, errors: [{ line: 21, message: /^T1033 \(System Owner\/User Discovery\) is not a execution technique/ }] }],
    });
  });

  it('technique-revoked names the replacement, technique-deprecated the deprecation', async () => {
    await runCheckCases('technique-revoked', {
      valid: [`${E}/clean-whoami-eql.toml`],
      invalid: [{ file: `${E}/technique-revoked-and-deprecated.toml`, errors: [{ line: 16, message: 'T1086 was revoked in ATT&CK; use T1059.001 (PowerShell) instead' }] }],
    });
    await runCheckCases('technique-deprecated', {
      valid: [`${E}/clean-whoami-eql.toml`],
      invalid: [{ file: `${E}/technique-revoked-and-deprecated.toml`, errors: [{ line: 21, message: /^T1064 \(Scripting\) is deprecated/ }] }],
    });
  });

  it('field-unknown checks ECS and the non-ECS schema, with a did-you-mean, and leaves alone what it cannot judge', async () => {
    await runCheckCases('field-unknown', {
      valid: [`${E}/clean-whoami-eql.toml`, `${E}/field-non-ecs-winlogbeat.toml`, `${E}/draft-token-esql.toml`, `${E}/sequence-process-then-dns.toml`],
      invalid: [
        {
          file: `${E}/field-not-in-ecs.toml`,
          errors: [
            { line: 12, message: '"process.nmae" is not a field of ECS 9.5.0 or the non-ECS fields of logs-endpoint.events.*; did you mean "process.name"?' },
            { line: 13, message: /^"proces\.parent\.name" is not a field of ECS 9\.5\.0.*; did you mean "process\.parent\.name"\?$/ },
          ],
        },
      ],
    });
  });
});

describe('ATT&CK redirects', () => {
  it('agree with the redirects Elastic’s detection-rules uses (attack-technique-redirects.json)', () => {
    const redirects = JSON.parse(readFileSync(path.join(SHARED, 'corpus/elastic/detection_rules/etc/attack-technique-redirects.json'), 'utf8')) as { mapping: Record<string, string> };
    const attack = loadAttack({ ...DEFAULT_ATTACK_OPTIONS(ROOT), cacheDir: path.join(ROOT, '.cache/test-elastic/attack') });
    const entries = Object.entries(redirects.mapping);
    expect(entries.length).toBeGreaterThan(100);
    const disagreements: string[] = [];
    for (const [from, to] of entries) {
      const res = attack.resolve(from);
      // Where ATT&CK later revoked Elastic's target too, our answer is the end of that chain.
      const ours = res.replacement?.id;
      if (res.status !== 'revoked' || (ours !== to && ours !== attack.canonicalTechniqueId(to))) disagreements.push(`${from}: Elastic ${to}, lint-rule ${res.status} ${ours ?? ''}`);
    }
    expect(disagreements).toEqual([]);
  });
});
