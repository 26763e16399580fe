import { canonicalField, type FieldContext } from '../../model/fields.js';

/** `Processes.process_name`, `All_Traffic.dest`: CIM dataset names are capitalised. */
const DATASET_PREFIX = /^[A-Z][A-Za-z0-9_]*\./;

/** The dataset prefix of a CIM field name (`Processes` of `Processes.process_name`), or undefined. */
export function datasetPrefixOf(name: string): string | undefined {
  const m = DATASET_PREFIX.exec(name);
  return m ? m[0].slice(0, -1) : undefined;
}

/**
 * The canonical field for a field as an SPL search writes it. Inside a
 * datamodel search (the tstats `where` clause) and for dataset-qualified
 * names, the name is CIM's, with or without the dataset prefix; elsewhere it
 * is a raw event field, which the table resolves through its Splunk raw, CIM
 * and Sigma (Sysmon/Windows EventData) names.
 */
export function splunkCanonicalField(name: string, inDatamodel: boolean, ctx: FieldContext): string {
  if (inDatamodel || DATASET_PREFIX.test(name)) return canonicalField('cim', name, ctx);
  return canonicalField('splunk_raw', name, ctx);
}
