import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LintMessage } from '../../src/engine/linter.js';
import { lintWith, runCheckCases } from '../helpers/rule-tester.js';
import { CORPUS } from '../helpers/paths.js';

/**
 * The corpus comparisons need drafts that resemble a real corpus rule. They
 * are written at run time into a temporary folder from the corpus file
 * (nothing of the corpus is kept in the project): an exact copy under another
 * path, the same detection with new names, and a variant with one more value.
 */
const CORPUS_RULE = path.join(CORPUS, 'sigma', 'rules', 'windows', 'process_creation', 'proc_creation_win_certutil_download.yml');
let tmp = '';
let copy = '';
let renamed = '';
let extended = '';

function idsOf(messages: LintMessage[], id: string): LintMessage[] {
  return messages.filter((m) => m.ruleId === id);
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'lint-rule-dup-'));
  const text = readFileSync(CORPUS_RULE, 'utf8');
  mkdirSync(path.join(tmp, 'drafts'));
  copy = path.join(tmp, 'drafts', path.basename(CORPUS_RULE));
  writeFileSync(copy, text);
  renamed = path.join(tmp, 'drafts', 'proc_creation_win_certutil_fetch_renamed.yml');
  writeFileSync(renamed, text
    .replace(/^id: .*$/m, 'id: 0f0e0d0c-1b2a-4938-8776-a5b4c3d2e1f0')
    .replace(/^title: .*$/m, 'title: Certutil Fetching a Remote File')
    .replace(/selection_flags/g, 'selection_options'));
  extended = path.join(tmp, 'drafts', 'proc_creation_win_certutil_fetch_split.yml');
  writeFileSync(extended, text
    .replace(/^id: .*$/m, 'id: 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d')
    .replace(/^title: .*$/m, 'title: Certutil Split Download')
    .replace("            - 'URL '\n", "            - 'URL '\n            - 'split '\n"));
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('duplicates against the corpus', () => {
  it('an exact copy under another path has the id, title, file name and detection of a corpus rule', async () => {
    const [r] = await lintWith([copy], { 'corpus-duplicate-id': 'error', 'corpus-duplicate-title': 'error', 'corpus-duplicate-filename': 'error', 'duplicate-detection': 'error' });
    const m = r!.messages;
    expect(idsOf(m, 'corpus-duplicate-id').map((x) => [x.line, x.message])).toEqual([[2, expect.stringMatching(/^id 19b08b1c-861d-4e75-a1ef-ea0c1baf202b is already used by sigma\/rules\/windows\/process_creation\/proc_creation_win_certutil_download\.yml/)]]);
    expect(idsOf(m, 'corpus-duplicate-title').map((x) => x.line)).toEqual([1]);
    expect(idsOf(m, 'corpus-duplicate-filename').map((x) => x.line)).toEqual([1]);
    expect(idsOf(m, 'duplicate-detection').map((x) => [x.line, x.message])).toEqual([[expect.any(Number), expect.stringMatching(/^same detection logic as sigma\/rules\/windows\/process_creation\/proc_creation_win_certutil_download\.yml/)]]);
  });

  it('the corpus rule itself is not compared with its own entry', async () => {
    const [r] = await lintWith([CORPUS_RULE], { 'corpus-duplicate-id': 'error', 'corpus-duplicate-title': 'error', 'corpus-duplicate-filename': 'error', 'duplicate-detection': 'error', 'near-duplicate': 'error' });
    expect(r!.messages.map((x) => x.ruleId)).toEqual([]);
  });

  it('renamed selections, new id and title: still the same detection, no other duplicate', async () => {
    const [r] = await lintWith([renamed], { 'corpus-duplicate-id': 'error', 'corpus-duplicate-title': 'error', 'duplicate-detection': 'error' });
    expect(r!.messages.map((x) => x.ruleId)).toEqual(['duplicate-detection']);
  });

  it('near-duplicate: one value more is a Jaccard similarity of 6/7, told which rule it resembles', async () => {
    const [r] = await lintWith([extended], { 'near-duplicate': 'error', 'duplicate-detection': 'error' });
    const near = idsOf(r!.messages, 'near-duplicate');
    expect(near.map((x) => x.line)).toEqual([1]);
    expect(near[0]!.message).toMatch(/^very similar to sigma rule 'Suspicious Download Via Certutil\.EXE' \(sigma\/rules\/windows\/process_creation\/proc_creation_win_certutil_download\.yml\): Jaccard similarity 0\.86, 6 of 7 predicates shared/);
    expect(idsOf(r!.messages, 'duplicate-detection')).toEqual([]);
    // A threshold above the similarity silences it.
    const [strict] = await lintWith([extended], { 'near-duplicate': ['error', { threshold: 0.9 }] });
    expect(idsOf(strict!.messages, 'near-duplicate')).toEqual([]);
  });

  it('near-duplicate: a copy elsewhere is similar (1.00) to its corpus rule; a checkout whose path ends with the corpus path is that rule', async () => {
    const [elsewhere] = await lintWith([copy], { 'near-duplicate': 'error' });
    expect(idsOf(elsewhere!.messages, 'near-duplicate').map((x) => x.message)).toEqual([
      expect.stringMatching(/^very similar to sigma rule 'Suspicious Download Via Certutil\.EXE' \(sigma\/rules\/windows\/process_creation\/proc_creation_win_certutil_download\.yml\): Jaccard similarity 1\.00, 6 of 6 predicates shared$/),
    ]);
    const checkout = path.join(tmp, 'checkout', 'sigma', 'rules', 'windows', 'process_creation', path.basename(CORPUS_RULE));
    mkdirSync(path.dirname(checkout), { recursive: true });
    writeFileSync(checkout, readFileSync(CORPUS_RULE, 'utf8'));
    const [own] = await lintWith([checkout], { 'near-duplicate': 'error' });
    expect(idsOf(own!.messages, 'near-duplicate')).toEqual([]);
  });
});

describe('duplicates within the linted files', () => {
  const D = 'sigma/duplicates';
  it('duplicate-detection: same logsource and logic, whatever the names, order and definition', async () => {
    const results = await lintWith([`${D}/first-of-a-duplicate-pair.yml`, `${D}/second-of-a-duplicate-pair-renamed.yml`, `${D}/same-values-other-condition.yml`], { 'duplicate-detection': 'error' });
    const lines = results.map((r) => idsOf(r.messages, 'duplicate-detection').map((m) => `${m.line} ${m.message}`));
    expect(lines[0]).toEqual([expect.stringMatching(/^20 same detection logic as .*second-of-a-duplicate-pair-renamed\.yml \('MSHTA Fetching Remote HTA'\)$/)]);
    expect(lines[1]).toEqual([expect.stringMatching(/^21 same detection logic as .*first-of-a-duplicate-pair\.yml/)]);
    expect(lines[2]).toEqual([]);
  });

  it('duplicate-detection: a rule alone has none', () =>
    runCheckCases('duplicate-detection', { valid: [`${D}/same-values-other-condition.yml`], invalid: [] }));
});
