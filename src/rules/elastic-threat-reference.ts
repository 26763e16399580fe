import { defineCheck } from '../engine/check.js';
import type { ElasticThreatEntry } from '../parse/elastic/document.js';
import { elasticDocOf } from './elastic/elastic-doc.js';
import { ATLAS, techniqueEntries } from './elastic/threat-blocks.js';

type Level = 'tactic' | 'technique' | 'sub-technique';

/** The page of an id, as detection-rules writes it (with the trailing slash). */
function expectedUrl(id: string, level: Level, atlas: boolean): string | undefined {
  if (atlas) {
    if (level === 'tactic') return /^AML\.TA\d+$/.test(id) ? `https://atlas.mitre.org/tactics/${id}/` : undefined;
    if (level === 'technique') return /^AML\.T\d+$/.test(id) ? `https://atlas.mitre.org/techniques/${id}/` : undefined;
    return /^AML\.T\d+\.\d+$/.test(id) ? `https://atlas.mitre.org/techniques/${id}/` : undefined;
  }
  if (level === 'tactic') return /^TA\d{4}$/.test(id) ? `https://attack.mitre.org/tactics/${id}/` : undefined;
  if (level === 'technique') return /^T\d{4}$/.test(id) ? `https://attack.mitre.org/techniques/${id}/` : undefined;
  const m = /^(T\d{4})\.(\d{3})$/.exec(id);
  return m ? `https://attack.mitre.org/techniques/${m[1]}/${m[2]}/` : undefined;
}

export default defineCheck({
  meta: {
    id: 'elastic-threat-reference',
    description: 'An Elastic threat entry whose reference URL is not the page of its id.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['elastic'],
    docs: `Each tactic, technique and sub-technique entry of a \`[[rule.threat]]\` block carries the URL of its ATT&CK page: \`https://attack.mitre.org/tactics/TA0002/\`, \`https://attack.mitre.org/techniques/T1059/\`, \`https://attack.mitre.org/techniques/T1059/001/\` (ATLAS: \`https://atlas.mitre.org/tactics/AML.TA0002/\`, \`…/techniques/AML.T0051/\`). Kibana links the alert's MITRE fields to it. detection-rules' schema requires that form and its CI (\`test_tactic_to_technique_correlations\`) that the URL ends with the entry's own id; a copied block whose id was changed but not its URL sends analysts to the wrong technique.

The trailing slash is optional (detection-rules adds it). Entries whose id is not of the expected form are left to the ATT&CK checks.

**Fix:** use the URL the message gives.`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    if (!doc) return;
    const visit = (entry: ElasticThreatEntry | undefined, level: Level, atlas: boolean): void => {
      if (!entry?.id || !entry.reference) return;
      const id = entry.id.value.trim();
      const want = expectedUrl(id, level, atlas);
      if (!want) return;
      const written = entry.reference.value.trim();
      if (written === want || `${written}/` === want) return;
      context.report({ message: `reference of ${level} ${id} should be ${want}, not ${written}`, loc: entry.reference.loc });
    };
    for (const block of doc.rule.threat) {
      const atlas = block.framework?.value === ATLAS;
      visit(block.tactic, 'tactic', atlas);
      for (const { entry, sub } of techniqueEntries(block)) visit(entry, sub ? 'sub-technique' : 'technique', atlas);
    }
  },
});
