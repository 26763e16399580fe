import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ATTACK_OPTIONS, loadAttack } from '../../src/attack/load-attack.js';
import { CORPUS, ROOT } from '../helpers/paths.js';

const SIGMA = path.join(CORPUS, 'sigma');

/** `rules*` folders, all .yml below them: the maintained rule folders (deprecated/ and unsupported/ are left out on purpose). */
function sigmaRuleFiles(): string[] {
  const files: string[] = [];
  for (const top of readdirSync(SIGMA, { withFileTypes: true })) {
    if (!top.isDirectory() || !top.name.startsWith('rules')) continue;
    const dir = path.join(SIGMA, top.name);
    for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (rel.endsWith('.yml')) files.push(path.join(dir, rel));
    }
  }
  return files.sort();
}

/** `- attack.t1059.001` list items; the tag grammar itself is the Sigma parser's job. */
const TECHNIQUE_TAG = /^\s*-\s*['"]?attack\.(t\d{4}(?:\.\d{3})?)['"]?\s*$/i;
/** `- attack.stealth`: a tactic shortname (group and software ids start with a letter and a digit). */
const TACTIC_TAG = /^\s*-\s*['"]?attack\.([a-z][a-z_-]+)['"]?\s*$/i;

describe('Sigma corpus technique tags against the v19 table', () => {
  const attack = loadAttack(DEFAULT_ATTACK_OPTIONS(ROOT));
  const files = sigmaRuleFiles();

  it('reads the corpus', () => {
    expect(files.length).toBeGreaterThan(3000);
  });

  it('every attack.tNNNN tag resolves to an active technique', () => {
    const tagged = new Map<string, string[]>();
    for (const file of files) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        const id = TECHNIQUE_TAG.exec(line)?.[1]?.toUpperCase();
        if (!id) continue;
        let where = tagged.get(id);
        if (!where) tagged.set(id, (where = []));
        where.push(path.relative(SIGMA, file));
      }
    }
    expect(tagged.size).toBeGreaterThan(300);
    const notActive: string[] = [];
    for (const [id, where] of [...tagged].sort()) {
      const r = attack.resolve(id);
      if (r.status === 'active') continue;
      const to = r.replacement ? ` → ${r.replacement.id}` : '';
      notActive.push(`${id}: ${r.status}${to} (${where.length} rules, e.g. ${where[0] ?? ''})`);
    }
    if (notActive.length > 0) console.log(`Sigma technique tags that are not active:\n${notActive.join('\n')}`);
    expect(notActive).toEqual([]);
  });

  it('every attack.<tactic> tag names an active v19 tactic', () => {
    const shortnames = new Set<string>();
    for (const file of files) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        const name = TACTIC_TAG.exec(line)?.[1];
        if (name) shortnames.add(name.toLowerCase());
      }
    }
    expect(shortnames).toContain('stealth');
    expect(shortnames).toContain('defense-impairment');
    const notActive = [...shortnames].filter((s) => !attack.tactic(s) || attack.tactic(s)?.retired).sort();
    if (notActive.length > 0) console.log(`Sigma tactic tags that are not active tactics: ${notActive.join(', ')}`);
    expect(notActive).toEqual([]);
  });
});
