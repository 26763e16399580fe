import { defineCheck } from '../engine/check.js';

export default defineCheck({
  meta: {
    id: 'splunk-macro-unknown',
    description: 'A backtick macro of a Splunk detection has no definition in the macro folder.',
    defaultSeverity: 'warn',
    recommended: true,
    vendors: ['splunk'],
    reportedByParser: true,
    docs: `lint-rule expands the \`\` \`macro\` \`\` calls of a detection's search from security_content's \`macros/\` folder (the one beside the \`detections/\` folder the file is under, or \`settings: splunk: macros:\` in the config). A macro with no definition there (name and argument count, \`name(2)\` for two arguments) is left as written: the predicates it stands for are unknown, so field, exclusion and noise checks see less of the search. \`*_filter\` macros need no definition: security_content generates them as \`search *\`.

Add the macro's \`<name>.yml\` to the macro folder, fix the name or the argument count, or point \`settings.splunk.macros\` at the folder that defines it. A configured folder that does not exist is reported once per detection that calls a macro.`,
  },
});
