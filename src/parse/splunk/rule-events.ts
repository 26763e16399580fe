import { splunkDataSourceEvents, splunkDatasetEvents, splunkMacroEvents } from '../../model/events.js';
import type { EventRef } from '../../model/rule.js';
import type { Located } from './document.js';
import type { MacroCall } from './macro-expand.js';

export interface SplunkEventInputs {
  dataSources: readonly Located<string>[];
  /** Macro calls written in the search (source macros such as `sysmon`, `wineventlog_security`). */
  macroCalls: readonly MacroCall[];
  /** EventCode values the search selects (not excluded, not negated). */
  eventCodes: readonly (number | string)[];
  /** `Model.Dataset` of a tstats search. */
  datamodel?: string;
}

/**
 * The catalog events a detection reads. The declared data sources and the
 * source macro with its EventCodes are precise; the datamodel dataset is the
 * fallback when neither names an event (a Linux Endpoint.Processes detection
 * declares "Sysmon for Linux EventID 1", which the dataset would widen to
 * Windows process events).
 */
export function splunkRuleEvents(inputs: SplunkEventInputs): EventRef[] {
  const out = new Map<string, string>();
  const add = (keys: readonly string[], via: string): void => {
    for (const k of keys) if (!out.has(k)) out.set(k, via);
  };
  for (const ds of inputs.dataSources) add(splunkDataSourceEvents(ds.value), `data_source ${ds.value}`);
  const codes = inputs.eventCodes.length > 0 ? ` EventCode=${inputs.eventCodes.join(',')}` : '';
  for (const call of inputs.macroCalls) {
    if (call.args.length > 0) continue;
    add(splunkMacroEvents(call.name, inputs.eventCodes), `macro \`${call.name}\`${codes}`);
  }
  if (out.size === 0 && inputs.datamodel) add(splunkDatasetEvents(inputs.datamodel), `datamodel ${inputs.datamodel}`);
  return [...out].map(([key, via]) => ({ key, via }));
}
