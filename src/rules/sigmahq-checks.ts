import type { Check } from '../engine/check.js';
import sigmahqLogsourceUnknown from './sigmahq-logsource-unknown.js';
import sigmahqLogsourceIncoherent from './sigmahq-logsource-incoherent.js';
import sigmahqFieldUnknown from './sigmahq-field-unknown.js';
import sigmahqFieldCase from './sigmahq-field-case.js';
import sigmahqFieldSpace from './sigmahq-field-space.js';
import sigmahqFieldRedundant from './sigmahq-field-redundant.js';
import sigmahqProviderNameCategory from './sigmahq-provider-name-category.js';
import sigmahqDuplicateValue from './sigmahq-duplicate-value.js';
import sigmahqAllSingleValue from './sigmahq-all-single-value.js';
import sigmahqSingleValueList from './sigmahq-single-value-list.js';
import sigmahqHashFormat from './sigmahq-hash-format.js';
import sigmahqRegexUnsupported from './sigmahq-regex-unsupported.js';
import sigmahqRegexEscape from './sigmahq-regex-escape.js';
import sigmahqSysmonMissingEventid from './sigmahq-sysmon-missing-eventid.js';
import sigmahqEventidProcessCreation from './sigmahq-eventid-process-creation.js';
import sigmahqSourceEventlog from './sigmahq-source-eventlog.js';
import sigmahqUserLocalized from './sigmahq-user-localized.js';
import sigmahqSelectionName from './sigmahq-selection-name.js';
import sigmahqOfMissingAsterisk from './sigmahq-of-missing-asterisk.js';
import sigmahqOfSelectionSingle from './sigmahq-of-selection-single.js';
import sigmahqMetadataMissing from './sigmahq-metadata-missing.js';
import sigmahqDateOrder from './sigmahq-date-order.js';
import sigmahqDescriptionShort from './sigmahq-description-short.js';
import sigmahqDescriptionLink from './sigmahq-description-link.js';
import sigmahqMitreLink from './sigmahq-mitre-link.js';
import sigmahqGithubLink from './sigmahq-github-link.js';
import sigmahqTrademark from './sigmahq-trademark.js';
import sigmahqTitleFormat from './sigmahq-title-format.js';
import sigmahqTitleFirst from './sigmahq-title-first.js';
import sigmahqFalsepositiveWording from './sigmahq-falsepositive-wording.js';
import sigmahqTacticMissing from './sigmahq-tactic-missing.js';
import sigmahqDetectionTag from './sigmahq-detection-tag.js';
import sigmahqTlp from './sigmahq-tlp.js';
import sigmahqStatusRetired from './sigmahq-status-retired.js';
import sigmahqLicenseType from './sigmahq-license-type.js';
import sigmahqFieldsDeprecated from './sigmahq-fields-deprecated.js';
import sigmahqUnknownAttribute from './sigmahq-unknown-attribute.js';
import sigmahqIdUuid4 from './sigmahq-id-uuid4.js';
import sigmahqFilenameConvention from './sigmahq-filename-convention.js';
import sigmahqFilenamePrefix from './sigmahq-filename-prefix.js';

/** SigmaHQ's CI checks (validator plugin, tests/test_rules.py, tests/test_logsource.py), in registry order. */
export const SIGMAHQ_CHECKS: readonly Check[] = [
  sigmahqLogsourceUnknown,
  sigmahqLogsourceIncoherent,
  sigmahqFieldUnknown,
  sigmahqFieldCase,
  sigmahqFieldSpace,
  sigmahqFieldRedundant,
  sigmahqProviderNameCategory,
  sigmahqDuplicateValue,
  sigmahqAllSingleValue,
  sigmahqSingleValueList,
  sigmahqHashFormat,
  sigmahqRegexUnsupported,
  sigmahqRegexEscape,
  sigmahqSysmonMissingEventid,
  sigmahqEventidProcessCreation,
  sigmahqSourceEventlog,
  sigmahqUserLocalized,
  sigmahqSelectionName,
  sigmahqOfMissingAsterisk,
  sigmahqOfSelectionSingle,
  sigmahqMetadataMissing,
  sigmahqDateOrder,
  sigmahqDescriptionShort,
  sigmahqDescriptionLink,
  sigmahqMitreLink,
  sigmahqGithubLink,
  sigmahqTrademark,
  sigmahqTitleFormat,
  sigmahqTitleFirst,
  sigmahqFalsepositiveWording,
  sigmahqTacticMissing,
  sigmahqDetectionTag,
  sigmahqTlp,
  sigmahqStatusRetired,
  sigmahqLicenseType,
  sigmahqFieldsDeprecated,
  sigmahqUnknownAttribute,
  sigmahqIdUuid4,
  sigmahqFilenameConvention,
  sigmahqFilenamePrefix,
] as readonly Check[];
