import type { GapReport } from '../../gaps/types.js';
import { catalogEvent } from '../../model/events.js';
import { describeRow } from '../describe.js';

/**
 * The gap report's sections as header + rows of strings, shared by the text
 * and Markdown renderers (and the HTML gaps page) so all show the same columns.
 * `groups` counts the techniques (or technique/event pairs) a section holds;
 * `top` limits the groups shown, and the rows within a group are capped too.
 */
export interface GapSection {
  id: 'techniques' | 'events' | 'exclusions' | 'tags' | 'unread';
  title: string;
  intro: string;
  header: string[];
  rows: string[][];
  /** Columns holding counts (right-aligned, sorted as numbers). */
  numeric: number[];
  /** Columns holding paths: clipped from the start, where the file name is not. */
  paths?: number[];
  groups: number;
  shownGroups: number;
}

/** Rows shown per technique or pair before "+ n more". */
const ROWS_PER_GROUP = 5;

/** `Sysmon Event ID 3`: short enough for a table cell. */
export function shortEvent(key: string): string {
  const e = catalogEvent(key);
  return e ? `${e.provider} ${e.label}` : key;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function limit<T>(items: readonly T[], top: number): T[] {
  return top < 0 ? [...items] : items.slice(0, top);
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export function gapSections(report: GapReport, top: number): GapSection[] {
  const { minRules, minShare } = report.thresholds;
  const techniques = limit(report.missingTechniques, top);
  const events = limit(report.eventGaps, top);
  const exclusions = limit(report.exclusionGaps, top);
  const tags = limit(report.tagProblems, top);
  const unread = limit(report.repository.unread, top);
  return [
    {
      id: 'techniques',
      title: `Techniques the corpus covers and the repository does not (${report.missingTechniques.length})`,
      intro: 'Ranked by corpus rules, then by the distinct events they read.',
      header: ['Technique', 'Name', 'Tactics', 'Corpus rules', 'Events', 'Most read events'],
      numeric: [3, 4],
      rows: techniques.map((t) => [
        t.id,
        t.coveredSubtechniques.length > 0 ? `${t.name} (sub-techniques covered: ${t.coveredSubtechniques.join(', ')})` : t.name,
        t.tactics.join(', '),
        String(t.corpusRules),
        String(t.events.length),
        t.events.slice(0, 3).map((e) => shortEvent(e.event)).join(', '),
      ]),
      groups: report.missingTechniques.length,
      shownGroups: techniques.length,
    },
    {
      id: 'events',
      title: `Events the corpus reads that the repository does not (${plural(report.eventGaps.length, 'technique')})`,
      intro: 'For each technique the repository covers: events the corpus rules for it read and none of the repository rules for it read.',
      header: ['Technique', 'Name', 'Repository rules', 'Corpus rules', 'Missing event', 'Corpus rules reading it'],
      numeric: [2, 3, 5],
      rows: events.flatMap((g) => {
        const rows = g.missing.slice(0, ROWS_PER_GROUP).map((e, i) => (i === 0 ? [g.technique, g.name, String(g.repositoryRules), String(g.corpusRules)] : ['', '', '', '']).concat([describeEventCell(e.event), String(e.corpusRules)]));
        if (g.missing.length > ROWS_PER_GROUP) rows.push(['', '', '', '', `+ ${g.missing.length - ROWS_PER_GROUP} more`, '']);
        return rows;
      }),
      groups: report.eventGaps.length,
      shownGroups: events.length,
    },
    {
      id: 'exclusions',
      title: `Common exclusions the repository lacks (${plural(report.exclusionGaps.length, 'technique and event pair')})`,
      intro: `Exclusions shared by at least ${minRules} corpus rules and ${percent(minShare)} of the corpus rules for the technique on the event (the missing-common-exclusions thresholds) that none of the repository's rules there has.`,
      header: ['Technique', 'Event', 'Repository rules', 'Corpus rules', 'Missing exclusion', 'Shared by'],
      numeric: [2, 3],
      rows: exclusions.flatMap((g) => {
        const rows = g.missing.slice(0, ROWS_PER_GROUP).map((x, i) => (i === 0 ? [g.technique, shortEvent(g.event), String(g.repositoryRules), String(g.corpusRules)] : ['', '', '', '']).concat([describeRow(x), `${x.corpusRules} (${percent(x.share)})`]));
        if (g.missing.length > ROWS_PER_GROUP) rows.push(['', '', '', '', `+ ${g.missing.length - ROWS_PER_GROUP} more`, '']);
        return rows;
      }),
      groups: report.exclusionGaps.length,
      shownGroups: exclusions.length,
    },
    {
      id: 'tags',
      title: `Technique tags that are not active ATT&CK techniques (${report.tagProblems.length})`,
      intro: `Repository rules tagged with revoked, deprecated or unknown techniques (ATT&CK v${report.attackVersion}).`,
      header: ['File', 'Line', 'Rule', 'Tag', 'Status'],
      numeric: [1],
      paths: [0],
      rows: tags.map((p) => [p.file, String(p.line), p.title, p.technique, p.replacement ? `${p.status}: now ${p.replacement.id} ${p.replacement.name}` : p.status]),
      groups: report.tagProblems.length,
      shownGroups: tags.length,
    },
    {
      id: 'unread',
      title: `Files that gave no rule (${report.repository.unread.length})`,
      intro: 'Left out of the comparison: they did not parse, or are not rules.',
      header: ['File', 'Line', 'Problem'],
      numeric: [1],
      paths: [0],
      rows: unread.map((u) => [u.file, `${u.line}:${u.column}`, u.message.split('\n')[0] ?? '']),
      groups: report.repository.unread.length,
      shownGroups: unread.length,
    },
  ];
}

function describeEventCell(key: string): string {
  const e = catalogEvent(key);
  return e?.title ? `${e.provider} ${e.label} (${e.title})` : shortEvent(key);
}

/** The report's opening lines: what was compared with what. */
export function gapSummary(report: GapReport): string[] {
  const r = report.repository;
  const vendors = Object.entries(r.byVendor).map(([v, n]) => `${v} ${n}`).join(', ');
  const lines = [
    `Repository: ${plural(r.rules, 'rule')}${vendors ? ` (${vendors})` : ''} from ${plural(r.files, 'file')}, ${plural(r.techniques, 'technique')}${r.rulesWithoutTechnique > 0 ? `, ${r.rulesWithoutTechnique} without a technique tag` : ''}${r.unread.length > 0 ? `; ${plural(r.unread.length, 'file')} gave no rule` : ''}.`,
    `Corpus: ${plural(report.corpus.rules, 'rule')} from ${report.corpus.roots.join(', ')}, ${plural(report.corpus.techniques, 'technique')}${report.corpus.leftOut > 0 ? ` (${report.corpus.leftOut} entries left out: they are the repository's own rules)` : ''}; ATT&CK v${report.attackVersion}.`,
  ];
  const counts = { missing: 0, partial: 0, covered: 0 };
  for (const c of report.coverage) if (c.state in counts) counts[c.state as keyof typeof counts]++;
  lines.push(`Techniques: ${counts.covered} covered like the corpus, ${counts.partial} partly (missing events or common exclusions), ${counts.missing} missing.`);
  return lines;
}
