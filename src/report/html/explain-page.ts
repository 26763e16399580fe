import { packageVersion } from '../../engine/paths.js';
import type { CorpusIndex } from '../../index/corpus-index.js';
import type { CatalogPage } from '../catalog/page.js';
import { STANDALONE_LINKS } from './links.js';
import { techniquePageHtml } from './technique-page.js';

/** `lint-rule explain <technique> --format html`: one standalone page, linking to ATT&CK for other techniques. */
export function explainHtml(page: CatalogPage, index: CorpusIndex | undefined, top: number): string {
  // By ref: the page of a revoked id lists the rules of its replacement.
  const rules = Object.values(page.rulesByVendor).flatMap((list) => list.map((r) => index?.rule(r.ref))).filter((r) => r !== undefined);
  return techniquePageHtml({ page, rules, top, links: STANDALONE_LINKS, generator: `lint-rule ${packageVersion()}` });
}
