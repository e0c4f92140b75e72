import {
  Acknowledgements,
  HybridlinkError,
  NetworkApp,
  SynthError,
  Vpc,
  formatFinding,
  validateManifest,
} from "../../lib";
import { Rule } from "../../lib/rules/rule";
import { manifestOf, siteToSite, validateEdited } from "./helpers";

function vpc(app: NetworkApp, id: string, cidr: string): Vpc {
  return new Vpc(app, id, { region: "ap-guangzhou", cidrs: [cidr] });
}

describe("synth with errors", () => {
  function broken(): NetworkApp {
    const app = new NetworkApp();
    const a = vpc(app, "A", "10.0.0.1/16");
    a.peerWith("Peer", vpc(app, "B", "10.0.0.0/8"), { bandwidthMbps: 5 }).routeBothWays();
    new Vpc(app, "Elsewhere", { region: "mars-1", cidrs: ["172.16.0.0/16"] });
    return app;
  }

  it("throws one SynthError listing every error as `[path] [RULE-ID] message` lines", () => {
    let error: unknown;
    try {
      broken().synth();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SynthError);
    expect(HybridlinkError.isHybridlinkError(error)).toBe(true);
    const synthError = error as SynthError;
    expect(synthError.code).toBe("SynthFailed");
    expect(synthError.findings.map((f) => `${f.path} ${f.ruleId}`)).toEqual([
      "A HL-ADDR-002",
      "A/Peer HL-PEER-001",
      "A/Peer HL-PEER-005",
      "B/MainRouteTable/Peer-ToA-0 HL-ADDR-002",
      "Elsewhere HL-ADDR-005",
    ]);
    const lines = synthError.message.split("\n");
    expect(lines[0]).toBe("Synth found 5 errors:");
    expect(lines.slice(1).map((l) => l.trim())).toEqual(synthError.findings.map(formatFinding));
    expect(lines[1]).toMatch(/^ {2}\[A\] \[HL-ADDR-002\] cidrs\[0\] is '10\.0\.0\.1\/16'/);
  });

  it("reports the same findings without throwing when throwOnError is false", () => {
    const { report } = broken().synthesize({ throwOnError: false });
    expect(report.errors).toHaveLength(5);
    expect(report.errors.every((f) => f.severity === "error")).toBe(true);
  });
});

describe("acknowledgements", () => {
  function oneWayPeering(): { app: NetworkApp; a: Vpc; b: Vpc } {
    const app = new NetworkApp();
    const a = vpc(app, "A", "10.0.0.0/16");
    const b = vpc(app, "B", "10.1.0.0/16");
    a.peerWith("Peer", b); // no routes: HL-PEER-011 warning on A/Peer
    return { app, a, b };
  }

  it("echo the reason for a warning acknowledged on an ancestor scope", () => {
    const { app, a } = oneWayPeering();
    Acknowledgements.of(a).add("HL-PEER-011", "routes are added by the network team's pipeline");
    const { report } = app.synthesize();
    expect(report.warnings).toEqual([]);
    expect(report.acknowledged).toHaveLength(1);
    const [finding] = report.acknowledged;
    expect(finding.acknowledged).toEqual({ path: "A", reason: "routes are added by the network team's pipeline" });
    expect(formatFinding(finding)).toContain("(acknowledged at 'A': routes are added by the network team's pipeline)");
  });

  it("apply app-wide when given on the app, and not from a sibling scope", () => {
    const sibling = oneWayPeering();
    Acknowledgements.of(sibling.b).add("HL-PEER-011", "not this one");
    expect(sibling.app.synthesize().report.warnings.map((f) => f.path)).toEqual(["A/Peer"]);
    const appWide = oneWayPeering();
    appWide.app.acknowledge("HL-PEER-011", "lab stack");
    expect(appWide.app.synthesize().report.acknowledged.map((f) => f.acknowledged!.path)).toEqual([""]);
  });

  it("refuse an empty reason", () => {
    const { a } = oneWayPeering();
    expect(() => Acknowledgements.of(a).add("HL-PEER-011", "   ")).toThrow(/A: acknowledging HL-PEER-011 needs a non-empty reason/);
    expect(() => Acknowledgements.of(a).add("HL-PEER-011", "")).toThrow(/non-empty reason/);
  });

  it("cannot silence an error-level rule (HL-CORE-001)", () => {
    const app = new NetworkApp();
    const a = vpc(app, "A", "10.0.0.0/16");
    a.peerWith("Peer", vpc(app, "B", "10.0.0.0/8")).routeBothWays();
    Acknowledgements.of(a).add("HL-PEER-001", "we know");
    const { report } = app.synthesize({ throwOnError: false });
    expect(report.errors.map((f) => `${f.path} ${f.ruleId}`)).toEqual(["A HL-CORE-001", "A/Peer HL-PEER-001"]);
  });
});

describe("validateManifest", () => {
  function cleanManifest() {
    const app = new NetworkApp();
    siteToSite(app);
    return manifestOf(app);
  }

  it("counts a rule that throws as a violation of that rule (fail closed)", () => {
    const exploding: Rule = {
      id: "HL-TEST-001",
      title: "explodes",
      severity: "warning",
      source: { kind: "assumption", reason: "test" },
      rationale: "test",
      fix: "test",
      check() {
        throw new Error("index out of range");
      },
    };
    const report = validateEdited(cleanManifest(), { rules: [exploding] });
    expect(report.errors).toEqual([
      { ruleId: "HL-TEST-001", severity: "error", path: "", message: "The rule failed to run and counts as violated: index out of range" },
    ]);
  });

  it("reports an unknown profile (HL-CORE-002)", () => {
    const manifest = cleanManifest();
    (manifest.app as { profile: string }).profile = "aws";
    expect(validateEdited(manifest).errors.map((f) => f.ruleId)).toEqual(["HL-CORE-002"]);
  });

  it("reports a document it cannot index instead of throwing (HL-MAN-001)", () => {
    for (const doc of [null, [], { formatVersion: "hybridlink.manifest/v1" }, { ...cleanManifest(), resources: [null] }]) {
      const report = validateManifest(doc as never);
      expect(report.errors.length).toBeGreaterThan(0);
      expect(report.errors.every((f) => f.ruleId === "HL-MAN-001")).toBe(true);
    }
  });

  it("gives the input property of each finding, for a provider's check", () => {
    const manifest = cleanManifest();
    manifest.resources.find((r) => r.logicalId === "Gateway")!.props.bandwidthMbps = 7;
    const finding = validateEdited(manifest).errors.find((f) => f.ruleId === "HL-VPN-005")!;
    expect({ property: finding.property, resource: finding.resource }).toEqual({ property: "bandwidthMbps", resource: "Gateway" });
  });
});
