import type { Check } from '../engine/check.js';
import elasticSchema from './elastic-schema.js';
import elasticDateInvalid from './elastic-date-invalid.js';
import elasticDateOrder from './elastic-date-order.js';
import elasticMaturityInvalid from './elastic-maturity-invalid.js';
import elasticSeverityInvalid from './elastic-severity-invalid.js';
import elasticRiskScoreSeverity from './elastic-risk-score-severity.js';
import elasticRuleIdInvalid from './elastic-rule-id-invalid.js';
import elasticNameInvalid from './elastic-name-invalid.js';
import elasticScheduleFormat from './elastic-schedule-format.js';
import elasticTimestampOverride from './elastic-timestamp-override.js';
import elasticEndpointLookback from './elastic-endpoint-lookback.js';
import elasticEqlMaxspan from './elastic-eql-maxspan.js';
import elasticBuildingBlockTiming from './elastic-building-block-timing.js';
import elasticEsqlMetadata from './elastic-esql-metadata.js';
import elasticEsqlKeep from './elastic-esql-keep.js';
import elasticThresholdFields from './elastic-threshold-fields.js';
import elasticThreatFramework from './elastic-threat-framework.js';
import elasticThreatReference from './elastic-threat-reference.js';
import elasticThreatTacticDuplicate from './elastic-threat-tactic-duplicate.js';
import elasticThreatTacticName from './elastic-threat-tactic-name.js';
import elasticTagPrefix from './elastic-tag-prefix.js';
import elasticTagDuplicate from './elastic-tag-duplicate.js';
import elasticTagCase from './elastic-tag-case.js';
import elasticTagTactic from './elastic-tag-tactic.js';
import elasticTagOs from './elastic-tag-os.js';
import elasticTagRequired from './elastic-tag-required.js';
import elasticTagInvestigationGuide from './elastic-tag-investigation-guide.js';
import elasticFilename from './elastic-filename.js';
import elasticFilenameTactic from './elastic-filename-tactic.js';
import elasticFilenameDuplicate from './elastic-filename-duplicate.js';
import elasticRuleIdDuplicate from './elastic-rule-id-duplicate.js';
import elasticBuildingBlockFolder from './elastic-building-block-folder.js';
import elasticDeprecatedRule from './elastic-deprecated-rule.js';
import elasticNoteTriage from './elastic-note-triage.js';
import elasticNoteTitle from './elastic-note-title.js';
import elasticNoteSetup from './elastic-note-setup.js';
import elasticTransformPlaceholders from './elastic-transform-placeholders.js';
import elasticMaxSignals from './elastic-max-signals.js';
import elasticIndexMissing from './elastic-index-missing.js';
import elasticTimelineTemplate from './elastic-timeline-template.js';
import elasticLicense from './elastic-license.js';
import elasticMinStackComments from './elastic-min-stack-comments.js';

/** The checks of detection-rules' validation (issue 6), in the order of docs/parity.md. */
export const ELASTIC_PARITY_CHECKS: readonly Check[] = [
  elasticSchema,
  elasticDateInvalid,
  elasticDateOrder,
  elasticMaturityInvalid,
  elasticSeverityInvalid,
  elasticRiskScoreSeverity,
  elasticRuleIdInvalid,
  elasticNameInvalid,
  elasticScheduleFormat,
  elasticTimestampOverride,
  elasticEndpointLookback,
  elasticEqlMaxspan,
  elasticBuildingBlockTiming,
  elasticEsqlMetadata,
  elasticEsqlKeep,
  elasticThresholdFields,
  elasticThreatFramework,
  elasticThreatReference,
  elasticThreatTacticDuplicate,
  elasticThreatTacticName,
  elasticTagPrefix,
  elasticTagDuplicate,
  elasticTagCase,
  elasticTagTactic,
  elasticTagOs,
  elasticTagRequired,
  elasticTagInvestigationGuide,
  elasticFilename,
  elasticFilenameTactic,
  elasticFilenameDuplicate,
  elasticRuleIdDuplicate,
  elasticBuildingBlockFolder,
  elasticDeprecatedRule,
  elasticNoteTriage,
  elasticNoteTitle,
  elasticNoteSetup,
  elasticTransformPlaceholders,
  elasticMaxSignals,
  elasticIndexMissing,
  elasticTimelineTemplate,
  elasticLicense,
  elasticMinStackComments,
] as readonly Check[];
