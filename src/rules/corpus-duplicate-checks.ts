import type { Check } from '../engine/check.js';
import corpusDuplicateId from './corpus-duplicate-id.js';
import corpusDuplicateTitle from './corpus-duplicate-title.js';
import corpusDuplicateFilename from './corpus-duplicate-filename.js';
import duplicateDetection from './duplicate-detection.js';
import nearDuplicate from './near-duplicate.js';

/** Duplicates across files and against the corpus. */
export const DUPLICATE_CHECKS: readonly Check[] = [
  corpusDuplicateId,
  corpusDuplicateTitle,
  corpusDuplicateFilename,
  duplicateDetection,
  nearDuplicate,
] as readonly Check[];
