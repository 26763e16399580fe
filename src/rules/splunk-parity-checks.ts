import type { Check } from '../engine/check.js';
import splunkSchema from './splunk-schema.js';
import splunkTypeInvalid from './splunk-type-invalid.js';
import splunkStatusInvalid from './splunk-status-invalid.js';
import splunkIdInvalid from './splunk-id-invalid.js';
import splunkDateInvalid from './splunk-date-invalid.js';
import splunkVersionInvalid from './splunk-version-invalid.js';
import splunkNameLength from './splunk-name-length.js';
import splunkFilenameMismatch from './splunk-filename-mismatch.js';
import splunkFilterMacro from './splunk-filter-macro.js';
import splunkFilterMacroPosition from './splunk-filter-macro-position.js';
import splunkHowToImplement from './splunk-how-to-implement.js';
import splunkKnownFalsePositives from './splunk-known-false-positives.js';
import splunkAnalyticStory from './splunk-analytic-story.js';
import splunkAssetType from './splunk-asset-type.js';
import splunkProduct from './splunk-product.js';
import splunkSecurityDomain from './splunk-security-domain.js';
import splunkObservable from './splunk-observable.js';
import splunkRiskScore from './splunk-risk-score.js';
import splunkRiskScoreMismatch from './splunk-risk-score-mismatch.js';
import splunkMitreAttackId from './splunk-mitre-attack-id.js';
import splunkMitreParentAndSub from './splunk-mitre-parent-and-sub.js';
import splunkDrilldown from './splunk-drilldown.js';
import splunkDrilldownField from './splunk-drilldown-field.js';
import splunkRbaFields from './splunk-rba-fields.js';
import splunkTestsMissing from './splunk-tests-missing.js';
import splunkEnabledByDefault from './splunk-enabled-by-default.js';
import splunkDuplicate from './splunk-duplicate.js';
import splunkDataSourceUnknown from './splunk-data-source-unknown.js';
import splunkThrottlingFields from './splunk-throttling-fields.js';

/** The checks of contentctl's validation (issue 6), in the order `lint-rule rules` lists them. */
export const SPLUNK_PARITY_CHECKS: readonly Check[] = [
  splunkSchema,
  splunkTypeInvalid,
  splunkStatusInvalid,
  splunkIdInvalid,
  splunkDateInvalid,
  splunkVersionInvalid,
  splunkNameLength,
  splunkFilenameMismatch,
  splunkFilterMacro,
  splunkFilterMacroPosition,
  splunkHowToImplement,
  splunkKnownFalsePositives,
  splunkAnalyticStory,
  splunkAssetType,
  splunkProduct,
  splunkSecurityDomain,
  splunkObservable,
  splunkRiskScore,
  splunkRiskScoreMismatch,
  splunkMitreAttackId,
  splunkMitreParentAndSub,
  splunkDrilldown,
  splunkDrilldownField,
  splunkRbaFields,
  splunkTestsMissing,
  splunkEnabledByDefault,
  splunkDuplicate,
  splunkDataSourceUnknown,
  splunkThrottlingFields,
] as readonly Check[];
