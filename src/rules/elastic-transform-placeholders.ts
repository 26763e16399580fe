import { defineCheck } from '../engine/check.js';
import type { Location } from '../model/location.js';
import { elasticDocOf, FILE_START, isTable } from './elastic/elastic-doc.js';

/** Python string.Template's placeholders: `$$`, `$name`, `${name}` (ASCII, any case). */
const PLACEHOLDER = /\$(?:(\$)|([_a-z][_a-z0-9]*)|\{([_a-z][_a-z0-9]*)\})/gi;
const EXPLICIT_PLUGIN = /!\{(osquery|investigate)/i;

/** The distinct `$name` placeholders of a note, in order, with the offset of the first of each. */
function placeholders(note: string): { name: string; at: number }[] {
  const out: { name: string; at: number }[] = [];
  const seen = new Set<string>();
  for (const m of note.matchAll(PLACEHOLDER)) {
    const name = m[2] ?? m[3];
    if (name === undefined || seen.has(name)) continue;
    seen.add(name);
    out.push({ name, at: m.index });
  }
  return out;
}

export default defineCheck({
  meta: {
    id: 'elastic-transform-placeholders',
    description: 'An Elastic rule whose note placeholders ($osquery_0, $investigate_1) do not match its [transform] entries.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['elastic'],
    docs: `Investigation guides can embed Osquery and Investigate buttons. detection-rules keeps their definitions in \`[[transform.osquery]]\` and \`[[transform.investigate]]\` and writes \`$osquery_0\`, \`$investigate_1\` … in the note where each goes; at build time each placeholder is replaced by the plugin markup of the entry with that number. Its CI (\`test_plugin_placeholders_match_entries\`, \`test_if_plugins_explicitly_defined\`) fails when:

- a rule has \`[transform]\` and no \`note\`;
- the note has \`$plugin_N\` placeholders (any \`$name_with_underscore\`) and the rule has no \`[transform]\`;
- the number of placeholders of a plugin differs from its number of entries (a button that is never shown, or a placeholder left as text);
- the note writes the plugin markup itself (\`!{osquery…}\`, \`!{investigate…}\`) instead of using a transform.

Placeholders count once each, as Python's \`string.Template\` lists them; \`$$\` is a literal dollar sign.

**Fix:** add or remove entries or placeholders so that each plugin has as many of one as of the other.`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    if (!doc) return;
    const transform = doc.data.transform;
    const note = doc.rule.note;
    const transformLoc = doc.locateKey(['transform']) ?? FILE_START;
    if (transform !== undefined && !note) {
      context.report({ message: 'the rule has a [transform] but no note to place its plugins in', loc: transformLoc });
      return;
    }
    if (!note) return;
    const locate = (start: number, length: number): Location => doc.embedded(['rule', 'note'])?.locate({ start, end: start + length }) ?? note.loc;
    const explicit = EXPLICIT_PLUGIN.exec(note.value);
    if (explicit) context.report({ message: `the note writes ${explicit[0]}… itself; define the plugin in [[transform.${explicit[1]?.toLowerCase()}]] and place it with a placeholder`, loc: locate(explicit.index, explicit[0].length) });
    const ids = placeholders(note.value).filter((p) => p.name.includes('_'));
    if (transform === undefined) {
      const first = ids[0];
      if (first) context.report({ message: `the note has the placeholder $${first.name} but the rule has no [transform]`, loc: locate(first.at, first.name.length + 1) });
      return;
    }
    if (!isTable(transform)) return;
    const entries = new Map<string, number>();
    for (const [plugin, list] of Object.entries(transform)) entries.set(plugin, Array.isArray(list) ? list.length : 0);
    const counts = new Map<string, number>();
    for (const p of ids) {
      const cut = p.name.lastIndexOf('_');
      if (!/^\d+$/.test(p.name.slice(cut + 1))) continue;
      const plugin = p.name.split('_')[0] as string;
      if (entries.has(plugin)) counts.set(plugin, (counts.get(plugin) ?? 0) + 1);
    }
    for (const [plugin, n] of entries) {
      const used = counts.get(plugin) ?? 0;
      if (used === n) continue;
      context.report({
        message: `[[transform.${plugin}]] has ${n} entr${n === 1 ? 'y' : 'ies'} but the note has ${used} $${plugin}_N placeholder${used === 1 ? '' : 's'}`,
        loc: doc.locateKey(['transform', plugin]) ?? transformLoc,
      });
    }
  },
});
