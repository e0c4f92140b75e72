import { Rule } from "../rule";
import { manifestDuplicateIds } from "./duplicate-ids";
import { manifestFormatVersion } from "./format-version";
import { manifestKnownTypes } from "./known-types";
import { manifestReferences } from "./references";
import { manifestRequiredProps } from "./required-props";
import { manifestIdentifiers } from "./identifiers";
import { sameAccountReferences } from "./same-account-refs";
import { manifestUnknownProps } from "./unknown-props";

export { documentShapeProblems, fatalShapeProblems } from "./format-version";

/** Structural checks of a manifest, for documents written by hand or by other tools. */
export const MANIFEST_RULES: readonly Rule[] = [
  manifestFormatVersion,
  manifestKnownTypes,
  manifestRequiredProps,
  manifestReferences,
  manifestDuplicateIds,
  manifestUnknownProps,
  sameAccountReferences,
  manifestIdentifiers,
];
