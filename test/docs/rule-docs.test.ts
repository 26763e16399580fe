import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRuleDoc } from '../../src/report/rule-docs.js';
import { ALL_CHECKS } from '../../src/rules/index.js';
import { ROOT } from '../helpers/paths.js';

const DIR = path.join(ROOT, 'docs', 'rules');

describe('docs/rules pages', () => {
  it('exist for every check and match its metadata (run `npm run docs` after changing a check)', () => {
    for (const check of ALL_CHECKS) {
      const file = path.join(DIR, `${check.meta.id}.md`);
      expect(existsSync(file), `${file} is missing`).toBe(true);
      expect(readFileSync(file, 'utf8'), `${check.meta.id}.md is out of date`).toBe(renderRuleDoc(check));
    }
  });

  it('has no page for a check that no longer exists', () => {
    const ids = new Set(ALL_CHECKS.map((c) => `${c.meta.id}.md`));
    expect(readdirSync(DIR).filter((f) => f.endsWith('.md') && !ids.has(f))).toEqual([]);
  });

  it('every check has an id in kebab case, a one-sentence description and docs', () => {
    const seen = new Set<string>();
    for (const { meta } of ALL_CHECKS) {
      expect(meta.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(seen.has(meta.id), `duplicate check id ${meta.id}`).toBe(false);
      seen.add(meta.id);
      expect(meta.description).toMatch(/^[A-Z`].*\.$/);
      expect(meta.docs.trim().length).toBeGreaterThan(40);
    }
  });
});
