import path from 'node:path';
import { expect } from 'vitest';
import { RunResources } from '../../src/cli/resources.js';
import type { RuleSetting } from '../../src/engine/config-file.js';
import { loadConfig, type Config } from '../../src/engine/config.js';
import { Linter, type LintMessage, type LintResult } from '../../src/engine/linter.js';
import { ALL_CHECKS } from '../../src/rules/index.js';
import { FIXTURES } from './paths.js';

let shared: { config: Config; resources: RunResources } | undefined;

/**
 * One config and resources (ATT&CK, corpus index) for all tests of a worker:
 * the default corpus and ATT&CK from ../shared, the cache the global setup built.
 */
async function base(): Promise<{ config: Config; resources: RunResources }> {
  if (!shared) {
    const config = loadConfig({ cwd: FIXTURES, checks: ALL_CHECKS, noLookup: true, preset: 'strict' });
    const resources = new RunResources(config);
    await resources.openIndex({ quietProgress: true });
    shared = { config, resources };
  }
  return shared;
}

/** Lints files with only the given checks on (others off), like ESLint's RuleTester. */
export async function lintWith(files: string[], rules: Record<string, RuleSetting>): Promise<LintResult[]> {
  const { config, resources } = await base();
  const only = loadConfig({ cwd: FIXTURES, checks: ALL_CHECKS, noLookup: true, preset: 'strict', ruleOverrides: rules });
  for (const [id, entry] of only.rules) if (!(id in rules)) only.rules.set(id, { ...entry, severity: 'off' });
  const run: Config = { ...config, rules: only.rules };
  const linter = new Linter(run, ALL_CHECKS, resources);
  const results = await linter.lintFiles(files.map((f) => path.resolve(FIXTURES, f)));
  expect(linter.internalErrors).toEqual([]);
  return results;
}

export interface InvalidCase {
  /** Fixture path relative to fixtures/. */
  file: string;
  /** Expected messages of the check under test: line, and a pattern the message must match. */
  errors: { line: number; message?: RegExp | string }[];
  options?: Record<string, unknown>;
}

export interface CheckCases {
  valid: (string | { file: string; options?: Record<string, unknown> })[];
  invalid: InvalidCase[];
}

/**
 * Runs a check over valid fixtures (no message from it) and invalid ones
 * (exactly the expected messages, by line). Call inside a `describe`'s `it`.
 */
export async function runCheckCases(checkId: string, cases: CheckCases): Promise<void> {
  for (const v of cases.valid) {
    const file = typeof v === 'string' ? v : v.file;
    const options = typeof v === 'string' ? undefined : v.options;
    const [result] = await lintWith([file], { [checkId]: options ? ['error', options] : 'error' });
    const own = (result as LintResult).messages.filter((m) => m.ruleId === checkId);
    expect(own.map(brief), `${file} should have no ${checkId} message`).toEqual([]);
  }
  for (const c of cases.invalid) {
    const [result] = await lintWith([c.file], { [checkId]: c.options ? ['error', c.options] : 'error' });
    const own = (result as LintResult).messages.filter((m) => m.ruleId === checkId);
    expect(own.map((m) => m.line), `${c.file}: lines of ${checkId} messages (${own.map(brief).join(' | ')})`).toEqual(c.errors.map((e) => e.line));
    c.errors.forEach((e, i) => {
      if (e.message !== undefined) expect((own[i] as LintMessage).message).toMatch(e.message);
    });
  }
}

function brief(m: LintMessage): string {
  return `${m.line}:${m.column} ${m.message.split('\n')[0]}`;
}
