import { HybridlinkError } from "./errors";
import { Manifest } from "./manifest";

/**
 * What synth needs from the rule catalog, defined here so the bottom layer
 * does not import the rules: lib/rules implements `ManifestValidator` and
 * registers it when it loads (the public entry `hybridlink` loads it), the
 * way a CDK app takes its policy-validation plugins from above.
 */

export type Severity = "error" | "warning";

/** A violation as reported: rule metadata, where, and whether it was acknowledged. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly path: string;
  readonly resource?: string;
  readonly property?: string;
  readonly message: string;
  /** Set when a warning was acknowledged on this path or an ancestor. */
  readonly acknowledged?: { readonly path: string; readonly reason: string };
}

/** The outcome of running the rules over one manifest. */
export interface ValidationReport {
  /** Every finding, in a stable order (path, then rule ID). */
  readonly findings: readonly Finding[];
  /** Error-level findings: any one of these fails synth. */
  readonly errors: readonly Finding[];
  /** Warnings nobody acknowledged. */
  readonly warnings: readonly Finding[];
  /** Warnings acknowledged on a scope, with the reason echoed. */
  readonly acknowledged: readonly Finding[];
}

/** Checks a manifest against the documented constraints. */
export type ManifestValidator = (manifest: Manifest) => ValidationReport;

let registered: ManifestValidator | undefined;

/** Installs the validator synth runs (lib/rules does this when it loads). */
export function registerManifestValidator(validator: ManifestValidator): void {
  registered = validator;
}

/** The registered validator; throws (fail closed) when none is, rather than synthesizing unchecked. */
export function manifestValidator(): ManifestValidator {
  if (!registered) {
    throw new HybridlinkError(
      "NoRuleCatalog",
      "synth was asked to validate, but no rule catalog is loaded: import the app's constructs from 'hybridlink' " +
        "(the public entry loads the rules), or pass { validate: false } to synthesize without checks.",
    );
  }
  return registered;
}

/** One finding as a line: `[path] [RULE-ID] message`, with the acknowledgement echoed. */
export function formatFinding(f: Finding): string {
  const ack = f.acknowledged ? ` (acknowledged at '${f.acknowledged.path || "<app>"}': ${f.acknowledged.reason})` : "";
  return `[${f.path || "<app>"}] [${f.ruleId}] ${f.message}${ack}`;
}

/** The call that acknowledges a warning where it was raised (app-wide when it is the app's own). */
export function howToAcknowledge(f: Pick<Finding, "path" | "ruleId">): string {
  return f.path
    ? `Acknowledgements.of(<the construct at '${f.path}'>).add("${f.ruleId}", "<why this is intended>")`
    : `app.acknowledge("${f.ruleId}", "<why this is intended>")`;
}
