import type { Check } from '../../engine/check.js';
import type { LintResult } from '../../engine/linter.js';

export interface FormatterContext {
  /** Paths in the output are shown relative to this folder. */
  cwd: string;
  /** The repository root, for formats that need repository-relative paths (SARIF). */
  repoRoot: string;
  /** Every registered check, for formats that describe them (SARIF rules). */
  checks: readonly Check[];
  color: boolean;
  /** Warnings above this count fail the run (stylish mentions it). */
  maxWarnings?: number;
}

export type Formatter = (results: readonly LintResult[], context: FormatterContext) => string;
