import type { SourceText } from '../../model/location.js';
import type { ParsedFile } from '../../model/rule.js';
import type { VendorParser } from '../index.js';

// Interim: the Splunk model builder lands with its issue; until then Splunk files are reported, not crashed on.
export const splunkParser: VendorParser = {
  vendor: 'splunk',
  parse(file: string, source: SourceText): ParsedFile {
    return {
      file,
      vendor: 'splunk',
      source,
      rules: [],
      problems: [{ checkId: 'parse-error', message: 'Splunk rules are not supported yet', loc: { line: 1, column: 1, endLine: 1, endColumn: 1 }, severity: 'error', fatal: true }],
    };
  },
};
