import { describe, expect, it } from 'vitest';
import { parseCli } from '../../src/cli/args.js';

describe('parseCli', () => {
  it('reads a leading command name as the command', () => {
    expect(parseCli(['explain', 'T1102.002']).command).toBe('explain');
    expect(parseCli(['rules']).command).toBe('rules');
  });

  it('treats everything after -- as paths, even a folder named like a command', () => {
    expect(parseCli(['--', 'rules'])).toMatchObject({ command: 'lint', positionals: ['rules'] });
    expect(parseCli(['--format', 'json', '--', 'index', 'x.yml'])).toMatchObject({ command: 'lint', positionals: ['index', 'x.yml'] });
  });

  it('lints when the first positional is not a command', () => {
    expect(parseCli(['a.yml', 'rules'])).toMatchObject({ command: 'lint', positionals: ['a.yml', 'rules'] });
  });
});
