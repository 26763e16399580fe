import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AttackData } from '../../attack/index.js';
import type { Repository } from '../../gaps/repository.js';
import type { ExclusionGap, GapReport, TechniqueCoverage } from '../../gaps/types.js';
import type { CorpusIndex } from '../../index/corpus-index.js';
import { buildCatalogPage } from '../catalog/page.js';
import { navigatorLayer } from '../gaps/navigator.js';
import { gapsPageHtml } from './gaps-page.js';
import type { PageLinks } from './links.js';
import { buildMatrix } from './matrix.js';
import { matrixPageHtml } from './matrix-page.js';
import { techniquePageHtml, type TechniqueRepositoryView } from './technique-page.js';

export interface SiteInput {
  outDir: string;
  attack: AttackData;
  index: CorpusIndex;
  /** The repository and its gap report, for `site --repo`. */
  repository?: { report: GapReport; repo: Repository; label: string };
  /** Rows per table on technique pages; -1 for all. */
  top: number;
  /** Technique descriptions (src/attack/descriptions.ts), when the bundle could be read. */
  descriptions?: ReadonlyMap<string, string>;
  generator: string;
  progress?: (done: number, total: number) => void;
}

export interface SiteResult {
  /** Files written, relative to the output folder. */
  files: string[];
  techniquePages: number;
}

export const MATRIX_PAGE = 'index.html';
export const GAPS_PAGE = 'gaps.html';
export const LAYER_FILE = 'navigator-layer.json';
export const TECHNIQUE_DIR = 'techniques';

/** Per-technique lookups of the repository's rules and gaps. */
function repositoryViews(report: GapReport, repo: Repository): (id: string) => TechniqueRepositoryView {
  const coverage = new Map(report.coverage.map((c) => [c.id, c] as const));
  const events = new Map(report.eventGaps.map((g) => [g.technique, g] as const));
  const exclusions = new Map<string, ExclusionGap[]>();
  for (const g of report.exclusionGaps) exclusions.set(g.technique, [...(exclusions.get(g.technique) ?? []), g]);
  const rules = new Map<string, { title: string; file: string }[]>();
  for (const { rule } of repo.rules) {
    for (const t of rule.techniques) rules.set(t, [...(rules.get(t) ?? []), { title: rule.title, file: rule.file }]);
  }
  return (id) => {
    const view: TechniqueRepositoryView = { coverage: coverage.get(id), rules: rules.get(id) ?? [], exclusionGaps: exclusions.get(id) ?? [] };
    const eventGap = events.get(id);
    if (eventGap) view.eventGap = eventGap;
    return view;
  };
}

/**
 * Writes the static site: `index.html` (the matrix heatmap and a table of
 * techniques), one page per technique with rules under `techniques/`, and
 * with a repository `gaps.html` and the Navigator layer. Every page is
 * self-contained; links between pages are relative, so the folder can be
 * opened from disk or served anywhere.
 */
export function writeSite(input: SiteInput): SiteResult {
  const { attack } = input;
  const { index } = input;
  const counts = index.techniques();
  const withRepo = input.repository;
  const coverage: ReadonlyMap<string, TechniqueCoverage> | undefined = withRepo ? new Map(withRepo.report.coverage.map((c) => [c.id, c])) : undefined;
  const ids = [...new Set([...counts.keys(), ...(coverage?.keys() ?? [])])].filter((id) => attack.technique(id) !== undefined).sort();
  const paged = new Set(ids);
  const techniqueDir = path.join(input.outDir, TECHNIQUE_DIR);
  mkdirSync(techniqueDir, { recursive: true });

  const fromTechnique: PageLinks = {
    matrix: `../${MATRIX_PAGE}`,
    ...(withRepo ? { gaps: `../${GAPS_PAGE}` } : {}),
    technique: (id) => (paged.has(id) ? `${id}.html` : undefined),
  };
  const fromTop: PageLinks = {
    matrix: MATRIX_PAGE,
    ...(withRepo ? { gaps: GAPS_PAGE } : {}),
    technique: (id) => (paged.has(id) ? `${TECHNIQUE_DIR}/${id}.html` : undefined),
  };
  const viewOf = withRepo ? repositoryViews(withRepo.report, withRepo.repo) : undefined;
  const files: string[] = [];
  const total = ids.length + 1;
  let done = 0;
  for (const id of ids) {
    const catalog = buildCatalogPage(id, attack, index, input.descriptions);
    done++;
    if (!catalog) continue;
    const pageHtml = techniquePageHtml({
      page: catalog,
      rules: index.rulesOf(id),
      top: input.top,
      links: fromTechnique,
      generator: input.generator,
      ...(viewOf ? { repository: viewOf(id) } : {}),
    });
    const rel = `${TECHNIQUE_DIR}/${id}.html`;
    writeFileSync(path.join(input.outDir, rel), pageHtml);
    files.push(rel);
    input.progress?.(done, total);
  }
  const matrix = matrixPageHtml({
    // Beside the repository, the cells count the corpus it was compared with (its own entries left out).
    columns: buildMatrix(attack, coverage ? new Map([...coverage].map(([id, c]) => [id, c.corpusRules])) : counts, coverage),
    attackVersion: attack.version,
    corpus: withRepo ? { rules: withRepo.report.corpus.rules, roots: withRepo.report.corpus.roots } : { rules: index.ruleCount, roots: index.roots },
    ...(withRepo ? { repository: { label: withRepo.label, rules: withRepo.report.repository.rules } } : {}),
    links: fromTop,
    generator: input.generator,
  });
  writeFileSync(path.join(input.outDir, MATRIX_PAGE), matrix);
  files.push(MATRIX_PAGE);
  if (withRepo) {
    writeFileSync(path.join(input.outDir, GAPS_PAGE), gapsPageHtml(withRepo.report, { links: fromTop, generator: input.generator, repositoryLabel: withRepo.label }));
    writeFileSync(path.join(input.outDir, LAYER_FILE), `${JSON.stringify(navigatorLayer(withRepo.report, attack, { name: `lint-rule gaps: ${withRepo.label}` }), null, 2)}\n`);
    files.push(GAPS_PAGE, LAYER_FILE);
  }
  input.progress?.(total, total);
  return { files, techniquePages: files.length - (withRepo ? 3 : 1) };
}
