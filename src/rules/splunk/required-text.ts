import type { Located } from '../../parse/splunk/document.js';

/** contentctl's `min_length` for `how_to_implement` and `known_false_positives`. */
export const MIN_TEXT_LENGTH = 4;

/** Why a required text is too short, or undefined when it is long enough (blank space does not count). */
export function shortTextProblem(key: string, field: Located<string>): string | undefined {
  const text = field.value.trim();
  if (text.length >= MIN_TEXT_LENGTH) return undefined;
  return text === '' ? `${key} is empty` : `${key} '${text}' is too short: contentctl wants at least ${MIN_TEXT_LENGTH} characters`;
}
