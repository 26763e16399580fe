/** The environment the runner gives an action: `INPUT_*`, `GITHUB_*`. */
export type ActionEnv = Readonly<Record<string, string | undefined>>;

export type FailOn = 'error' | 'warning' | 'never';

/** The action's inputs (action.yml), parsed and checked. */
export interface ActionInputs {
  /** Files, folders or globs to lint, relative to the workspace. */
  paths: string[];
  config?: string;
  /** Corpus folders; empty means no corpus. */
  corpus: string[];
  /** ATT&CK STIX bundle; empty means lint-rule's default. */
  attack?: string;
  preset?: string;
  failOn: FailOn;
  onlyChanged: boolean;
  sarifFile?: string;
}

export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/**
 * An input as the runner passes it: `INPUT_` + the name upper-cased with
 * spaces as underscores and dashes kept (`fail-on` → `INPUT_FAIL-ON`),
 * trimmed, as @actions/core's getInput reads it.
 */
export function getInput(env: ActionEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** A list input: entries separated by newlines or spaces, blanks dropped. */
export function listInput(env: ActionEnv, name: string): string[] {
  return getInput(env, name)
    .split(/\s+/)
    .filter((s) => s !== '');
}

/** The YAML 1.2 core-schema booleans, as @actions/core's getBooleanInput accepts them; empty is false. */
export function booleanInput(env: ActionEnv, name: string): boolean {
  const value = getInput(env, name);
  if (value === '' || value === 'false' || value === 'False' || value === 'FALSE') return false;
  if (value === 'true' || value === 'True' || value === 'TRUE') return true;
  throw new InputError(`input "${name}" must be true or false, got "${value}"`);
}

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];

export function readInputs(env: ActionEnv): ActionInputs {
  const failOn = getInput(env, 'fail-on') || 'error';
  if (!(FAIL_ON as readonly string[]).includes(failOn)) {
    throw new InputError(`input "fail-on" must be one of ${FAIL_ON.join(', ')}, got "${failOn}"`);
  }
  const paths = listInput(env, 'paths');
  const optional = (name: string): string | undefined => getInput(env, name) || undefined;
  const config = optional('config');
  const attack = optional('attack');
  const preset = optional('preset');
  const sarifFile = optional('sarif-file');
  return {
    paths: paths.length > 0 ? paths : ['.'],
    corpus: listInput(env, 'corpus'),
    failOn: failOn as FailOn,
    onlyChanged: booleanInput(env, 'only-changed'),
    ...(config ? { config } : {}),
    ...(attack ? { attack } : {}),
    ...(preset ? { preset } : {}),
    ...(sarifFile ? { sarifFile } : {}),
  };
}
