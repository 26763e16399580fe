import type { AttackData } from '../../attack/index.js';
import type { EventGap, ExclusionGap, GapReport, MissingTechnique, TechniqueCoverage } from '../../gaps/types.js';
import { describeRow } from '../describe.js';
import { shortEvent } from './sections.js';

/** ATT&CK Navigator layer file format 4.5 (the fields lint-rule writes). */
export interface NavigatorLayer {
  name: string;
  versions: { attack: string; navigator: string; layer: '4.5' };
  domain: 'enterprise-attack';
  description: string;
  sorting: number;
  layout: { layout: 'side'; showID: boolean; showName: boolean; showAggregateScores: boolean; countUnscored: boolean; aggregateFunction: 'average'; expandedSubtechniques: 'annotated' };
  hideDisabled: boolean;
  techniques: NavigatorTechnique[];
  gradient: { colors: string[]; minValue: number; maxValue: number };
  legendItems: { label: string; color: string }[];
  showTacticRowBackground: boolean;
  tacticRowBackground: string;
  selectTechniquesAcrossTactics: boolean;
  selectSubtechniquesWithParent: boolean;
  selectVisibleTechniques: boolean;
  metadata: { name: string; value: string }[];
}

export interface NavigatorTechnique {
  techniqueID: string;
  tactic?: string;
  score?: number;
  color?: string;
  comment: string;
  enabled: boolean;
  showSubtechniques: boolean;
  metadata?: { name: string; value: string }[];
}

export const NAVIGATOR_VERSION = '5.1.0';
export const LAYER_FORMAT = '4.5';

/** Red (corpus covers, repository does not) → yellow → green (every corpus event read), as the Navigator's default gradient. */
export const LAYER_GRADIENT = ['#ff6666', '#ffe766', '#8ec843'];
/** Explicit colour of techniques only the repository covers: the gradient has no place for them. */
export const REPOSITORY_ONLY_COLOR = '#66b1ff';

interface GapsByTechnique {
  missing: Map<string, MissingTechnique>;
  events: Map<string, EventGap>;
  exclusions: Map<string, ExclusionGap[]>;
}

function gapsByTechnique(report: GapReport): GapsByTechnique {
  const exclusions = new Map<string, ExclusionGap[]>();
  for (const g of report.exclusionGaps) {
    const list = exclusions.get(g.technique);
    if (list) list.push(g);
    else exclusions.set(g.technique, [g]);
  }
  return { missing: new Map(report.missingTechniques.map((t) => [t.id, t])), events: new Map(report.eventGaps.map((g) => [g.technique, g])), exclusions };
}

/** The gap comment of one technique: what the repository misses of the corpus. */
function comment(c: TechniqueCoverage, gaps: GapsByTechnique): string {
  if (c.state === 'repository-only') return `${c.repositoryRules} repository rule(s); no corpus rule for this technique.`;
  if (c.state === 'missing') {
    const m = gaps.missing.get(c.id);
    const events = m && m.events.length > 0 ? ` reading ${m.events.slice(0, 5).map((e) => shortEvent(e.event)).join(', ')}${m.events.length > 5 ? ', …' : ''}` : '';
    return `Gap: ${c.corpusRules} corpus rule(s)${events}; no repository rule.`;
  }
  const parts = [`${c.repositoryRules} repository rule(s), ${c.corpusRules} corpus rule(s); reads ${c.coveredEvents} of ${c.corpusEvents} corpus event(s).`];
  const events = gaps.events.get(c.id);
  if (events) parts.push(`Events not read: ${events.missing.map((e) => `${shortEvent(e.event)} (${e.corpusRules} corpus rules)`).join(', ')}.`);
  for (const g of gaps.exclusions.get(c.id) ?? []) {
    parts.push(`Common exclusions missing on ${shortEvent(g.event)}: ${g.missing.slice(0, 5).map((x) => `${describeRow(x)} (${x.corpusRules} of ${g.corpusRules})`).join('; ')}${g.missing.length > 5 ? '; …' : ''}.`);
  }
  if (c.state === 'covered') parts.push('No gap.');
  return parts.join(' ');
}

/**
 * An ATT&CK Navigator layer (format 4.5) of the gap report: one entry per
 * technique the corpus or the repository has rules for, scored by the
 * repository's coverage relative to the corpus (0 = the corpus covers it and
 * the repository does not; 100 = the repository reads every event the corpus
 * reads for it). A technique under several tactics gets one entry per tactic,
 * each naming it, as the Navigator itself exports them; parents of annotated
 * sub-techniques get an unscored entry that opens them.
 */
export function navigatorLayer(report: GapReport, attack: AttackData, options: { name: string }): NavigatorLayer {
  const annotatedParents = new Set<string>();
  for (const c of report.coverage) {
    const t = attack.technique(c.id);
    if (t?.parentId) annotatedParents.add(t.parentId);
  }
  const covered = new Set(report.coverage.map((c) => c.id));
  const gaps = gapsByTechnique(report);
  const techniques: NavigatorTechnique[] = [];
  const push = (id: string, tactics: readonly string[], entry: Omit<NavigatorTechnique, 'techniqueID'>): void => {
    if (tactics.length <= 1) techniques.push({ techniqueID: id, ...entry });
    else for (const tactic of tactics) techniques.push({ techniqueID: id, tactic, ...entry });
  };
  for (const c of report.coverage) {
    const entry: Omit<NavigatorTechnique, 'techniqueID'> = {
      score: c.score,
      comment: comment(c, gaps),
      enabled: true,
      showSubtechniques: annotatedParents.has(c.id),
      metadata: [
        { name: 'repository rules', value: String(c.repositoryRules) },
        { name: 'corpus rules', value: String(c.corpusRules) },
        { name: 'corpus events read', value: `${c.coveredEvents} of ${c.corpusEvents}` },
        { name: 'common exclusions missing', value: String(c.missingExclusions) },
      ],
    };
    if (c.state === 'repository-only') entry.color = REPOSITORY_ONLY_COLOR;
    push(c.id, c.tactics, entry);
  }
  for (const parent of [...annotatedParents].sort()) {
    if (covered.has(parent)) continue;
    const t = attack.technique(parent);
    if (!t) continue;
    push(parent, t.tactics, { comment: 'No rule tagged with this technique itself; see its sub-techniques.', enabled: true, showSubtechniques: true });
  }
  const major = report.attackVersion.split('.')[0] ?? report.attackVersion;
  const r = report.repository;
  return {
    name: options.name,
    versions: { attack: major, navigator: NAVIGATOR_VERSION, layer: LAYER_FORMAT },
    domain: 'enterprise-attack',
    description: `lint-rule gaps: ${r.rules} repository rules compared with ${report.corpus.rules} corpus rules (${report.corpus.roots.join(', ')}). Score: share of the corpus's events for a technique that the repository's rules read (0 = corpus covers it, repository does not).`,
    sorting: 0,
    layout: { layout: 'side', showID: true, showName: true, showAggregateScores: false, countUnscored: false, aggregateFunction: 'average', expandedSubtechniques: 'annotated' },
    hideDisabled: false,
    techniques,
    gradient: { colors: LAYER_GRADIENT, minValue: 0, maxValue: 100 },
    legendItems: [
      { label: 'Gap: the corpus covers it, the repository does not (0)', color: LAYER_GRADIENT[0] as string },
      { label: 'Partly: the repository misses some corpus events', color: LAYER_GRADIENT[1] as string },
      { label: 'The repository reads every corpus event (100)', color: LAYER_GRADIENT[2] as string },
      { label: 'Only the repository has rules', color: REPOSITORY_ONLY_COLOR },
    ],
    showTacticRowBackground: false,
    tacticRowBackground: '#dddddd',
    selectTechniquesAcrossTactics: true,
    selectSubtechniquesWithParent: false,
    selectVisibleTechniques: false,
    metadata: [
      { name: 'generated by', value: 'lint-rule gaps' },
      { name: 'corpus', value: report.corpus.roots.join(', ') },
      { name: 'ATT&CK', value: `v${report.attackVersion}` },
    ],
  };
}
