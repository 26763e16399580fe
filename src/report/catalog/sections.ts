import type { FieldRow, ValueRow } from '../../index/corpus-index.js';
import type { CatalogPage } from './page.js';

/**
 * The page's sections as header + rows of strings, shared by the text and
 * Markdown renderers so both show the same columns.
 */
export interface Section {
  title: string;
  intro: string;
  header: string[];
  rows: string[][];
  total: number;
}

function how(f: FieldRow): string {
  return Object.entries(f.operators)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([op, n]) => `${op} ${n}`)
    .join(', ');
}

function valueCell(r: ValueRow): string {
  return r.operator === 'is_null' || r.operator === 'is_not_null' ? '' : r.value;
}

export function sections(page: CatalogPage, top: number): Section[] {
  return [
    {
      title: 'Events covered',
      intro: `${page.events.length} catalog event${page.events.length === 1 ? ' is' : 's are'} read by at least one rule tagged with this technique.`,
      header: ['Provider', 'Event', 'Title', 'Rules'],
      rows: page.events.map((e) => [e.provider, e.label, e.title ?? '', String(e.rules)]),
      total: page.events.length,
    },
    {
      title: `Fields filtered most (${page.fields.length} distinct)`,
      intro: 'The fields most rules look at for this technique, with the operators they use (each rule counted once per row).',
      header: ['Field', 'Rules', 'How', 'Sample values'],
      rows: page.fields.slice(0, top).map((f) => [f.field, String(f.rules), how(f), f.samples.slice(0, 3).join(', ')]),
      total: page.fields.length,
    },
    {
      title: `Top indicator values (${page.indicators.length} distinct)`,
      intro: 'Specific (field, operator, value) combinations the rules check, by rules under this technique. Corpus reach counts rules across the whole corpus with the same combination; high numbers are noisy on their own, blank means specific to this technique.',
      header: ['Field', 'Operator', 'Value', 'Rules', 'Corpus reach'],
      rows: page.indicators.slice(0, top).map((r) => [r.field, r.operator, valueCell(r), String(r.rules), r.reach !== undefined && r.reach > r.rules ? String(r.reach) : '']),
      total: page.indicators.length,
    },
    {
      title: `Exclusions (${page.exclusions.length} distinct)`,
      intro: 'Combinations excluded by rules under this technique (top-level NOT), by how many rules exclude each: the false-positive paths the community filters out.',
      header: ['Field', 'Operator', 'Value', 'Rules'],
      rows: page.exclusions.slice(0, top).map((r) => [r.field, r.operator, valueCell(r), String(r.rules)]),
      total: page.exclusions.length,
    },
  ];
}
