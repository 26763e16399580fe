import { defineCheck, type Check } from '../../engine/check.js';
import type { Located } from '../../parse/sigma/document-types.js';
import { sigmaDocOf } from './pysigma-doc.js';

/** A tag split as pySigma's SigmaRuleTag does: at the first dot. */
export interface SplitTag {
  namespace: string;
  /** Empty when the tag has no dot. */
  name: string;
}

export function splitTag(tag: string): SplitTag {
  const dot = tag.indexOf('.');
  return dot < 0 ? { namespace: tag, name: '' } : { namespace: tag.slice(0, dot), name: tag.slice(dot + 1) };
}

export interface TagCheckSpec {
  id: string;
  description: string;
  docs: string;
  recommended?: boolean;
  /** Only tags of this namespace are looked at; all tags when undefined. */
  namespace?: string;
  /** The problem with one tag, or undefined when it is fine. */
  problem(tag: SplitTag, written: Located<string>): string | undefined;
}

/** A check that looks at each tag of a Sigma rule on its own, as pySigma's SigmaTagValidator does. */
export function tagCheck(spec: TagCheckSpec): Check {
  return defineCheck({
    meta: {
      id: spec.id,
      description: spec.description,
      defaultSeverity: 'warn',
      recommended: spec.recommended ?? false,
      vendors: ['sigma'],
      docs: spec.docs,
    },
    check(rule, context) {
      const doc = sigmaDocOf(rule);
      if (!doc) return;
      for (const tag of doc.tags) {
        const split = splitTag(tag.value);
        if (spec.namespace !== undefined && split.namespace !== spec.namespace) continue;
        const message = spec.problem(split, tag);
        if (message) context.report({ message, loc: tag.loc });
      }
    },
  });
}
