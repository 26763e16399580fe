import type { ConditionNode, ConditionOf } from '../parse/sigma/condition-ast.js';
import type { SigmaCondition, SigmaDocument } from '../parse/sigma/document-types.js';
import type { Location } from '../model/location.js';

/** Every `x of pattern` of a rule's conditions, with the file location of its pattern. */
export function* ofNodes(doc: SigmaDocument): Generator<{ node: ConditionOf; loc: Location }> {
  for (const cond of doc.detection?.condition ?? []) {
    if (cond.ast) yield* walk(cond.ast, cond, doc);
  }
}

function* walk(n: ConditionNode, cond: SigmaCondition, doc: SigmaDocument): Generator<{ node: ConditionOf; loc: Location }> {
  switch (n.kind) {
    case 'and':
    case 'or':
      for (const i of n.items) yield* walk(i, cond, doc);
      return;
    case 'not':
      yield* walk(n.item, cond, doc);
      return;
    case 'aggregation':
      yield* walk(n.search, cond, doc);
      return;
    case 'of':
      yield { node: n, loc: doc.source.location(cond.embedded.fileSpan(n.patternSpan)) };
      return;
    case 'ref':
      return;
  }
}
