import { readYamlFast } from './fast-reader.js';
import { readYamlFull } from './full-reader.js';
import type { YamlIssue } from './full-reader.js';
import type { YDocument } from './nodes.js';

export interface YamlReadResult {
  documents: YDocument[];
  /** YAML errors and warnings per document, index-aligned with `documents`. */
  issues: YamlIssue[][];
  /** Whether the fast subset reader handled the file (false: the `yaml` package did). */
  fast: boolean;
}

/** Reads the YAML documents of a file: the fast reader when it can, the `yaml` package otherwise. */
export function readYaml(text: string): YamlReadResult {
  const fast = readYamlFast(text);
  if (fast) return { documents: fast, issues: fast.map(() => []), fast: true };
  return { ...readYamlFull(text), fast: false };
}
