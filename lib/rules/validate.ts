import { Acknowledgement, Manifest } from "../core/manifest";
import { ManifestIndex } from "../core/manifest-index";
import { findProfile, tryFindProfile } from "../core/profiles";
import { formatFinding, registerManifestValidator, ValidationReport } from "../core/findings";
import { RULES } from "./catalog";
import { fatalShapeProblems } from "./manifest";
import { Finding, Rule, RuleContext } from "./rule";


export interface ValidateOptions {
  /**
   * The rules to run.
   *
   * @default - the whole catalog
   */
  readonly rules?: readonly Rule[];
}

const ACK_RULE_ID = "HL-CORE-001";
const SHAPE_RULE_ID = "HL-MAN-001";
const PROFILE_RULE_ID = "HL-CORE-002";
const UNKNOWN_ACK_RULE_ID = "HL-CORE-004";

/**
 * Runs every rule over the manifest and sorts the findings into errors,
 * warnings and acknowledged warnings. A rule that throws is reported as an
 * error-level finding of that rule (fail closed).
 */
export function validateManifest(manifest: Manifest, options: ValidateOptions = {}): ValidationReport {
  // A document that cannot be indexed (no resource list, no app settings) gets only its shape findings.
  const shape = fatalShapeProblems(manifest);
  if (shape.length > 0) {
    const findings: Finding[] = shape.map((p) => ({ ruleId: SHAPE_RULE_ID, severity: "error", path: "", property: p.property, message: p.message }));
    return { findings, errors: findings, warnings: [], acknowledged: [] };
  }
  const profile = tryFindProfile(manifest.app.profile);
  if (!profile) {
    const finding: Finding = {
      ruleId: PROFILE_RULE_ID,
      severity: "error",
      path: "",
      message: `Unknown cloud profile '${manifest.app.profile}'. Use one of: tencent, alibaba, ccb.`,
    };
    return { findings: [finding], errors: [finding], warnings: [], acknowledged: [] };
  }
  const context: RuleContext = { manifest, index: new ManifestIndex(manifest), profile: findProfile(profile.name) };
  const rules = options.rules ?? RULES;
  const severityOf = new Map(rules.map((r) => [r.id, r.severity]));
  const findings: Finding[] = [];

  for (const rule of rules) {
    try {
      for (const v of rule.check(context)) {
        const path = context.index.tryGet(v.resource)?.path ?? v.resource;
        findings.push({
          ruleId: rule.id,
          severity: rule.severity,
          path,
          resource: v.resource,
          ...(v.property !== undefined ? { property: v.property } : {}),
          message: v.message,
        });
      }
    } catch (err) {
      findings.push({
        ruleId: rule.id,
        severity: "error",
        path: "",
        message: `The rule failed to run and counts as violated: ${(err as Error).message}`,
      });
    }
  }

  const acknowledgements: readonly Acknowledgement[] = Array.isArray(manifest.acknowledgements) ? manifest.acknowledgements : [];
  for (const ack of acknowledgements) {
    if (severityOf.get(ack.ruleId) === "error") {
      findings.push({
        ruleId: ACK_RULE_ID,
        severity: "error",
        path: ack.path,
        message: `${ack.ruleId} is an error-level rule and cannot be acknowledged; fix the resources it names instead of acknowledging it.`,
      });
    } else if (!severityOf.has(ack.ruleId) && options.rules === undefined) {
      // A mistyped ID would otherwise silently acknowledge nothing.
      findings.push({
        ruleId: UNKNOWN_ACK_RULE_ID,
        severity: "warning",
        path: ack.path,
        message: `The acknowledgement names '${ack.ruleId}', which is not a rule of the catalog, so it acknowledges nothing; use an ID from docs/rules.md (e.g. HL-VPN-015).`,
      });
    }
  }

  const marked = findings.map((f) => markAcknowledged(f, acknowledgements));
  marked.sort((a, b) => cmp(a.path, b.path) || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message));
  return {
    findings: marked,
    errors: marked.filter((f) => f.severity === "error"),
    warnings: marked.filter((f) => f.severity === "warning" && !f.acknowledged),
    acknowledged: marked.filter((f) => f.acknowledged),
  };
}

function markAcknowledged(finding: Finding, acks: readonly Acknowledgement[]): Finding {
  if (finding.severity !== "warning") return finding;
  const ack = acks.find(
    (a) =>
      a.ruleId === finding.ruleId &&
      (a.path === "" || finding.path === a.path || finding.path.startsWith(`${a.path}/`)),
  );
  return ack ? { ...finding, acknowledged: { path: ack.path, reason: ack.reason } } : finding;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One line per finding: `[construct path] [RULE-ID] message`. */

export { formatFinding };
export type { ValidationReport };

// Synth (lib/core) runs the catalog through this registration: the rules sit above core and plug in.
registerManifestValidator((manifest) => validateManifest(manifest));
