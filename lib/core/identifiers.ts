/**
 * What an account ID and a display name may be: one definition, used by the
 * constructs (at construction), the rule catalog (hand-written manifests) and
 * anything else that must agree with them.
 */

/**
 * Account IDs are strings of 1 to 20 digits.
 *
 * Source kind: assumption. Tencent Cloud account IDs (UIN) and Alibaba Cloud
 * account IDs (UID) are numeric; neither seed gives a format, so we accept any
 * run of digits up to 20 (covers both clouds' lengths and the short IDs tests
 * use) and refuse the rest, e.g. "not-an-account" or "".
 */
export const ACCOUNT_ID_PATTERN = /^[0-9]{1,20}$/;

/** Why `value` is not an account ID, as "what is allowed" words; undefined when it is one. */
export function accountIdProblem(value: unknown): string | undefined {
  if (typeof value === "string" && ACCOUNT_ID_PATTERN.test(value)) return undefined;
  return 'an account ID: a string of 1 to 20 digits, e.g. "100000000001"';
}

/**
 * Display names: 1 to 128 characters, none of them a control character.
 *
 * Source kind: assumption. The clouds' limits differ by resource (Tencent's
 * CreateVpc takes a VpcName of up to 60 bytes; Alibaba's names take up to
 * 128 characters); we take the larger so the names patterns derive from
 * construct paths fit, and refuse what no cloud takes (empty, a 200,000-
 * character name, a newline).
 */
export const MAX_NAME_LENGTH = 128;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Why `value` is not a display name, as "what is allowed" words; undefined when it is one. */
export function nameProblem(value: unknown): string | undefined {
  if (typeof value === "string" && value.trim() !== "" && value.length <= MAX_NAME_LENGTH && !CONTROL.test(value)) return undefined;
  return `a name of 1 to ${MAX_NAME_LENGTH} characters, not blank, with no control characters (newline, tab…)`;
}
