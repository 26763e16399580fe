import { readFileSync } from 'node:fs';

const cache = new Map<string, Map<string, string>>();

/**
 * Technique descriptions from a STIX bundle, for the catalog page. They are
 * not in the compiled ATT&CK table (which every lint run loads and keeps
 * small); reading them means parsing the bundle, so only `explain` and `site`
 * ask, once per bundle. Citations (`(Citation: …)`) are dropped and only the
 * first paragraph is kept. An unreadable bundle gives no descriptions.
 */
export function techniqueDescriptions(bundle: string): ReadonlyMap<string, string> {
  let map = cache.get(bundle);
  if (!map) {
    map = new Map();
    try {
      const data = JSON.parse(readFileSync(bundle, 'utf8')) as { objects?: unknown[] };
      for (const o of data.objects ?? []) {
        const obj = o as { type?: string; description?: string; revoked?: boolean; external_references?: { source_name?: string; external_id?: string }[] };
        if (obj.type !== 'attack-pattern' || typeof obj.description !== 'string') continue;
        const id = obj.external_references?.find((r) => r.source_name === 'mitre-attack')?.external_id;
        if (id) map.set(id.toUpperCase(), firstParagraph(obj.description));
      }
    } catch {
      // No descriptions: the page shows the rest.
    }
    cache.set(bundle, map);
  }
  return map;
}

function firstParagraph(text: string): string {
  return (text.split(/\n\s*\n/)[0] ?? '')
    .replace(/\(Citation:[^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\(https?:[^)]+\)/g, '$1')
    .replace(/<\/?code>/g, '`')
    .replace(/\s+/g, ' ')
    .trim();
}
