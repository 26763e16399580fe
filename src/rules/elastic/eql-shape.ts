import type { Location } from '../../model/location.js';
import type { ElasticRuleDocument } from '../../parse/elastic/document.js';
import type { EqlQuery } from '../../parse/elastic/eql/index.js';
import { elasticLanguage } from '../../parse/elastic/language.js';
import { eqlTree } from '../../parse/elastic/query-trees.js';

/** What the timing checks need of an EQL query. */
export interface EqlShape {
  kind: EqlQuery['kind'];
  /** `with maxspan=…` of a sequence: its length and where it is written. */
  maxspan?: { ms: number; written: string; loc: Location };
}

const shapes = new WeakMap<ElasticRuleDocument, EqlShape | null>();

/**
 * The shape of the rule's EQL query, or undefined when the rule has no EQL
 * query or it does not parse. Read from the tree the model builder parsed
 * (src/parse/elastic/query-trees.ts), so this module loads no parser.
 */
export function eqlShape(doc: ElasticRuleDocument): EqlShape | undefined {
  const cached = shapes.get(doc);
  if (cached !== undefined) return cached ?? undefined;
  const shape = readShape(doc);
  shapes.set(doc, shape ?? null);
  return shape;
}

function readShape(doc: ElasticRuleDocument): EqlShape | undefined {
  const q = doc.rule.query;
  const ast = eqlTree(doc);
  if (!q || !ast) return undefined;
  const shape: EqlShape = { kind: ast.kind };
  if (ast.kind === 'sequence' && ast.maxspan && ast.maxspan.milliseconds !== null) {
    const s = ast.maxspan;
    shape.maxspan = { ms: s.milliseconds as number, written: `${s.value}${s.unit}`, loc: q.embedded.locate(s.span) };
  }
  return shape;
}

/** Whether the query starts with `sequence`: the cheap answer when only that is asked (no parse). */
export function isEqlSequence(doc: ElasticRuleDocument): boolean {
  const text = doc.rule.query?.embedded.text;
  if (text === undefined || elasticLanguage(doc) !== 'eql') return false;
  return /^\s*sequence\b/i.test(stripLeadingComments(text));
}

/** EQL comments (`//`, `/* … *\/`) before the first keyword. */
function stripLeadingComments(text: string): string {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
    if (text.startsWith('//', i)) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl + 1;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else {
      return text.slice(i);
    }
  }
}
