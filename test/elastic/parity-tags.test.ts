import { describe, it } from 'vitest';
import { runCheckCases } from '../helpers/rule-tester.js';
import { CLEAN, P } from './parity-fixtures.js';

describe('tag checks', () => {
  it('elastic-tag-prefix: every tag has a known "<Prefix>: "', async () => {
    await runCheckCases('elastic-tag-prefix', {
      valid: CLEAN,
      invalid: [
        {
          file: `${P}/execution_tags_without_prefix.toml`,
          errors: [
            { line: 34, message: /^tag "Windows" has no "<Prefix>: " prefix; known prefixes: Data Source, Domain, / },
            { line: 35, message: /^tag "Hunting: PowerShell" has the unknown prefix "Hunting:"/ },
          ],
        },
        // A team's own prefix is accepted; a tag without any prefix still is not.
        { file: `${P}/execution_tags_without_prefix.toml`, options: { prefixes: ['Hunting'] }, errors: [{ line: 34 }] },
      ],
    });
  });

  it('elastic-tag-duplicate', async () => {
    await runCheckCases('elastic-tag-duplicate', {
      valid: CLEAN,
      invalid: [{ file: `${P}/execution_tags_duplicate.toml`, errors: [{ line: 34, message: 'tag "OS: Windows" is already listed (line 29)' }] }],
    });
  });

  it('elastic-tag-case: a controlled tag or prefix in another case or spacing', async () => {
    await runCheckCases('elastic-tag-case', {
      valid: [...CLEAN, `${P}/execution_tags_without_prefix.toml`],
      invalid: [
        {
          file: `${P}/execution_tags_wrong_case.toml`,
          errors: [
            { line: 28, message: 'tag "Domain: endpoint" should be written "Domain: Endpoint"' },
            { line: 29, message: 'tag "os: Windows" should be written "OS: Windows"' },
            { line: 32, message: 'tag "Data Source:Elastic Defend" should be written "Data Source: Elastic Defend"' },
          ],
        },
        { file: `${P}/execution_tags_wrong_case.toml`, options: { tags: ['Domain: endpoint'] }, errors: [{ line: 29 }, { line: 32 }] },
      ],
    });
  });

  it('elastic-tag-tactic: "Tactic: <primary tactic>"; with unmappedTags, no tag for a tactic the blocks do not map', async () => {
    await runCheckCases('elastic-tag-tactic', {
      valid: [...CLEAN, ...CLEAN.map((file) => ({ file, options: { unmappedTags: true } }))],
      invalid: [
        { file: `${P}/execution_tags_primary_tactic_missing.toml`, errors: [{ line: 27, message: 'the primary tactic (first threat block) is Execution: tag it "Tactic: Execution"' }] },
        {
          file: `${P}/execution_tags_primary_tactic_missing.toml`,
          options: { unmappedTags: true },
          errors: [{ line: 27 }, { line: 31, message: 'tag "Tactic: Persistence" names a tactic no threat block maps (Execution)' }],
        },
      ],
    });
  });

  it('elastic-tag-os: the OS tag of the folder', async () => {
    await runCheckCases('elastic-tag-os', {
      // Outside an OS folder, no OS tag is required.
      valid: [...CLEAN, `${P}/execution_tags_duplicate.toml`],
      invalid: [{ file: `${P}/windows/execution_tags_os_missing.toml`, errors: [{ line: 27, message: 'a rule in the windows folder needs the tag "OS: Windows"' }] }],
    });
  });

  it('elastic-tag-required: tags of the index patterns, of building block and machine learning rules', async () => {
    await runCheckCases('elastic-tag-required', {
      valid: CLEAN,
      invalid: [
        {
          file: `${P}/execution_tags_required_missing.toml`,
          errors: [{ line: 27, message: 'missing tags "Domain: Endpoint" (index logs-endpoint.events.*), "Data Source: Elastic Defend" (index logs-endpoint.events.*), "Data Source: Okta" (index logs-okta*)' }],
        },
        { file: `${P}/execution_machine_learning_tags_missing.toml`, errors: [{ line: 18, message: 'missing tags "Rule Type: Machine Learning" (machine learning rule), "Rule Type: ML" (machine learning rule)' }] },
      ],
    });
  });

  it('elastic-tag-investigation-guide', async () => {
    await runCheckCases('elastic-tag-investigation-guide', {
      valid: [...CLEAN, `${P}/execution_note_high_without_triage.toml`],
      invalid: [{ file: `${P}/execution_tags_investigation_guide_missing.toml`, errors: [{ line: 27, message: 'the note has an investigation guide: tag the rule "Resources: Investigation Guide"' }] }],
    });
  });
});
