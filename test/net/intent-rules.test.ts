import { Intents, NetworkApp, RULES, validateManifest } from "../../lib";
import * as fromManifest from "../../lib/net/from-manifest";
import { INTENT_RULES } from "../../lib/rules/intents";
import { buildP2 } from "./scenarios/p2";
import { buildS2 } from "./scenarios/s2";
import { buildS5a } from "./scenarios/s5a";
import { buildS6 } from "./scenarios/s6";

/** The intent findings of an app, as `[path] [rule] message`. */
function intentFindings(app: NetworkApp) {
  const { report } = app.synthesize({ throwOnError: false });
  return report.findings.filter((f) => f.ruleId.startsWith("HL-INTENT-"));
}

describe("intent rules: the catalog", () => {
  test("four error-level rules, registered in the catalog, each an assumption of DESIGN.md's intents", () => {
    expect(INTENT_RULES.map((r) => [r.id, r.severity])).toEqual([
      ["HL-INTENT-001", "error"],
      ["HL-INTENT-002", "error"],
      ["HL-INTENT-003", "error"],
      ["HL-INTENT-004", "error"],
    ]);
    for (const rule of INTENT_RULES) {
      expect(RULES).toContain(rule);
      expect(rule.source.kind).toBe("assumption");
      expect(rule.source.kind === "assumption" && rule.source.reason).toContain("DESIGN.md");
    }
  });

  test("without declared intents they cost nothing: no model is built", () => {
    const spy = jest.spyOn(fromManifest, "modelFromManifest");
    try {
      const { manifest } = buildS2().app.synthesize({ throwOnError: false, validate: false });
      expect(validateManifest(manifest, { rules: INTENT_RULES }).findings).toEqual([]);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});

describe("HL-INTENT-001: a declared reachable pair is reachable both ways", () => {
  test("holds: S2's IDCs reach each other through the gateway's route table", () => {
    const s = buildS2();
    s.app.intents.reachable(s.endpoints["IDC-1"], s.endpoints["IDC-3"]);
    expect(intentFindings(s.app)).toEqual([]);
  });

  test("fails when SPD gives no transit (S6): the finding carries the breaking trace", () => {
    const s = buildS6();
    s.app.intents.reachable(s.endpoints["IDC-1"], s.endpoints["IDC-2"]);
    const findings = intentFindings(s.app);
    expect(findings.map((f) => [f.ruleId, f.path])).toEqual([["HL-INTENT-001", ""]]);
    expect(findings[0].message).toContain("Intent reachable(Idc1, Idc2) does not hold: the pair is UNREACHABLE (neither direction is delivered)");
    expect(findings[0].message).toContain("172.16.0.1 → 172.17.0.1: IDC_SITE Idc1 ⇒ NO_TUNNEL");
  });

  test("fails when one-way (P2) and names the missing return route", () => {
    const s = buildP2();
    const scope = s.app.node.findChild("Vpc1");
    Intents.of(scope).reachable(s.endpoints["Subnet-A"], s.endpoints["Subnet-B"]);
    const [finding] = intentFindings(s.app);
    expect([finding.ruleId, finding.path]).toEqual(["HL-INTENT-001", "Vpc1"]);
    expect(finding.message).toContain("the pair is ONE_WAY");
    expect(finding.message).toContain("the pair is ONE_WAY (the reply SubnetB → SubnetA is dropped)");
    expect(finding.message).toContain(`Missing route: route table ${s.vpc2MainRouteTable} needs a route to 192.168.1.0/24`);
    expect(finding.message).toContain("10.0.1.1 → 192.168.1.1: SUBNET Vpc2/SubnetB ⇒ NO_ROUTE");
  });

  test("endpoints may be given as addresses inside a network", () => {
    const s = buildP2({ returnRoute: true });
    s.app.intents.reachable("192.168.1.20", "10.0.1.20");
    expect(intentFindings(s.app)).toEqual([]);
  });
});

describe("HL-INTENT-002: a declared isolated pair is not reachable", () => {
  test("holds: S6's SPD connections keep the IDCs apart", () => {
    const s = buildS6();
    s.app.intents.isolated(s.endpoints["IDC-1"], s.endpoints["IDC-2"]);
    expect(intentFindings(s.app)).toEqual([]);
  });

  test("fails when route-table mode transits between the IDCs (S2), naming the gateway route that does it", () => {
    const s = buildS2();
    s.app.intents.isolated(s.endpoints["IDC-1"], s.endpoints["IDC-2"]);
    const [finding, ...rest] = intentFindings(s.app);
    expect(rest).toEqual([]);
    expect(finding.ruleId).toBe("HL-INTENT-002");
    expect(finding.message).toContain("Idc1 reaches Idc2, expected no delivery");
    expect(finding.message).toContain("VPN_GATEWAY Gateway (VPN_GATEWAY_ROUTES Gateway/ToIdc2)");
  });
});

describe("HL-INTENT-003: a declared intent holds under any single failure", () => {
  test("holds: S5a's two devices with health checks and active/standby routes", () => {
    const s = buildS5a();
    s.app.intents.reachable(s.endpoints.VPC, s.endpoints.IDC, { underSingleFailure: true });
    expect(intentFindings(s.app)).toEqual([]);
  });

  test("fails without health checks, naming each failure that breaks it and the trace of the first", () => {
    const s = buildS5a({ healthChecks: false });
    s.app.intents.reachable(s.endpoints.VPC, s.endpoints.IDC, { underSingleFailure: true });
    const findings = intentFindings(s.app);
    expect(findings.map((f) => f.ruleId)).toEqual(["HL-INTENT-003"]);
    expect(findings[0].message).toContain(
      "breaks under 2 of 4 single failures: customer gateway Device1 (203.0.113.21) down; tunnel of connection Tunnel1 down.",
    );
    expect(findings[0].message).toContain("⇒ TUNNEL_DOWN");
  });

  test("an intent already broken without failures is reported once, by HL-INTENT-001", () => {
    const s = buildS6();
    s.app.intents.reachable(s.endpoints["IDC-1"], s.endpoints["IDC-2"], { underSingleFailure: true });
    expect(intentFindings(s.app).map((f) => f.ruleId)).toEqual(["HL-INTENT-001"]);
  });

  test("isolation too must survive failures; S6 stays isolated under every one", () => {
    const s = buildS6();
    s.app.intents.isolated(s.endpoints["IDC-1"], s.endpoints["IDC-2"], { underSingleFailure: true });
    expect(intentFindings(s.app)).toEqual([]);
  });
});

describe("HL-INTENT-004: an intent names endpoints of the app", () => {
  test("fails for a name that is nothing, and for a resource that is not an endpoint; other intent rules skip them", () => {
    const s = buildS2();
    s.app.intents.reachable("Nowhere", s.endpoints.VPC);
    s.app.intents.isolated(s.endpoints.VPC, "Gateway");
    const findings = intentFindings(s.app);
    expect(findings.map((f) => [f.ruleId, f.property]).sort()).toEqual([
      ["HL-INTENT-004", "from"],
      ["HL-INTENT-004", "to"],
    ]);
    expect(findings.map((f) => f.message).join("\n")).toContain("'Gateway' is a VpnGateway");
    expect(findings.map((f) => f.message).join("\n")).toContain("'Nowhere' is neither a Vpc, Subnet, IdcSite or DirectConnectGateway");
  });
});
