import { Acknowledgements, NetworkApp, Vpc } from "../../lib";
import { errorIds, findingsOf, hits } from "./helpers";

function vpc(app: NetworkApp, id: string, cidr: string, region = "ap-guangzhou", account?: string): Vpc {
  return new Vpc(app, id, { region, cidrs: [cidr], account });
}

describe("HL-PEER-001: Peered VPCs have no overlapping CIDR blocks", () => {
  it("fails on containment: 10.0.0.0/16 vs 10.0.0.0/8", () => {
    const app = new NetworkApp();
    const a = vpc(app, "A", "10.0.0.0/16");
    const b = vpc(app, "B", "10.0.0.0/8");
    a.peerWith("Peer", b).routeBothWays();
    expect(hits(app, "HL-PEER-001", true)).toEqual(["A/Peer#accepterVpc"]);
    expect(findingsOf(app, "HL-PEER-001")[0].message).toContain("10.0.0.0/16 overlaps accepter VPC 'B' block 10.0.0.0/8 (it lies inside it)");
  });

  it("fails when a secondary CIDR overlaps", () => {
    const app = new NetworkApp();
    const a = new Vpc(app, "A", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16", "172.16.0.0/16"] });
    const b = vpc(app, "B", "172.16.128.0/17");
    a.peerWith("Peer", b).routeBothWays();
    expect(hits(app, "HL-PEER-001")).toEqual(["A/Peer"]);
  });

  it("fails for a VPC peered with itself", () => {
    const app = new NetworkApp();
    const a = vpc(app, "A", "10.0.0.0/16");
    a.peerWith("Self", a);
    expect(findingsOf(app, "HL-PEER-001")[0].message).toContain("with itself");
  });

  it("passes on adjacency: 10.0.0.0/16 vs 10.1.0.0/16", () => {
    const app = new NetworkApp();
    vpc(app, "A", "10.0.0.0/16").peerWith("Peer", vpc(app, "B", "10.1.0.0/16")).routeBothWays();
    expect(errorIds(app)).toEqual([]);
  });
});

describe("HL-PEER-002: Cross-region peers of one VPC have no overlapping CIDR blocks", () => {
  it("fails when a VPC's cross-region peers overlap each other", () => {
    const app = new NetworkApp();
    const hub = vpc(app, "Hub", "10.0.0.0/16", "ap-guangzhou");
    hub.peerWith("ToBj", vpc(app, "Bj", "10.1.0.0/16", "ap-beijing"), { bandwidthMbps: 100 });
    hub.peerWith("ToSh", vpc(app, "Sh", "10.1.0.0/24", "ap-shanghai"), { bandwidthMbps: 100 });
    expect(hits(app, "HL-PEER-002")).toEqual(["Hub/ToSh"]);
  });

  it("fails when a same-region peer overlaps a cross-region peer (reported on the cross-region one)", () => {
    const app = new NetworkApp();
    const hub = vpc(app, "Hub", "10.0.0.0/16", "ap-guangzhou");
    hub.peerWith("Local", vpc(app, "Gz", "10.1.0.0/16", "ap-guangzhou"));
    hub.peerWith("Remote", vpc(app, "Bj", "10.1.0.0/16", "ap-beijing"), { bandwidthMbps: 100 });
    expect(hits(app, "HL-PEER-002")).toEqual(["Hub/Remote"]);
  });

  it("passes for overlapping same-region peers (they do not affect each other) and for disjoint cross-region peers", () => {
    const app = new NetworkApp();
    const hub = vpc(app, "Hub", "10.0.0.0/16");
    hub.peerWith("P1", vpc(app, "Gz1", "10.1.0.0/16"));
    hub.peerWith("P2", vpc(app, "Gz2", "10.1.0.0/16"));
    const other = vpc(app, "Other", "10.8.0.0/16");
    other.peerWith("X1", vpc(app, "Bj", "10.2.0.0/16", "ap-beijing"), { bandwidthMbps: 10 });
    other.peerWith("X2", vpc(app, "Sh", "10.3.0.0/16", "ap-shanghai"), { bandwidthMbps: 10 });
    expect(hits(app, "HL-PEER-002")).toEqual([]);
  });
});

describe("HL-PEER-003: At most 10 peering connections per VPC", () => {
  function hubWith(peers: number, accepted: number): NetworkApp {
    const app = new NetworkApp();
    const hub = vpc(app, "Hub", "10.0.0.0/16");
    for (let i = 0; i < peers; i++) hub.peerWith(`P${i}`, vpc(app, `Spoke${i}`, `10.${i + 1}.0.0/16`));
    // Peerings the hub accepts count too.
    for (let i = 0; i < accepted; i++) vpc(app, `Requester${i}`, `10.${100 + i}.0.0/16`).peerWith("ToHub", hub);
    return app;
  }

  it("passes for 10 (requested and accepted together)", () => {
    expect(hits(hubWith(6, 4), "HL-PEER-003")).toEqual([]);
  });

  it("fails for 11, counting both sides, on the VPC", () => {
    const app = hubWith(6, 5);
    expect(hits(app, "HL-PEER-003")).toEqual(["Hub"]);
    expect(findingsOf(app, "HL-PEER-003")[0].message).toContain("has 11 peering connections");
  });

  it("applies the same limit on ccb", () => {
    const app = new NetworkApp({ profile: "ccb" });
    const hub = vpc(app, "Hub", "10.0.0.0/16", "wuhan");
    for (let i = 0; i < 11; i++) hub.peerWith(`P${i}`, vpc(app, `S${i}`, `10.${i + 1}.0.0/16`, "wuhan"));
    expect(hits(app, "HL-PEER-003")).toEqual(["Hub"]);
  });
});

describe("HL-PEER-004: Cross-region peering sets its bandwidth cap", () => {
  function crossRegion(bandwidthMbps?: number): NetworkApp {
    const app = new NetworkApp();
    vpc(app, "A", "10.0.0.0/16", "ap-guangzhou").peerWith("Peer", vpc(app, "B", "10.1.0.0/16", "ap-beijing"), { bandwidthMbps }).routeBothWays();
    return app;
  }

  it.each([1, 100, 10000])("passes for %i Mbps", (mbps) => {
    expect(errorIds(crossRegion(mbps))).toEqual([]);
  });

  it.each([0, 12.5])("fails for %d Mbps", (mbps) => {
    expect(hits(crossRegion(mbps), "HL-PEER-004", true)).toEqual(["A/Peer#bandwidthMbps"]);
  });

  it("above the 10 Gbps cap is a ticket (HL-PEER-016 warns, naming the grant), not an error", () => {
    expect(errorIds(crossRegion(20000))).toEqual([]);
    const [warning] = findingsOf(crossRegion(20000), "HL-PEER-016");
    expect(warning.severity).toBe("warning");
    expect(warning.message).toContain("hybridlink account feature grant peering-bandwidth-above-cap");
    expect(findingsOf(crossRegion(10000), "HL-PEER-016")).toEqual([]);
  });

  it("fails when the cap is missing", () => {
    const [finding] = findingsOf(crossRegion(undefined), "HL-PEER-004");
    expect(finding.message).toContain("has no bandwidthMbps; set a cap from 1 to 10000 Mbps");
  });

  it("has no range on alibaba but still wants a positive whole number", () => {
    const ok = new NetworkApp({ profile: "alibaba" });
    vpc(ok, "A", "10.0.0.0/16", "cn-hangzhou").peerWith("Peer", vpc(ok, "B", "10.1.0.0/16", "cn-beijing"), { bandwidthMbps: 20000 });
    expect(hits(ok, "HL-PEER-004")).toEqual([]);
    const bad = new NetworkApp({ profile: "alibaba" });
    vpc(bad, "A", "10.0.0.0/16", "cn-hangzhou").peerWith("Peer", vpc(bad, "B", "10.1.0.0/16", "cn-beijing"), { bandwidthMbps: -5 });
    expect(hits(bad, "HL-PEER-004")).toEqual(["A/Peer"]);
  });
});

describe("HL-PEER-005: Same-region peering takes no bandwidth cap", () => {
  it("fails when a same-region peering sets bandwidth", () => {
    const app = new NetworkApp();
    vpc(app, "A", "10.0.0.0/16").peerWith("Peer", vpc(app, "B", "10.1.0.0/16"), { bandwidthMbps: 100 });
    expect(hits(app, "HL-PEER-005", true)).toEqual(["A/Peer#bandwidthMbps"]);
    expect(hits(app, "HL-PEER-004")).toEqual([]);
  });

  it("passes without bandwidth", () => {
    const app = new NetworkApp();
    vpc(app, "A", "10.0.0.0/16").peerWith("Peer", vpc(app, "B", "10.1.0.0/16"));
    expect(hits(app, "HL-PEER-005")).toEqual([]);
  });
});

describe("HL-PEER-006: Peering is offered in both VPCs' regions", () => {
  it("fails for a VPC in ap-shanghai-fsi", () => {
    const app = new NetworkApp();
    vpc(app, "A", "10.0.0.0/16", "ap-shanghai").peerWith("Peer", vpc(app, "Fsi", "10.1.0.0/16", "ap-shanghai-fsi"), { bandwidthMbps: 10 });
    expect(hits(app, "HL-PEER-006", true)).toEqual(["A/Peer#accepterVpc"]);
    expect(findingsOf(app, "HL-PEER-006")[0].message).toContain("'ap-shanghai-fsi'");
  });

  it("passes for ap-shanghai", () => {
    const app = new NetworkApp();
    vpc(app, "A", "10.0.0.0/16", "ap-shanghai").peerWith("Peer", vpc(app, "B", "10.1.0.0/16", "ap-shanghai"));
    expect(hits(app, "HL-PEER-006")).toEqual([]);
  });
});

describe("HL-PEER-007: Non-mainland (cross-border) peering carries an approval", () => {
  it("fails for guangzhou ↔ hongkong without approval", () => {
    const app = new NetworkApp();
    vpc(app, "A", "10.0.0.0/16", "ap-guangzhou").peerWith("Peer", vpc(app, "Hk", "10.1.0.0/16", "ap-hongkong"), { bandwidthMbps: 10 });
    expect(hits(app, "HL-PEER-007", true)).toEqual(["A/Peer#crossBorderApproval"]);
  });

  it("fails for a same-region peering in na-toronto (non-mainland) and an empty ticket", () => {
    const app = new NetworkApp();
    vpc(app, "A", "10.0.0.0/16", "na-toronto").peerWith("Peer", vpc(app, "B", "10.1.0.0/16", "na-toronto"), { crossBorderApproval: " " });
    expect(findingsOf(app, "HL-PEER-007")[0].message).toContain("crossBorderApproval is empty");
  });

  it("passes with a ticket, and for mainland-only peering without one", () => {
    const app = new NetworkApp();
    vpc(app, "A", "10.0.0.0/16", "ap-guangzhou").peerWith("Peer", vpc(app, "Hk", "10.1.0.0/16", "ap-hongkong"), { bandwidthMbps: 10, crossBorderApproval: "ticket-1" });
    vpc(app, "C", "10.2.0.0/16", "ap-beijing").peerWith("Peer", vpc(app, "D", "10.3.0.0/16", "ap-shanghai"), { bandwidthMbps: 10 });
    expect(hits(app, "HL-PEER-007")).toEqual([]);
  });

  it("does not apply where the profile needs no approval (alibaba)", () => {
    const app = new NetworkApp({ profile: "alibaba" });
    vpc(app, "A", "10.0.0.0/16", "cn-hangzhou").peerWith("Peer", vpc(app, "Hk", "10.1.0.0/16", "cn-hongkong"));
    expect(hits(app, "HL-PEER-007")).toEqual([]);
  });
});

describe("HL-PEER-008: Cross-region peering only where the cloud offers it", () => {
  it("fails on ccb (same-region only) for a cross-region peering", () => {
    const app = new NetworkApp({ profile: "ccb" });
    vpc(app, "A", "192.168.1.0/24", "wuhan").peerWith("Peer", vpc(app, "B", "10.0.1.0/24", "wuhan-2"));
    expect(hits(app, "HL-PEER-008")).toEqual(["A/Peer"]);
  });

  it("passes on ccb in wuhan (seed 004's example) and on tencent across regions", () => {
    const ccb = new NetworkApp({ profile: "ccb" });
    vpc(ccb, "Vpc1", "192.168.1.0/24", "wuhan").peerWith("PeerConn", vpc(ccb, "Vpc2", "10.0.1.0/24", "wuhan")).routeBothWays();
    expect(errorIds(ccb)).toEqual([]);
    expect(ccb.synthesize().report.warnings).toEqual([]);
    const tencent = new NetworkApp();
    vpc(tencent, "A", "10.0.0.0/16", "ap-guangzhou").peerWith("Peer", vpc(tencent, "B", "10.1.0.0/16", "ap-beijing"), { bandwidthMbps: 10 });
    expect(hits(tencent, "HL-PEER-008")).toEqual([]);
  });
});

describe("HL-PEER-009: a peering request is accepted only from a known account (the accepting side)", () => {
  it("flags the accepter's app when the requesting account is not known", () => {
    // This app is account 555's; a VPC of account 777 requests a peering into it.
    const app = new NetworkApp({ defaultAccount: "555" });
    vpc(app, "Stranger", "172.20.0.0/16", "ap-chengdu", "777").peerWith("Peer", vpc(app, "Ours", "172.21.0.0/16", "ap-chengdu"));
    expect(hits(app, "HL-PEER-009", true)).toEqual(["Stranger/Peer#requesterVpc"]);
    expect(findingsOf(app, "HL-PEER-009")[0].message).toContain("requested by account '777'");
  });

  it("never blocks the requester: a request to an account the requester's app does not list passes", () => {
    const app = new NetworkApp({ defaultAccount: "555" });
    vpc(app, "Ours", "172.21.0.0/16", "ap-chengdu").peerWith("Peer", vpc(app, "Theirs", "172.22.0.0/16", "ap-chengdu", "777"));
    expect(hits(app, "HL-PEER-009")).toEqual([]);
  });

  it("passes when the accepter knows the requester, and for same-account peering", () => {
    const app = new NetworkApp({ defaultAccount: "555", trustedAccounts: ["777"] });
    vpc(app, "Stranger", "172.20.0.0/16", "ap-chengdu", "777").peerWith("Peer", vpc(app, "Ours", "172.21.0.0/16", "ap-chengdu"));
    vpc(app, "A", "172.23.0.0/16", "ap-chengdu").peerWith("Peer", vpc(app, "B", "172.24.0.0/16", "ap-chengdu"));
    expect(hits(app, "HL-PEER-009")).toEqual([]);
  });
});

describe("HL-PEER-015: a second peering between the same two VPCs is unnecessary (warning)", () => {
  it("warns on the second, acknowledgeably, and the first stays clean", () => {
    const app = new NetworkApp({ defaultAccount: "555" });
    const a = vpc(app, "North", "172.30.0.0/16", "ap-nanjing");
    const b = vpc(app, "South", "172.31.0.0/16", "ap-nanjing");
    a.peerWith("First", b);
    const second = b.peerWith("Second", a);
    const [finding, ...rest] = findingsOf(app, "HL-PEER-015");
    expect(rest).toEqual([]);
    expect([finding.path, finding.severity]).toEqual(["South/Second", "warning"]);
    expect(finding.message).toContain("already peered by 'North/First'");
    Acknowledgements.of(second).add("HL-PEER-015", "two peerings during a migration");
    expect(findingsOf(app, "HL-PEER-015")[0].acknowledged?.reason).toBe("two peerings during a migration");
  });
});

describe("HL-PEER-010: Cross-account peering stays pending until accepted", () => {
  it("warns for a trusted cross-account peering (pending acceptance, 7-day expiry)", () => {
    const app = new NetworkApp({ defaultAccount: "111", trustedAccounts: ["222"] });
    vpc(app, "Mine", "10.0.0.0/16").peerWith("Peer", vpc(app, "Theirs", "10.1.0.0/16", "ap-guangzhou", "222")).routeBothWays();
    const [finding] = findingsOf(app, "HL-PEER-010");
    expect([finding.path, finding.severity]).toEqual(["Mine/Peer", "warning"]);
    expect(finding.message).toContain("expires after 7 days");
  });

  it("does not warn for same-account peering", () => {
    const app = new NetworkApp();
    vpc(app, "A", "10.0.0.0/16").peerWith("Peer", vpc(app, "B", "10.1.0.0/16"));
    expect(hits(app, "HL-PEER-010")).toEqual([]);
  });
});

describe("HL-PEER-011: Both ends of a peering route to each other", () => {
  it("warns 'only one way' naming the missing return route (seed 004 P2)", () => {
    const app = new NetworkApp({ profile: "ccb" });
    const vpc1 = vpc(app, "Vpc1", "192.168.1.0/24", "wuhan");
    const vpc2 = vpc(app, "Vpc2", "10.0.1.0/24", "wuhan");
    const peering = vpc1.peerWith("PeerConn", vpc2);
    vpc1.addRoute("ToVpc2", { destinationCidr: "10.0.1.0/24", nextHop: peering });
    const [finding] = findingsOf(app, "HL-PEER-011");
    expect([finding.path, finding.severity]).toEqual(["Vpc1/PeerConn", "warning"]);
    expect(finding.message).toContain("only one way");
    expect(finding.message).toContain("a route in 'Vpc2' (e.g. its main route table) to 192.168.1.0/24");
  });

  it("warns when neither side routes, naming both routes", () => {
    const app = new NetworkApp();
    vpc(app, "A", "10.0.0.0/16").peerWith("Peer", vpc(app, "B", "10.1.0.0/16"));
    expect(findingsOf(app, "HL-PEER-011")[0].message).toMatch(/no routes on either side.*'A'.*10\.1\.0\.0\/16.*'B'.*10\.0\.0\.0\/16/);
  });

  it("does not count a disabled route", () => {
    const app = new NetworkApp();
    const a = vpc(app, "A", "10.0.0.0/16");
    const b = vpc(app, "B", "10.1.0.0/16");
    const peering = a.peerWith("Peer", b);
    a.addRoute("ToB", { destinationCidr: "10.1.0.0/16", nextHop: peering });
    b.addRoute("ToA", { destinationCidr: "10.0.0.0/16", nextHop: peering, enabled: false });
    expect(hits(app, "HL-PEER-011")).toEqual(["A/Peer"]);
  });

  it("passes with routes both ways, including routes to a subnet of the peer only", () => {
    const app = new NetworkApp();
    const a = vpc(app, "A", "10.0.0.0/16");
    const b = vpc(app, "B", "10.1.0.0/16");
    const peering = a.peerWith("Peer", b);
    a.addRoute("ToB", { destinationCidr: "10.1.1.0/24", nextHop: peering });
    b.addRoute("ToA", { destinationCidr: "10.0.0.0/16", nextHop: peering });
    expect(hits(app, "HL-PEER-011")).toEqual([]);
  });
});

describe("HL-PEER-012: Routes through a peering target the peer VPC only", () => {
  it("warns for VPC2 routing to VPC3 through VPC1 (non-transitive)", () => {
    const app = new NetworkApp();
    const vpc1 = vpc(app, "Vpc1", "10.1.0.0/16");
    const vpc2 = vpc(app, "Vpc2", "10.2.0.0/16");
    const vpc3 = vpc(app, "Vpc3", "10.3.0.0/16");
    const p12 = vpc1.peerWith("P12", vpc2);
    p12.routeBothWays();
    vpc1.peerWith("P13", vpc3).routeBothWays();
    vpc2.addRoute("ToVpc3ViaVpc1", { destinationCidr: "10.3.0.0/16", nextHop: p12 });
    expect(hits(app, "HL-PEER-012", true)).toEqual(["Vpc2/MainRouteTable/ToVpc3ViaVpc1#destinationCidr"]);
  });

  it("warns for a route wider than the peer's CIDR", () => {
    const app = new NetworkApp();
    const a = vpc(app, "A", "10.0.0.0/16");
    const peering = a.peerWith("Peer", vpc(app, "B", "10.1.0.0/16"));
    a.addRoute("Wide", { destinationCidr: "10.0.0.0/8", nextHop: peering });
    expect(hits(app, "HL-PEER-012")).toEqual(["A/MainRouteTable/Wide"]);
  });

  it("passes for routes to the peer's CIDR or a part of it", () => {
    const app = new NetworkApp();
    const a = vpc(app, "A", "10.0.0.0/16");
    const peering = a.peerWith("Peer", vpc(app, "B", "10.1.0.0/16"));
    peering.routeBothWays();
    a.addRoute("Part", { destinationCidr: "10.1.5.0/24", nextHop: peering });
    expect(hits(app, "HL-PEER-012")).toEqual([]);
  });
});

describe("HL-PEER-013: Only the peered VPCs route through a peering", () => {
  it("fails for a third VPC's route via the peering", () => {
    const app = new NetworkApp();
    const a = vpc(app, "A", "10.0.0.0/16");
    const peering = a.peerWith("Peer", vpc(app, "B", "10.1.0.0/16"));
    peering.routeBothWays();
    vpc(app, "C", "10.2.0.0/16").addRoute("Borrowed", { destinationCidr: "10.1.0.0/16", nextHop: peering });
    expect(hits(app, "HL-PEER-013", true)).toEqual(["C/MainRouteTable/Borrowed#nextHop"]);
    expect(hits(app, "HL-PEER-012")).toEqual([]);
  });

  it("passes for routes in either end's tables", () => {
    const app = new NetworkApp();
    vpc(app, "A", "10.0.0.0/16").peerWith("Peer", vpc(app, "B", "10.1.0.0/16")).routeBothWays();
    expect(hits(app, "HL-PEER-013")).toEqual([]);
  });
});
