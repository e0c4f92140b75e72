import { CloudEngine } from "../../../providers/cloud";
import { ACCOUNT_A, ACCOUNT_B, ACCOUNT_C, as, memoryEngine, refusal, World } from "./helpers";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function pairsOf(result: Json): Record<string, string> {
  return Object.fromEntries((result.pairs as Json[]).map((p) => [`${p.from}>${p.to}`, p.verdict]));
}

describe("DescribeReachability and Trace through the engine (lib/net over live state)", () => {
  test("P1 (seeds 003/004): 1↔2 and 1↔3 reachable, 2↛3 because peering is not transitive", () => {
    const engine = memoryEngine();
    const w = new World(engine);
    const v1 = w.vpc(["10.0.0.0/16"], "ap-guangzhou", "vpc1");
    const v2 = w.vpc(["10.1.0.0/16"], "ap-guangzhou", "vpc2");
    const v3 = w.vpc(["10.2.0.0/16"], "ap-guangzhou", "vpc3");
    const peer = (a: string, b: string) => w.request("CreateVpcPeeringConnection", { name: "p", requesterVpc: a, accepterVpc: b, accepterAccount: ACCOUNT_A }).id;
    const route = (table: string, destinationCidr: string, nextHop: unknown) =>
      w.request("CreateRoute", { routeTable: table, destinationCidr, nextHopType: "PEERING", nextHop, enabled: true });
    const p12 = peer(v1.vpc, v2.vpc);
    const p13 = peer(v1.vpc, v3.vpc);
    route(v1.table, "10.1.0.0/16", p12);
    route(v2.table, "10.0.0.0/16", p12);
    route(v1.table, "10.2.0.0/16", p13);
    route(v3.table, "10.0.0.0/16", p13);
    // VPC2 even routes VPC3's block towards VPC1: still no transit.
    route(v2.table, "10.2.0.0/16", p12);

    const matrix = w.request("DescribeReachability", { endpoints: [v1.vpc, v2.vpc, v3.vpc] });
    expect(pairsOf(matrix)).toEqual({
      [`${v1.vpc}>${v2.vpc}`]: "REACHABLE",
      [`${v1.vpc}>${v3.vpc}`]: "REACHABLE",
      [`${v2.vpc}>${v1.vpc}`]: "REACHABLE",
      [`${v2.vpc}>${v3.vpc}`]: "UNREACHABLE",
      [`${v3.vpc}>${v1.vpc}`]: "REACHABLE",
      [`${v3.vpc}>${v2.vpc}`]: "UNREACHABLE",
    });
    const t = w.request("Trace", { source: "10.1.0.5", destination: "10.2.0.5" }).trace as Json;
    expect(t.verdict).toBe("NON_TRANSITIVE");
  });

  test("P2 (seed 004): routes on one side only is ONE_WAY naming the missing route; adding it makes it reachable", () => {
    const engine = CloudEngine.open({ path: ":memory:", profile: "ccb" });
    const w = new World(engine);
    const a = w.vpc(["192.168.1.0/24"], "wuhan", "vpc1");
    const b = w.vpc(["10.0.1.0/24"], "wuhan", "vpc2");
    const p = w.request("CreateVpcPeeringConnection", { name: "PeerConn", requesterVpc: a.vpc, accepterVpc: b.vpc, accepterAccount: ACCOUNT_A }).id;
    w.request("CreateRoute", { routeTable: a.table, destinationCidr: "10.0.1.0/24", nextHopType: "PEERING", nextHop: p, enabled: true });
    const pair = w.request("DescribeReachability", { from: a.vpc, to: b.vpc }).pair as Json;
    expect(pair.verdict).toBe("ONE_WAY");
    expect(pair.missingRoute).toMatchObject({ tableId: b.table, destinationCidr: "192.168.1.0/24" });
    w.request("CreateRoute", { routeTable: b.table, destinationCidr: "192.168.1.0/24", nextHopType: "PEERING", nextHop: p, enabled: true });
    expect((w.request("DescribeReachability", { from: a.vpc, to: b.vpc }).pair as Json).verdict).toBe("REACHABLE");
  });

  test("P3 (seed 003): cross-account traffic waits for acceptance, and stops when the peering is deleted", () => {
    const engine = memoryEngine();
    const a = new World(engine, ACCOUNT_A);
    const b = new World(engine, ACCOUNT_B);
    const va = a.vpc(["10.0.0.0/16"]);
    const vb = b.vpc(["10.1.0.0/16"], "ap-beijing");
    const p = a.request("CreateVpcPeeringConnection", { name: "x", requesterVpc: va.vpc, accepterVpc: vb.vpc, accepterAccount: ACCOUNT_B, bandwidthMbps: 100 }).id;
    a.request("CreateRoute", { routeTable: va.table, destinationCidr: "10.1.0.0/16", nextHopType: "PEERING", nextHop: p, enabled: true });
    b.request("CreateRoute", { routeTable: vb.table, destinationCidr: "10.0.0.0/16", nextHopType: "PEERING", nextHop: p, enabled: true });
    const verdict = () => (a.request("Trace", { source: "10.0.0.9", destination: "10.1.0.9" }).trace as Json).verdict;
    expect(verdict()).toBe("PEERING_NOT_ACTIVE");
    b.request("AcceptVpcPeeringConnection", { id: p });
    expect(verdict()).toBe("DELIVERED");
    expect((b.request("DescribeReachability", { from: vb.vpc, to: va.vpc }).pair as Json).verdict).toBe("REACHABLE");
    b.request("DeleteVpcPeeringConnection", { id: p });
    // With the peering gone A's routes through it are gone, and B's VPC is no longer in A's view at all.
    expect(a.request("DescribeRoutes", {}).totalCount).toBe(0);
    expect(verdict()).toBe("UNKNOWN_ENDPOINT");
  });

  describe("HA with two customer gateways (seed 001): failover follows health-check detection on the engine clock", () => {
    function ha(healthCheck: boolean) {
      const engine = CloudEngine.open({ path: ":memory:", profile: "alibaba" });
      const w = new World(engine);
      const { vpc, table } = w.vpc(["10.0.0.0/16"], "cn-hangzhou");
      w.subnet(vpc, table, "10.0.1.0/24");
      const gw = w.gateway(vpc, "cn-hangzhou");
      const site = w.site(["192.168.0.0/16"]);
      const ike = { version: "ikev2", encryption: "aes256", integrity: "sha256", dhGroup: "group14", lifetimeSeconds: 86400, exchangeMode: "main" };
      const ipsec = { encryption: "aes256", integrity: "sha256", pfsDhGroup: "group14", lifetimeSeconds: 86400 };
      const hc = (n: number) => (healthCheck ? { healthCheck: { enabled: true, localIp: "10.0.1.10", remoteIp: `192.168.0.${n}`, intervalMs: 3000, retries: 3 } } : {});
      const dev1 = w.device("203.0.113.1", site);
      const dev2 = w.device("203.0.113.2", site);
      // Destination routes (route-based), not SPD: policy matches would win over the routes.
      const c1 = w.connection(gw, dev1, { ike, ipsec, routeType: "ROUTE", spdPolicies: [], ...hc(1) });
      const c2 = w.connection(gw, dev2, { ike, ipsec, routeType: "ROUTE", spdPolicies: [], ...hc(2) });
      for (const [nextHop, weight] of [[c1, 100], [c2, 0]] as const) {
        w.request("CreateVpnGatewayRoute", { vpnGateway: gw, destinationCidr: "192.168.0.0/16", nextHop, weight, publishToVpc: true, enabled: true });
      }
      w.request("AdvanceClock", { duration: "5m" });
      const tunnelOf = () => {
        const t = w.request("Trace", { source: "10.0.1.20", destination: "192.168.5.5" }).trace as Json;
        const used = (t.hops as Json[]).find((h) => h.at.kind === "VPN_CONNECTION")?.at.id;
        return { verdict: t.verdict as string, used };
      };
      return { w, dev1, c1, c2, tunnelOf };
    }

    test("with health checks: via CGW-1; CGW-1 fails → lost until detected (9 s) → via CGW-2; recovery fails back", () => {
      const { w, dev1, c1, c2, tunnelOf } = ha(true);
      expect(tunnelOf()).toEqual({ verdict: "DELIVERED", used: c1 });
      w.request("FailCustomerGateway", { id: dev1 });
      expect(tunnelOf().verdict).toBe("TUNNEL_DOWN");
      w.request("AdvanceClock", { duration: "9s" });
      expect(tunnelOf()).toEqual({ verdict: "DELIVERED", used: c2 });
      w.request("RecoverCustomerGateway", { id: dev1 });
      expect(tunnelOf()).toEqual({ verdict: "DELIVERED", used: c2 });
      w.request("AdvanceClock", { duration: "9s" });
      expect(tunnelOf()).toEqual({ verdict: "DELIVERED", used: c1 });
    });

    test("one tunnel failed (FailVpnConnection): the same failover, its device stays up, and the trace names the failed tunnel", () => {
      const { w, dev1, c1, c2, tunnelOf } = ha(true);
      w.request("FailVpnConnection", { id: c1 });
      const lost = w.request("Trace", { source: "10.0.1.20", destination: "192.168.5.5" }).trace as Json;
      expect(lost.verdict).toBe("TUNNEL_DOWN");
      expect(JSON.stringify(lost)).toContain("the tunnel itself is down");
      expect((w.request("DescribeCustomerGateways", { ids: [dev1] }).items as Json[])[0].deviceState).toBe("UP");
      w.request("AdvanceClock", { duration: "8999ms" });
      expect(tunnelOf().verdict).toBe("TUNNEL_DOWN");
      w.request("AdvanceClock", { duration: "1ms" });
      expect(tunnelOf()).toEqual({ verdict: "DELIVERED", used: c2 });
      w.request("RecoverVpnConnection", { id: c1 });
      expect(tunnelOf()).toEqual({ verdict: "DELIVERED", used: c2 });
      w.request("AdvanceClock", { duration: "9s" });
      expect(tunnelOf()).toEqual({ verdict: "DELIVERED", used: c1 });
    });

    test("without health checks: the route never moves and traffic is blackholed", () => {
      const { w, dev1, tunnelOf } = ha(false);
      w.request("FailCustomerGateway", { id: dev1 });
      w.request("AdvanceClock", { duration: "1h" });
      expect(tunnelOf().verdict).toBe("TUNNEL_DOWN");
    });
  });

  test("an account analyses only its own networks and its peers'", () => {
    const engine = memoryEngine();
    const a = new World(engine, ACCOUNT_A);
    const c = new World(engine, ACCOUNT_C);
    const va = a.vpc(["10.0.0.0/16"]);
    c.vpc(["10.5.0.0/16"]);
    expect((c.request("Trace", { source: "10.0.0.5", destination: "10.5.0.5" }).trace as Json).verdict).toBe("UNKNOWN_ENDPOINT");
    const endpoints = (c.request("DescribeReachability", {}).endpoints as Json[]).map((e) => e.id);
    expect(endpoints).not.toContain(va.vpc);
    expect(refusal(() => c.request("DescribeReachability", { from: va.vpc, to: "10.5.0.5" })).code).toBe("InvalidParameterValue.UnknownEndpoint");
  });

  test("bad requests get cloud errors", () => {
    const engine = memoryEngine();
    const w = new World(engine);
    w.vpc(["10.0.0.0/16"]);
    expect(refusal(() => w.request("Trace", { source: "10.0.0.999", destination: "10.0.0.1" })).code).toMatch(/^InvalidParameterValue\./);
    expect(refusal(() => w.request("DescribeReachability", { from: "vpc-00000001" })).code).toBe("InvalidParameterCombination");
    expect(refusal(() => engine.request("Trace", { source: "10.0.0.1" }, as(ACCOUNT_A))).code).toBe("MissingParameter");
  });
});
