import { ManifestIndex } from "../core/manifest-index";
import { CloudProfile } from "../core/profiles";
import { Manifest } from "../core/manifest";
import { Source } from "../core/provenance";

import type { Severity } from "../core/findings";

export type { Finding, Severity } from "../core/findings";

/** What a rule's check reports for one non-compliant resource. */
export interface RuleViolation {
  /** Logical ID of the resource at fault (its construct path in messages). */
  readonly resource: string;
  /** The input property at fault, for a provider's `check` (`{ property, reason }`). */
  readonly property?: string;
  /** Says the value received, what is allowed and how to fix it. */
  readonly message: string;
}

/** What a check sees: the manifest, its index and the app's cloud profile. */
export interface RuleContext {
  readonly manifest: Manifest;
  readonly index: ManifestIndex;
  readonly profile: CloudProfile;
}

/**
 * One documented constraint. Metadata lives with the check so the catalog
 * (docs/rules.md) is generated from the rule files, never kept by hand.
 */
export interface Rule {
  /** Stable ID, e.g. `HL-PEER-001`. */
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  /**
   * Where the constraint comes from, exactly one kind: a seed (verbatim quote),
   * the cloud's public API reference, or the project's own assumption.
   */
  readonly source: Source;
  /** Why the constraint exists. */
  readonly rationale: string;
  /** How to make the resource compliant. */
  readonly fix: string;
  /** Every violation in the manifest; an empty result means compliant or not applicable. */
  check(context: RuleContext): Iterable<RuleViolation>;
}

