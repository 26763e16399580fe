import type { Check } from '../engine/check.js';

interface OptionProperty {
  type?: string;
  description?: string;
}

/**
 * The docs page of a check, generated from its metadata so that the page,
 * `lint-rule rules` and the SARIF rule descriptions never disagree.
 * `npm run docs` writes docs/rules/<id>.md; a test keeps them in sync.
 */
export function renderRuleDoc(check: Check): string {
  const m = check.meta;
  const lines = [
    `# ${m.id}`,
    '',
    `> ${m.description}`,
    '',
    `- Default severity: **${m.defaultSeverity}**`,
    `- In the \`recommended\` preset: ${m.recommended ? 'yes' : 'no (on in `strict`)'}`,
    `- Applies to: ${m.vendors ? m.vendors.join(', ') : 'all vendors (works on the common rule model)'}`,
  ];
  if (m.usesCorpus) lines.push('- Uses the corpus index');
  if (m.fixable) lines.push('- Fixable with `--fix`');
  if (m.hasSuggestions) lines.push('- Offers suggestions (JSON output)');
  lines.push('', m.docs.trim());
  const props = (m.schema?.properties ?? {}) as Record<string, OptionProperty>;
  if (Object.keys(props).length > 0) {
    lines.push('', '## Options', '', '| Option | Type | Default | Description |', '|---|---|---|---|');
    for (const [name, p] of Object.entries(props)) {
      const def = m.defaultOptions?.[name];
      lines.push(`| \`${name}\` | ${p.type ?? ''} | ${def === undefined ? '' : `\`${JSON.stringify(def)}\``} | ${p.description ?? ''} |`);
    }
    lines.push('', 'Set options in `lint-rule.config.yml`:', '', '```yaml', 'rules:', `  ${m.id}: [${m.defaultSeverity}, { ${Object.keys(props)[0]}: ${JSON.stringify(m.defaultOptions?.[Object.keys(props)[0] as string] ?? null)} }]`, '```');
  }
  return `${lines.join('\n')}\n`;
}
