import type { SourceText } from '../../model/location.js';
import type { ParsedFile } from '../../model/rule.js';
import type { VendorParser } from '../index.js';

// Interim: the Elastic model builder lands with its issue; until then Elastic files are reported, not crashed on.
export const elasticParser: VendorParser = {
  vendor: 'elastic',
  parse(file: string, source: SourceText): ParsedFile {
    return {
      file,
      vendor: 'elastic',
      source,
      rules: [],
      problems: [{ checkId: 'parse-error', message: 'Elastic rules are not supported yet', loc: { line: 1, column: 1, endLine: 1, endColumn: 1 }, severity: 'error', fatal: true }],
    };
  },
};
