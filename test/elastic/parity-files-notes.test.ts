import { describe, expect, it } from 'vitest';
import { noteHeadings } from '../../src/rules/elastic/note-headings.js';
import { lintWith, runCheckCases } from '../helpers/rule-tester.js';
import { CLEAN, P } from './parity-fixtures.js';

describe('file checks', () => {
  it('elastic-filename: lower-case letters, digits and underscores', async () => {
    await runCheckCases('elastic-filename', {
      valid: CLEAN,
      invalid: [{ file: `${P}/Execution-Bad-File-Name.toml`, errors: [{ line: 1, message: /^file name "Execution-Bad-File-Name\.toml" must be lower-case letters, digits and underscores/ }] }],
    });
  });

  it('elastic-filename-tactic: the name starts with the primary tactic', async () => {
    await runCheckCases('elastic-filename-tactic', {
      // Machine learning rules are not checked.
      valid: CLEAN,
      invalid: [{ file: `${P}/persistence_named_for_another_tactic.toml`, errors: [{ line: 57, message: 'file name "persistence_named_for_another_tactic.toml" should start with "execution", the primary tactic (first threat block)' }] }],
    });
  });

  it('elastic-building-block-folder: building block rules in rules_building_block/, others not', async () => {
    await runCheckCases('elastic-building-block-folder', {
      valid: CLEAN,
      invalid: [
        { file: `${P}/execution_building_block_outside_folder.toml`, errors: [{ line: 27, message: 'a building block rule belongs in rules_building_block/' }] },
        { file: `${P}/rules_building_block/execution_not_a_building_block.toml`, errors: [{ line: 6, message: /^a rule in rules_building_block\/ needs building_block_type = "default"/ }] },
      ],
    });
  });

  it('elastic-filename-duplicate and elastic-rule-id-duplicate compare the files linted together', async () => {
    const names = await lintWith([`${P}/duplicates/a/execution_same_file_name.toml`, `${P}/duplicates/b/execution_same_file_name.toml`, ...CLEAN], { 'elastic-filename-duplicate': 'error' });
    expect(names.flatMap((r) => r.messages.map((m) => [r.filePath.split('/parity/')[1], m.line, m.message.replace(/\/\S*\/parity\//, '')]))).toEqual([
      ['duplicates/a/execution_same_file_name.toml', 1, 'the file name execution_same_file_name.toml is also used by duplicates/b/execution_same_file_name.toml'],
      ['duplicates/b/execution_same_file_name.toml', 1, 'the file name execution_same_file_name.toml is also used by duplicates/a/execution_same_file_name.toml'],
    ]);
    const ids = await lintWith([`${P}/duplicates/execution_rule_id_shared_first.toml`, `${P}/duplicates/execution_rule_id_shared_second.toml`, ...CLEAN], { 'elastic-rule-id-duplicate': 'error' });
    expect(ids.flatMap((r) => r.messages.map((m) => [r.filePath.split('/parity/')[1], m.line]))).toEqual([
      ['duplicates/execution_rule_id_shared_first.toml', 25],
      ['duplicates/execution_rule_id_shared_second.toml', 25],
    ]);
    expect(ids[0]?.messages[0]?.message).toMatch(/^rule_id 5b0c9e7a-1d2f-4c3b-9a8e-00000000eeee is also used by \S+execution_rule_id_shared_second\.toml:25$/);
  });
});

describe('investigation guide checks', () => {
  it('noteHeadings finds ATX and setext headings outside fenced code', () => {
    const text = '## Setup\n\n```\n## not a heading\n```\nConfig\n------\n### Investigating X ###\n';
    expect(noteHeadings(text).map((h) => [h.level, h.text, text.slice(h.span.start, h.span.end)])).toEqual([
      [2, 'Setup', '## Setup'],
      [2, 'Config', 'Config'],
      [3, 'Investigating X', '### Investigating X ###'],
    ]);
  });

  it('elastic-note-triage: high and critical rules by Elastic have "## Triage and analysis"', async () => {
    await runCheckCases('elastic-note-triage', {
      valid: [...CLEAN, `${P}/execution_note_medium_without_triage.toml`],
      invalid: [{ file: `${P}/execution_note_high_without_triage.toml`, errors: [{ line: 16, message: 'a high rule needs an investigation guide under "## Triage and analysis" in its note' }] }],
    });
  });

  it('elastic-note-title: "### Investigating <rule name>"', async () => {
    await runCheckCases('elastic-note-title', {
      valid: CLEAN,
      invalid: [
        {
          file: `${P}/execution_note_title_other_name.toml`,
          errors: [{ line: 16, message: 'the guide\'s title "### Investigating PowerShell Encoded Command" should be "### Investigating PowerShell Download Cradle Executed"' }],
        },
      ],
    });
  });

  it('elastic-note-setup: ## Setup at level 2, no Config heading, not both in the note and in setup', async () => {
    await runCheckCases('elastic-note-setup', {
      valid: CLEAN,
      invalid: [
        {
          file: `${P}/execution_note_setup_misplaced.toml`,
          errors: [
            { line: 33, message: 'the Setup heading must be level 2 (## Setup), not level 3' },
            { line: 33, message: /^the note has a Setup section and the rule has a setup field/ },
            { line: 37, message: '"## Configuration of the policy": configuration belongs under ## Setup, not in a level-2 heading of its own' },
          ],
        },
      ],
    });
  });

  it('elastic-transform-placeholders: one $plugin_N per [[transform.plugin]] entry, no inline plugin markup', async () => {
    await runCheckCases('elastic-transform-placeholders', {
      valid: CLEAN,
      invalid: [
        { file: `${P}/execution_transform_count_mismatch.toml`, errors: [{ line: 7, message: '[[transform.osquery]] has 2 entries but the note has 1 $osquery_N placeholder' }] },
        {
          file: `${P}/execution_transform_placeholder_without_transform.toml`,
          errors: [
            { line: 31, message: /^the note writes !\{osquery… itself; define the plugin in \[\[transform\.osquery\]\]/ },
            { line: 32, message: 'the note has the placeholder $osquery_1 but the rule has no [transform]' },
          ],
        },
      ],
    });
  });
});
