import { Finding } from "../rules/rule";
import { formatFinding, ValidationReport } from "../rules/validate";
import { howToAcknowledge } from "../core/findings";

/** The machine-readable shape of a validation report (`--json`). */
export interface FindingsJson {
  readonly ok: boolean;
  readonly errors: number;
  readonly warnings: number;
  readonly acknowledged: number;
  readonly findings: ReadonlyArray<{
    readonly ruleId: string;
    readonly severity: string;
    readonly path: string;
    readonly message: string;
    readonly property?: string;
    readonly acknowledged?: { readonly path: string; readonly reason: string };
  }>;
}

/** A validation report as the `--json` shape of synth and validate. */
export function findingsToJson(report: ValidationReport): FindingsJson {
  return {
    ok: report.errors.length === 0,
    errors: report.errors.length,
    warnings: report.warnings.length,
    acknowledged: report.acknowledged.length,
    findings: report.findings.map((f: Finding) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      path: f.path,
      message: f.message,
      ...(f.property ? { property: f.property } : {}),
      ...(f.acknowledged ? { acknowledged: f.acknowledged } : {}),
    })),
  };
}

/** Human report: errors, then warnings, then acknowledged warnings with their reasons; a summary line. */
export function formatReport(report: ValidationReport): string {
  const lines: string[] = [];
  for (const f of report.errors) lines.push(`error    ${formatFinding(f)}`);
  lines.push(...warningLines(report));
  for (const f of report.acknowledged) lines.push(`ack      ${formatFinding(f)}`);
  lines.push(
    `${report.errors.length} error(s), ${report.warnings.length} warning(s), ${report.acknowledged.length} acknowledged`,
  );
  return lines.join("\n");
}

/**
 * The warnings, each followed by how to accept it once understood (the
 * acknowledgement stays in the app, with its reason, for reviewers).
 * `plan` and `up` print these before the plan, as `pulumi up` shows warnings.
 */
export function warningLines(report: Pick<ValidationReport, "warnings">): string[] {
  return report.warnings.flatMap((f) => [`warning  ${formatFinding(f)}`, `         accept it in the app: ${howToAcknowledge(f)}`]);
}
