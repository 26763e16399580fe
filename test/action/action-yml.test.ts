import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readInputs } from '../../src/action/inputs.js';
import { ROOT } from '../helpers/paths.js';

interface ActionYml {
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: { id?: string; run?: string; env?: Record<string, string>; uses?: string; 'working-directory'?: string }[] };
}

const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8'), { uniqueKeys: true }) as ActionYml;
const lintStep = action.runs.steps.find((s) => s.id === 'lint');

describe('action.yml', () => {
  it('is a composite action whose lint step runs the built entry point in the workspace', () => {
    expect(action.runs.using).toBe('composite');
    expect(lintStep?.run).toBe('node "$GITHUB_ACTION_PATH/dist/action/main.js"');
    expect(lintStep?.['working-directory']).toBe('${{ github.workspace }}');
    const build = action.runs.steps.find((s) => s.run?.includes('npm run build'));
    expect(build?.['working-directory']).toBe('${{ github.action_path }}');
    expect(build?.run).toContain('npm ci');
  });

  it('passes every input to the entry point under the name the runner would use (INPUT_ + upper case, dashes kept)', () => {
    const expected = Object.fromEntries(Object.keys(action.inputs).map((name) => [`INPUT_${name.toUpperCase()}`, `\${{ inputs.${name} }}`]));
    expect(lintStep?.env).toEqual(expected);
  });

  it('its defaults are values the entry point accepts', () => {
    const env = Object.fromEntries(Object.entries(action.inputs).map(([name, i]) => [`INPUT_${name.toUpperCase()}`, i.default ?? '']));
    expect(readInputs(env)).toEqual({ paths: ['.'], corpus: [], failOn: 'error', onlyChanged: false });
  });

  it('declares the outputs the entry point sets', () => {
    for (const name of ['errors', 'warnings', 'files', 'sarif-file']) {
      expect(action.outputs[name]?.value).toBe(`\${{ steps.lint.outputs.${name} }}`);
    }
  });
});

describe('action inputs', () => {
  it('reads list inputs separated by newlines or spaces, and booleans as @actions/core does', () => {
    const inputs = readInputs({
      INPUT_PATHS: ' rules/sigma\nrules/elastic/**/*.toml  rules/splunk \n',
      INPUT_CORPUS: 'corpus/a\n\ncorpus/b',
      'INPUT_ONLY-CHANGED': 'True',
      'INPUT_FAIL-ON': 'warning',
      'INPUT_SARIF-FILE': ' out.sarif ',
    });
    expect(inputs).toEqual({
      paths: ['rules/sigma', 'rules/elastic/**/*.toml', 'rules/splunk'],
      corpus: ['corpus/a', 'corpus/b'],
      onlyChanged: true,
      failOn: 'warning',
      sarifFile: 'out.sarif',
    });
  });

  it('rejects values it does not understand', () => {
    expect(() => readInputs({ 'INPUT_ONLY-CHANGED': 'yes' })).toThrow('input "only-changed" must be true or false, got "yes"');
    expect(() => readInputs({ 'INPUT_FAIL-ON': 'errors' })).toThrow('input "fail-on" must be one of error, warning, never, got "errors"');
  });
});
