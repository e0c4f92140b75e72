import type { IConstruct } from "constructs";
import { Finding, isSecretRef, Manifest, ManifestResource, NetworkApp, ResourceType, Severity, validateManifest } from "../index";
import { canonical, Match, matchValue, MatchFailure } from "./match";

/** Which findings `hasFinding` and `findFindings` look at. */
export interface FindingFilter {
  /** Only findings of this severity. */
  readonly severity?: Severity;
  /** Only findings on this construct path or under it. */
  readonly path?: string;
  /** Only findings whose message contains this text or matches this expression. */
  readonly message?: string | RegExp;
}

/**
 * The synthesized manifest of an app (or of one construct's subtree) and its
 * findings, with CDK-style assertions. Nothing is deployed.
 *
 * @example
 *   const template = Template.fromApp(app);
 *   template.hasResource("VpnConnection", { routeType: "SPD" });
 *   template.resourceCountIs("Vpc", 1);
 *   expect(template.toJSON()).toMatchSnapshot();
 */
export class Template {
  /** The whole app, findings included: synth does not throw here, so error-level findings can be asserted. */
  public static fromApp(app: NetworkApp): Template {
    const { manifest, report } = app.synthesize({ throwOnError: false });
    return new Template(manifest, report.findings);
  }

  /** The resources and findings at or under one construct (a pattern, a VPC), synthesized with its whole app. */
  public static fromConstruct(scope: IConstruct): Template {
    const whole = Template.fromApp(scope.node.root as NetworkApp);
    const under = (path: string) => scope.node.path === "" || path === scope.node.path || path.startsWith(`${scope.node.path}/`);
    const manifest = { ...whole.manifest, resources: whole.manifest.resources.filter((r) => under(r.path)) };
    return new Template(manifest, whole.findings.filter((f) => under(f.path)));
  }

  /** A manifest read from a file (`hybridlink synth --out`), validated again. */
  public static fromManifest(manifest: Manifest): Template {
    return new Template(manifest, validateManifest(manifest).findings);
  }

  private constructor(
    /** The manifest asserted on. */
    public readonly manifest: Manifest,
    /** Every finding (errors, warnings, acknowledged), in the report's order. */
    public readonly findings: readonly Finding[],
  ) {}

  /**
   * Asserts that some resource of `type` has properties matching `props`
   * (partially and deeply, as `Match.objectLike`). Throws naming the closest
   * candidate and what differs.
   */
  public hasResource(type: ResourceType, props: unknown = {}): void {
    const candidates = this.ofType(type);
    if (candidates.length === 0) throw new Error(`Template has no ${type} (it has ${this.typeSummary()}).`);
    let closest: { resource: ManifestResource; failures: MatchFailure[] } | undefined;
    for (const resource of candidates) {
      const failures = matchValue(props, resource.props, "props");
      if (failures.length === 0) return;
      if (!closest || failures.length < closest.failures.length) closest = { resource, failures };
    }
    const why = closest!.failures.map((f) => `  ${f.path}: ${f.message}`).join("\n");
    throw new Error(`None of the ${candidates.length} ${type} resources matches. Closest is ${closest!.resource.path}:\n${why}`);
  }

  /** Asserts the number of resources of `type`. */
  public resourceCountIs(type: ResourceType, count: number): void {
    const actual = this.ofType(type).length;
    if (actual !== count) throw new Error(`Expected ${count} ${type} resource${count === 1 ? "" : "s"}, found ${actual}.`);
  }

  /** The resources of `type` whose properties match `props`, by construct path. */
  public findResources(type: ResourceType, props: unknown = {}): Record<string, ManifestResource> {
    const found: Record<string, ManifestResource> = {};
    for (const r of this.ofType(type)) if (matchValue(props, r.props, "props").length === 0) found[r.path] = r;
    return found;
  }

  /** Asserts that a finding with this rule ID (`HL-VPN-003`) was reported, optionally on a path, of a severity, with a message. */
  public hasFinding(ruleId: string, filter: FindingFilter = {}): void {
    if (this.findFindings(ruleId, filter).length > 0) return;
    const reported = this.findings.map((f) => `${f.ruleId} ${f.severity} at ${f.path}`);
    throw new Error(
      `No ${ruleId} finding${describeFilter(filter)}. Reported: ${reported.length ? `\n  ${reported.join("\n  ")}` : "none"}`,
    );
  }

  /** Asserts that no finding with this rule ID was reported (with the same filter as hasFinding). */
  public hasNoFinding(ruleId: string, filter: FindingFilter = {}): void {
    const found = this.findFindings(ruleId, filter);
    if (found.length > 0) throw new Error(`Unexpected ${ruleId}${describeFilter(filter)}:\n  ${found.map((f) => `${f.path}: ${f.message}`).join("\n  ")}`);
  }

  /** The findings with this rule ID that pass the filter. */
  public findFindings(ruleId: string, filter: FindingFilter = {}): Finding[] {
    return this.findings.filter(
      (f) =>
        f.ruleId === ruleId &&
        (filter.severity === undefined || f.severity === filter.severity) &&
        (filter.path === undefined || f.path === filter.path || f.path.startsWith(`${filter.path}/`)) &&
        (filter.message === undefined || (typeof filter.message === "string" ? f.message.includes(filter.message) : filter.message.test(f.message))),
    );
  }

  /**
   * A stable, JSON-ready view for snapshots: resources keyed and ordered by
   * construct path, object keys sorted, references written by path instead
   * of logical ID, secret sources shown by name only and any other value
   * under a secret-like key redacted, findings ordered.
   */
  public toJSON(): Record<string, unknown> {
    const pathOf = new Map(this.manifest.resources.map((r) => [r.logicalId, r.path]));
    const resources = [...this.manifest.resources].sort((a, b) => compare(a.path, b.path));
    return canonical({
      profile: this.manifest.app.profile,
      resources: Object.fromEntries(
        resources.map((r) => [
          r.path,
          { type: r.type, account: r.account, props: stable(r.props, pathOf, ""), dependsOn: r.dependsOn.map((d) => pathOf.get(d) ?? d).sort() },
        ]),
      ),
      intents: [...this.manifest.intents].map((i) => ({ ...i })).sort((a, b) => compare(JSON.stringify(canonical(a)), JSON.stringify(canonical(b)))),
      findings: [...this.findings]
        .map((f) => ({ ruleId: f.ruleId, severity: f.severity, path: f.path, message: f.message, ...(f.acknowledged ? { acknowledged: f.acknowledged } : {}) }))
        .sort((a, b) => compare(`${a.path}\u0000${a.ruleId}\u0000${a.message}`, `${b.path}\u0000${b.ruleId}\u0000${b.message}`)),
    }) as Record<string, unknown>;
  }

  private ofType(type: ResourceType): ManifestResource[] {
    return this.manifest.resources.filter((r) => r.type === type);
  }

  private typeSummary(): string {
    const counts = new Map<string, number>();
    for (const r of this.manifest.resources) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
    return [...counts].map(([t, n]) => `${n} ${t}`).join(", ") || "no resources";
  }
}

// Keys whose plain values are secrets by name; a secret reference (its source) is kept, it holds no value.
const SECRET_KEY = /pre-?shared-?key|psk|secret|password/i;

/** Props with references by path (logical IDs are derived from paths, a hash may change) and secrets redacted. */
function stable(value: unknown, pathOf: ReadonlyMap<string, string>, key: string): unknown {
  if (isSecretRef(value)) return value;
  if (Array.isArray(value)) return value.map((v) => stable(v, pathOf, key));
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record.ref === "string" && typeof record.attr === "string") return { ref: pathOf.get(record.ref) ?? record.ref, attr: record.attr };
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, stable(v, pathOf, k)]));
  }
  return SECRET_KEY.test(key) && value !== undefined ? "<redacted>" : value;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function describeFilter(filter: FindingFilter): string {
  const parts = [
    filter.severity && `of severity ${filter.severity}`,
    filter.path && `at or under ${filter.path}`,
    filter.message && `with message ${String(filter.message)}`,
  ].filter(Boolean);
  return parts.length ? ` ${parts.join(", ")}` : "";
}

// Re-exported here so `import { Template, Match } from "hybridlink/testing"` reads as in aws-cdk-lib/assertions.
export { Match };
