import type { Location } from '../../model/location.js';
import type { ElasticRuleDocument } from '../../parse/elastic/document.js';
import { keyPlaceOf } from './elastic-doc.js';

/** Where a missing tag is reported: the `tags` key, else the `[rule]` header. */
export function tagsPlace(doc: ElasticRuleDocument): Location {
  return keyPlaceOf(doc, ['rule', 'tags']);
}

export function hasTag(doc: ElasticRuleDocument, tag: string): boolean {
  return (doc.rule.tags ?? []).some((t) => t.value === tag);
}
