import { Manifest, validateManifest } from "../../lib";

/** A manifest written by hand: two peered VPCs with routes both ways (seed 004's example). */
function handWritten(): Manifest & { resources: any[] } {
  const ref = (id: string) => ({ ref: id, attr: "id" });
  const resource = (logicalId: string, type: string, props: Record<string, unknown>, dependsOn: string[] = []) => ({
    logicalId,
    path: logicalId,
    type,
    account: "100000000001",
    props,
    dependsOn,
  });
  return JSON.parse(
    JSON.stringify({
      formatVersion: "hybridlink.manifest/v1",
      app: { profile: "ccb", defaultAccount: "100000000001", trustedAccounts: [] },
      resources: [
        resource("Vpc1", "Vpc", { name: "Vpc1", region: "wuhan", cidrs: ["192.168.1.0/24"] }),
        resource("Vpc1/Main", "RouteTable", { name: "Main", vpc: ref("Vpc1"), main: true }, ["Vpc1"]),
        resource("Vpc2", "Vpc", { name: "Vpc2", region: "wuhan", cidrs: ["10.0.1.0/24"] }),
        resource("Vpc2/Main", "RouteTable", { name: "Main", vpc: ref("Vpc2"), main: true }, ["Vpc2"]),
        resource("PeerConn", "PeeringConnection", { name: "PeerConn", requesterVpc: ref("Vpc1"), accepterVpc: ref("Vpc2"), accepterAccount: "100000000001" }, ["Vpc1", "Vpc2"]),
        resource("Vpc1/Main/ToVpc2", "Route", { routeTable: ref("Vpc1/Main"), destinationCidr: "10.0.1.0/24", nextHopType: "PEERING", nextHop: ref("PeerConn"), enabled: true }, ["PeerConn", "Vpc1/Main"]),
        resource("Vpc2/Main/ToVpc1", "Route", { routeTable: ref("Vpc2/Main"), destinationCidr: "192.168.1.0/24", nextHopType: "PEERING", nextHop: ref("PeerConn"), enabled: true }, ["PeerConn", "Vpc2/Main"]),
      ],
      intents: [],
      acknowledgements: [],
    }),
  );
}

function found(manifest: unknown, ruleId: string): string[] {
  return validateManifest(manifest as Manifest)
    .findings.filter((f) => f.ruleId === ruleId)
    .map((f) => `${f.path}#${f.property ?? ""}`);
}

function message(manifest: unknown, ruleId: string): string {
  return validateManifest(manifest as Manifest).findings.find((f) => f.ruleId === ruleId)!.message;
}

it("a well-formed hand-written manifest has no findings", () => {
  expect(validateManifest(handWritten()).findings).toEqual([]);
});

describe("HL-MAN-001: Manifest format version and document shape", () => {
  it("fails for another format version", () => {
    const m = handWritten();
    (m as any).formatVersion = "hybridlink.manifest/v0";
    expect(found(m, "HL-MAN-001")).toEqual(["#formatVersion"]);
    expect(message(m, "HL-MAN-001")).toContain("this library reads 'hybridlink.manifest/v1'");
  });

  it("fails for missing lists and app settings", () => {
    const m = handWritten() as any;
    delete m.intents;
    m.app.trustedAccounts = "none";
    expect(found(m, "HL-MAN-001")).toEqual(["#app.trustedAccounts", "#intents"]);
  });
});

describe("HL-MAN-002: Resource types are known", () => {
  it("fails for an unknown type and suggests the right spelling", () => {
    const m = handWritten();
    m.resources[4].type = "peering_connection";
    expect(found(m, "HL-MAN-002")).toEqual(["PeerConn#type"]);
    expect(message(m, "HL-MAN-002")).toContain("Did you mean 'PeeringConnection'?");
  });
});

describe("HL-MAN-003: Required props are present with the right types", () => {
  it("fails for a missing prop, a mistyped prop and an unknown enum value", () => {
    const m = handWritten();
    delete m.resources[0].props.region;
    m.resources[2].props.cidrs = "10.0.1.0/24";
    m.resources[5].props.nextHopType = "PEER";
    expect(found(m, "HL-MAN-003")).toEqual(["Vpc1#region", "Vpc1/Main/ToVpc2#nextHopType", "Vpc2#cidrs"]);
    expect(validateManifest(m).findings.find((f) => f.path === "Vpc2" && f.ruleId === "HL-MAN-003")!.message).toBe(
      "Prop 'cidrs' is the string '10.0.1.0/24'; expected an array of strings.",
    );
  });

  it("checks nested objects (IKE options, SPD policies) and the resource envelope", () => {
    const m = handWritten();
    m.resources.push({
      logicalId: "Conn",
      path: "Conn",
      type: "VpnConnection",
      account: 7,
      props: { name: "Conn", vpnGateway: { ref: "Gw", attr: "id" }, customerGateway: { ref: "Cgw", attr: "id" }, preSharedKey: "plain-text-key", routeType: "SPD", spdPolicies: [{ localCidrs: ["10.0.0.0/16"] }], ike: { version: "IKEV2" }, ipsec: {} },
      dependsOn: [],
    });
    const ids = found(m, "HL-MAN-003");
    expect(ids).toEqual(expect.arrayContaining(["Conn#account", "Conn#preSharedKey", "Conn#spdPolicies[0].remoteCidrs", "Conn#ike.dhGroup", "Conn#ipsec.encryption"]));
    expect(JSON.stringify(validateManifest(m))).not.toContain("plain-text-key");
  });
});

describe("HL-MAN-004: References resolve to a resource of the expected type", () => {
  it("fails for a dangling reference, a reference of the wrong type, and a dangling dependsOn", () => {
    const m = handWritten();
    m.resources[4].props.accepterVpc = { ref: "Vpc3", attr: "id" };
    m.resources[5].props.nextHop = { ref: "Vpc2", attr: "id" };
    m.resources[1].dependsOn = ["Vpc9"];
    expect(found(m, "HL-MAN-004")).toEqual(["PeerConn#accepterVpc", "Vpc1/Main#dependsOn", "Vpc1/Main/ToVpc2#nextHop"]);
    expect(validateManifest(m).findings.find((f) => f.path === "Vpc1/Main/ToVpc2" && f.ruleId === "HL-MAN-004")!.message).toBe(
      "'nextHop' refers to 'Vpc2', a Vpc; it must be a PeeringConnection.",
    );
  });
});

describe("HL-MAN-005: Logical IDs are unique", () => {
  it("fails for two resources with one logical ID", () => {
    const m = handWritten();
    m.resources.push({ ...m.resources[2], type: "IdcSite", props: { name: "Vpc2", cidrs: ["172.16.0.0/16"] } });
    expect(found(m, "HL-MAN-005")).toEqual(["Vpc2#logicalId"]);
    expect(message(m, "HL-MAN-005")).toContain("(a Vpc and a IdcSite)");
  });
});

describe("HL-MAN-006: No unknown props", () => {
  it("warns for a misspelt optional prop, suggesting the right one", () => {
    const m = handWritten();
    m.resources[4].props.BandwidthMbps = 100;
    const report = validateManifest(m);
    const finding = report.findings.find((f) => f.ruleId === "HL-MAN-006")!;
    expect([finding.path, finding.property, finding.severity]).toEqual(["PeerConn", "BandwidthMbps", "warning"]);
    expect(finding.message).toContain("Did you mean 'bandwidthMbps'?");
  });
});

describe("HL-PEER-014: The accepter account owns the accepter VPC", () => {
  it("fails when accepterAccount is not the accepter VPC's account", () => {
    const m = handWritten();
    m.resources[4].props.accepterAccount = "999";
    expect(found(m, "HL-PEER-014")).toEqual(["PeerConn#accepterAccount"]);
  });
});
