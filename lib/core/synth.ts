import { IConstruct } from "constructs";
import { Acknowledgements } from "./acknowledgements";
import { appContextOf } from "./app-context";
import { HybridlinkError } from "./errors";
import { Finding, formatFinding, manifestValidator, ValidationReport } from "./findings";
import { Intents } from "./intents";
import { Acknowledgement, Intent, Manifest, MANIFEST_FORMAT_VERSION, ManifestResource } from "./manifest";
import { NetworkResource } from "./resource";

export interface SynthOptions {
  /**
   * Run the rule catalog (and throw on error-level findings).
   *
   * @default true
   */
  readonly validate?: boolean;

  /**
   * Throw a SynthError when error-level findings remain.
   *
   * @default true
   */
  readonly throwOnError?: boolean;
}

export interface SynthResult {
  readonly manifest: Manifest;
  readonly report: ValidationReport;
}

/** Error-level findings that stop synth: one line per finding, all at once. */
export class SynthError extends HybridlinkError {
  constructor(public readonly findings: readonly Finding[]) {
    super(
      "SynthFailed",
      `Synth found ${findings.length} error${findings.length === 1 ? "" : "s"}:\n` +
        findings.map((f) => `  ${formatFinding(f)}`).join("\n"),
    );
    this.name = "SynthError";
  }
}

const CONSTRUCT_VALIDATION = "HL-CORE-003";

/** Builds the manifest of the tree under `root` and validates it. */
export function synthesize(root: IConstruct, options: SynthOptions = {}): SynthResult {
  const context = appContextOf(root);
  const resources: ManifestResource[] = [];
  const intents: Intent[] = [];
  const acknowledgements: Acknowledgement[] = [];
  const constructFindings: Finding[] = [];

  for (const c of root.node.findAll()) {
    if (NetworkResource.isNetworkResource(c)) resources.push(c.toManifest());
    const declared = Intents.tryOf(c);
    if (declared) intents.push(...declared.render());
    const acks = Acknowledgements.tryOf(c);
    if (acks) for (const a of acks.all) acknowledgements.push({ path: c.node.path, ruleId: a.ruleId, reason: a.reason });
    // Deferred checks of patterns (node.addValidation) report like rules do.
    for (const message of c.node.validate()) {
      constructFindings.push({ ruleId: CONSTRUCT_VALIDATION, severity: "error", path: c.node.path, message });
    }
  }

  resources.sort((a, b) => (a.logicalId < b.logicalId ? -1 : a.logicalId > b.logicalId ? 1 : 0));
  const manifest: Manifest = {
    formatVersion: MANIFEST_FORMAT_VERSION,
    app: {
      profile: context.profile.name,
      defaultAccount: context.defaultAccount,
      trustedAccounts: [...context.trustedAccounts].sort(),
    },
    resources,
    intents,
    acknowledgements,
  };

  const ruleReport =
    options.validate === false ? { findings: [], errors: [], warnings: [], acknowledged: [] } : manifestValidator()(manifest);
  const report: ValidationReport = {
    findings: [...constructFindings, ...ruleReport.findings],
    errors: [...constructFindings, ...ruleReport.errors],
    warnings: ruleReport.warnings,
    acknowledged: ruleReport.acknowledged,
  };
  if (report.errors.length > 0 && options.throwOnError !== false) throw new SynthError(report.errors);
  return { manifest, report };
}

/** The manifest as deterministic JSON text (two-space indent, trailing newline). */
export function manifestToJson(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
