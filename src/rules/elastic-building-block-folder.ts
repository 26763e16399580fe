import { defineCheck } from '../engine/check.js';
import { elasticDocOf, FILE_START, fileParts, keyPlaceOf, ruleTable } from './elastic/elastic-doc.js';

const BBR_FOLDER = 'rules_building_block';

export default defineCheck({
  meta: {
    id: 'elastic-building-block-folder',
    description: 'A building block rule outside rules_building_block, or another rule inside it.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['elastic'],
    docs: `detection-rules keeps building block rules (\`building_block_type = "default"\`) in \`rules_building_block/\` and every other rule out of it; its CI (\`test_bbr_in_correct_dir\`, \`test_non_bbr_in_correct_dir\`) fails otherwise. The folder decides how the rule is packaged and which timing rules apply (\`elastic-building-block-timing\`).

The folder is the one the file sits in directly.

**Fix:** move the file, or add (or remove) \`building_block_type\`.`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    if (!doc) return;
    const bbr = ruleTable(doc).building_block_type !== undefined;
    const inFolder = fileParts(rule).folder === BBR_FOLDER;
    if (bbr && !inFolder) {
      context.report({ message: `a building block rule belongs in ${BBR_FOLDER}/`, loc: keyPlaceOf(doc, ['rule', 'building_block_type']) });
    } else if (!bbr && inFolder) {
      context.report({ message: `a rule in ${BBR_FOLDER}/ needs building_block_type = "default" (or belongs in rules/)`, loc: doc.locateKey(['rule']) ?? FILE_START });
    }
  },
});
