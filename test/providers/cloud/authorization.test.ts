import { CloudEngine } from "../../../providers/cloud";
import { ACCOUNT_A, ACCOUNT_B, ACCOUNT_C, as, asOperator, memoryEngine, refusal, storeDigest, World } from "./helpers";

const PSK = "Very-Secret-Key-42";
const DEVICE_PSK = "Device-Only-Key-7";

/** Account A owns one of every type; B is the accepter of A's cross-account peering. */
function everything(engine: CloudEngine) {
  const a = new World(engine, ACCOUNT_A);
  const b = new World(engine, ACCOUNT_B);
  const v = a.vpc(["10.0.0.0/16"]);
  const subnet = a.subnet(v.vpc, v.table, "10.0.1.0/24");
  const gw = a.gateway(v.vpc);
  const site = a.site(["192.168.0.0/16"]);
  const dev = a.device("203.0.113.10", site);
  const conn = a.connection(gw, dev, { preSharedKey: PSK, customerDevice: { preSharedKey: DEVICE_PSK } });
  const gwRoute = a.request("CreateVpnGatewayRoute", { vpnGateway: gw, destinationCidr: "192.168.0.0/16", nextHop: conn, priority: 0, publishToVpc: true, enabled: true }).id as string;
  const route = a.request("CreateRoute", { routeTable: v.table, destinationCidr: "192.168.0.0/16", nextHopType: "VPN_GATEWAY", nextHop: gw, enabled: true }).id as string;
  const ccn = a.request("CreateCcn", { name: "ccn" }).id as string;
  const dcg = a.request("CreateDirectConnectGateway", { name: "dc", region: "ap-guangzhou", onPremPrefixes: ["172.20.0.0/16"] }).id as string;
  const att = a.request("CreateCcnAttachment", { ccn, instanceType: "DIRECT_CONNECT_GATEWAY", instance: dcg, region: "ap-guangzhou" }).id as string;
  const vb = b.vpc(["10.1.0.0/16"]);
  const peering = a.request("CreateVpcPeeringConnection", { name: "ab", requesterVpc: v.vpc, accepterVpc: vb.vpc, accepterAccount: ACCOUNT_B }).id as string;
  const ids = { Vpc: v.vpc, Subnet: subnet, RouteTable: v.table, Route: route, VpnGateway: gw, CustomerGateway: dev, VpnConnection: conn, VpnGatewayRoute: gwRoute, Ccn: ccn, CcnAttachment: att, DirectConnectGateway: dcg, PeeringConnection: peering, IdcSite: site };
  return { a, b, v, vb, ids, conn, dev, site, gw, ccn, peering };
}

describe("account isolation", () => {
  const engine = memoryEngine();
  const w = everything(engine);
  const c = new World(engine, ACCOUNT_C);
  const cVpc = c.vpc(["10.9.0.0/16"]);
  const cCcn = c.request("CreateCcn", { name: "c" }).id;

  /** What a third account sends to each action, aimed at A's resources. */
  const attempts: Record<string, object> = {
    CreateVpc: { name: "x", region: "ap-guangzhou", cidrs: ["10.50.0.0/16"] },
    CreateSubnet: { name: "x", vpc: w.ids.Vpc, cidr: "10.0.9.0/24", routeTable: w.ids.RouteTable },
    CreateRouteTable: { name: "x", vpc: w.ids.Vpc, main: false },
    CreateRoute: { routeTable: w.ids.RouteTable, destinationCidr: "10.77.0.0/16", nextHopType: "CCN", nextHop: w.ids.Ccn, enabled: true },
    CreateVpnGateway: { name: "x", region: "ap-guangzhou", type: "VPC", vpc: w.ids.Vpc, bandwidthMbps: 5, ipsecEnabled: true, sslEnabled: false },
    CreateCustomerGateway: { name: "x", ipAddress: "198.51.100.99", site: w.ids.IdcSite },
    CreateVpnConnection: { name: "x", vpnGateway: w.ids.VpnGateway, customerGateway: w.ids.CustomerGateway },
    CreateVpnGatewayRoute: { vpnGateway: w.ids.VpnGateway, destinationCidr: "192.168.9.0/24", nextHop: w.ids.VpnConnection, publishToVpc: false, enabled: true },
    CreateCcn: { name: "x" },
    CreateCcnAttachment: { ccn: cCcn, instanceType: "VPC", instance: w.ids.Vpc, region: "ap-guangzhou" },
    CreateDirectConnectGateway: { name: "x", region: "ap-guangzhou", onPremPrefixes: ["172.30.0.0/16"] },
    CreateVpcPeeringConnection: { name: "x", requesterVpc: w.ids.Vpc, accepterVpc: cVpc.vpc, accepterAccount: ACCOUNT_C },
    CreateIdcSite: { name: "x", cidrs: ["172.31.0.0/16"] },
    AcceptVpcPeeringConnection: { id: w.peering },
    RejectVpcPeeringConnection: { id: w.peering },
    EnableVpcPeeringConnection: { id: w.peering },
    FailCustomerGateway: { id: w.dev },
    RecoverCustomerGateway: { id: w.dev },
    FailIdcSite: { id: w.site },
    RecoverIdcSite: { id: w.site },
    FailVpnConnection: { id: w.conn },
    RecoverVpnConnection: { id: w.conn },
    RecordVpcPeeringTraffic: { peering: w.peering, samples: [{ outMbps: 1, inMbps: 1 }] },
    DescribeVpcPeeringTraffic: { peering: w.peering },
    DownloadCustomerGatewayConfiguration: { id: w.conn },
    DescribeCcnRoutes: { ccn: w.ids.Ccn },
    // Moves everyone's clock (and so expires others' pending peerings): a simulator verb.
    AdvanceClock: { duration: "8d" },
    // Tickets are granted by the cloud's support (the operator), never by an account itself.
    GrantAccountFeature: { feature: "peering-bandwidth-above-cap", ticket: "self-granted" },
    RevokeAccountFeature: { feature: "vpn-route-table" },
  };
  // The seed-003 …Ex actions are refused exactly as the actions they wrap.
  for (const base of ["Create", "Accept", "Reject", "Delete", "Modify", "Enable"].map((op) => `${op}VpcPeeringConnection`)) {
    attempts[`${base}Ex`] = attempts[base] ?? (base.startsWith("Modify") ? { id: w.peering, name: "stolen" } : { id: w.peering });
  }
  /** Actions that concern no one account's resources. */
  const global = new Set(["DescribeClock", "CreateVpc", "CreateCcn", "CreateDirectConnectGateway", "CreateIdcSite", "Trace", "DescribeReachability", "DescribeAccountFeatures"]);

  const cases: Array<[string, object]> = [];
  for (const action of engine.actionNames()) {
    if (global.has(action)) continue;
    const type = Object.entries(w.ids).find(([t]) => action.endsWith(t) || action.endsWith(`${t}s`) || action.endsWith(`${t}Attribute`));
    if (attempts[action]) cases.push([action, attempts[action]]);
    else if (action.startsWith("Describe")) cases.push([action, { ids: [typeId(action, w.ids)] }]);
    else if (action.startsWith("Modify")) cases.push([action, { id: typeId(action, w.ids), name: "stolen" }]);
    else if (action.startsWith("Delete")) cases.push([action, { id: typeId(action, w.ids) }]);
    else cases.push([action, { missingCase: type }]);
  }

  test("every action is covered", () => {
    expect(cases.filter(([, p]) => "missingCase" in p).map(([a]) => a)).toEqual([]);
    expect(cases.length + [...global].filter((g) => engine.actionNames().includes(g)).length).toBe(engine.actionNames().length);
  });

  const operatorOnly = new Set(engine.operatorActionNames());

  test.each(cases)("a third account is refused %s, and nothing in the store changes", (action, params) => {
    const before = storeDigest(engine);
    const err = refusal(() => engine.request(action, params, as(ACCOUNT_C)));
    // A simulator verb is nobody's to call; anything else on A's resources looks, to C, like nothing there.
    if (operatorOnly.has(action)) expect(err.code).toBe("UnauthorizedOperation.OperatorOnly");
    else {
      expect(err.code).toBe("ResourceNotFound");
      expect(err.message).toContain(ACCOUNT_C);
    }
    expect(storeDigest(engine)).toBe(before);
  });

  test("the simulator verbs (clock, faults, traffic) are refused to every account, even the owner, and work for the operator", () => {
    expect([...operatorOnly]).toEqual(expect.arrayContaining(["AdvanceClock", "FailCustomerGateway", "RecoverIdcSite", "RecordVpcPeeringTraffic"]));
    const before = storeDigest(engine);
    for (const account of [ACCOUNT_A, ACCOUNT_B, "999999999999"]) {
      const err = refusal(() => engine.request("AdvanceClock", { duration: "8d" }, as(account)));
      expect(err.code).toBe("UnauthorizedOperation.OperatorOnly");
      expect(err.message).toContain("hybridlink clock advance".split(" ")[0]);
      expect(refusal(() => engine.request("FailCustomerGateway", { id: w.dev }, as(account))).code).toBe("UnauthorizedOperation.OperatorOnly");
    }
    expect(storeDigest(engine)).toBe(before);
    expect(engine.request("AdvanceClock", { duration: "1s" }, asOperator(ACCOUNT_A)).elapsedSeconds).toBeGreaterThan(0);
  });

  test("a third account's listings hold none of A's resources", () => {
    for (const action of engine.actionNames().filter((n) => n.startsWith("Describe") && n !== "DescribeClock" && n !== "DescribeReachability")) {
      const items = engine.request(action, {}, as(ACCOUNT_C)).items as Array<{ account: string }>;
      expect(items.every((i) => i.account === ACCOUNT_C)).toBe(true);
    }
  });
});

describe("the accepter of a peering (seed 003)", () => {
  test("sees, accepts and deletes the peering, but cannot touch the requester's VPC", () => {
    const engine = memoryEngine();
    const w = everything(engine);
    expect(w.b.request("DescribeVpcPeeringConnections", { ids: [w.peering] }).totalCount).toBe(1);
    expect(w.b.request("AcceptVpcPeeringConnection", { id: w.peering }).state).toBe("ACTIVE");
    expect(refusal(() => w.b.request("ModifyVpcAttribute", { id: w.v.vpc, name: "mine" })).code).toBe("ResourceNotFound");
    expect(refusal(() => w.b.request("DeleteVpc", { id: w.v.vpc })).code).toBe("ResourceNotFound");
    expect(refusal(() => w.b.request("DescribeVpcs", { ids: [w.v.vpc] })).code).toBe("ResourceNotFound");
    expect(refusal(() => w.b.subnet(w.v.vpc, w.v.table, "10.0.200.0/24")).code).toBe("ResourceNotFound");
    expect(refusal(() => w.b.request("ModifyVpcPeeringConnection", { id: w.peering, name: "x" })).code).toBe("UnauthorizedOperation");
    // The accepter routes its own table through the peering it does not own.
    w.b.request("CreateRoute", { routeTable: w.vb.table, destinationCidr: "10.0.0.0/16", nextHopType: "PEERING", nextHop: w.peering, enabled: true });
    w.b.request("DeleteVpcPeeringConnection", { id: w.peering });
    expect(w.a.request("DescribeVpcPeeringConnections", {}).totalCount).toBe(0);
  });
});

describe("peering traffic (seed 003: either side measures, the requester pays)", () => {
  test("the accepter records and reads the traffic of the peering it accepted; the requester reads it too", () => {
    const engine = memoryEngine();
    const w = everything(engine);
    expect(refusal(() => w.b.request("RecordVpcPeeringTraffic", { peering: w.peering, samples: [{ outMbps: 1, inMbps: 2 }] })).code).toBe(
      "UnsupportedOperation.PeeringNotActive",
    );
    w.b.request("AcceptVpcPeeringConnection", { id: w.peering });
    expect(w.b.request("RecordVpcPeeringTraffic", { peering: w.peering, samples: [{ outMbps: 1, inMbps: 2 }] })).toMatchObject({ recorded: 1 });
    const seen = (world: World) => world.request("DescribeVpcPeeringTraffic", {}).items;
    expect(seen(w.a)).toEqual([expect.objectContaining({ peering: w.peering, requesterAccount: ACCOUNT_A, recordedBy: ACCOUNT_B, outMbps: 1, inMbps: 2 })]);
    expect(seen(w.b)).toEqual(seen(w.a));
    expect(seen(new World(engine, ACCOUNT_C))).toEqual([]);
  });
});

describe("pre-shared keys", () => {
  test("are never returned by any Describe, nor by the default configuration download", () => {
    const engine = memoryEngine();
    const w = everything(engine);
    const outputs = engine
      .actionNames()
      .filter((n) => n.startsWith("Describe") && n !== "DescribeReachability")
      .map((n) => JSON.stringify(engine.request(n, {}, as(ACCOUNT_A))));
    outputs.push(JSON.stringify(engine.request("DownloadCustomerGatewayConfiguration", { id: w.conn }, as(ACCOUNT_A))));
    outputs.push(JSON.stringify(engine.request("DownloadCustomerGatewayConfiguration", { id: w.conn, format: "swanctl" }, as(ACCOUNT_A))));
    outputs.push(JSON.stringify(engine.request("ModifyVpnConnectionAttribute", { id: w.conn, name: "t2" }, as(ACCOUNT_A))));
    for (const out of outputs) {
      expect(out).not.toContain(PSK);
      expect(out).not.toContain(DEVICE_PSK);
      expect(out).not.toContain(Buffer.from(PSK).toString("hex"));
    }
    const conn = JSON.parse(outputs[engine.actionNames().filter((n) => n.startsWith("Describe") && n !== "DescribeReachability").indexOf("DescribeVpnConnections")]).items[0];
    expect(conn).not.toHaveProperty("preSharedKey");
    expect(conn.customerDevice).toEqual({});
  });

  test("are not echoed by errors about them", () => {
    const engine = memoryEngine();
    const w = everything(engine);
    const err = refusal(() => engine.request("ModifyVpnConnectionAttribute", { id: w.conn, preSharedKey: "has space secret" }, as(ACCOUNT_A)));
    expect(err.code).toBe("InvalidParameterValue.PreSharedKey");
    expect(err.message).not.toContain("has space secret");
    const typed = refusal(() => engine.request("ModifyVpnConnectionAttribute", { id: w.conn, preSharedKey: 12345678 }, as(ACCOUNT_A)));
    expect(typed.code).toBe("InvalidParameter");
    expect(typed.message).not.toContain("12345678");
  });
});

function typeId(action: string, ids: Record<string, string>): string {
  const noun = action.replace(/^(Describe|Modify|Delete)/, "").replace(/Attribute$/, "").replace(/s$/, "");
  const type = noun === "VpcPeeringConnection" ? "PeeringConnection" : noun;
  const id = ids[type];
  if (!id) throw new Error(`no resource for ${action}`);
  return id;
}

describe("refusals reveal nothing about another account's resources", () => {
  const engine = memoryEngine();
  const b = new World(engine, ACCOUNT_B);
  const c = new World(engine, ACCOUNT_C);
  const victim = b.vpc(["10.1.0.0/16"], "ap-guangzhou", "victim");
  const far = b.vpc(["10.7.0.0/16"], "ap-beijing", "far");
  b.request("CreateVpcPeeringConnection", { name: "b-own", requesterVpc: victim.vpc, accepterVpc: far.vpc, accepterAccount: ACCOUNT_B, bandwidthMbps: 100 });

  test("an overlapping peering request names the stranger's VPC but not its blocks", () => {
    const mine = c.vpc(["10.1.128.0/17"], "ap-guangzhou", "probe");
    const err = refusal(() => c.request("CreateVpcPeeringConnection", { name: "probe", requesterVpc: mine.vpc, accepterVpc: victim.vpc, accepterAccount: ACCOUNT_B }));
    expect(err.code).toBe("InvalidParameterValue.CidrOverlap");
    expect(err.message).toContain("10.1.128.0/17");
    expect(err.message).not.toContain("10.1.0.0/16");
    expect(err.message).toContain("another account's; its address blocks are not shown");
  });

  test("the stranger's VPC's own peers stay hidden when one of them overlaps", () => {
    const mine = c.vpc(["10.7.1.0/24"], "ap-shanghai", "probe2");
    const err = refusal(() => c.request("CreateVpcPeeringConnection", { name: "probe2", requesterVpc: mine.vpc, accepterVpc: victim.vpc, accepterAccount: ACCOUNT_B, bandwidthMbps: 100 }));
    expect(err.code).toBe("InvalidParameterValue.CidrOverlap");
    expect(err.message).toContain("already has a peer that overlaps");
    expect(err.message).not.toContain(far.vpc);
    expect(err.message).not.toContain("10.7.0.0/16");
  });

  test("no ownership oracle: a VPC of another account and one that does not exist are refused alike", () => {
    const mine = c.vpc(["172.16.0.0/16"], "ap-guangzhou", "probe3");
    const request = (accepterVpc: string, accepterAccount: string) =>
      refusal(() => c.request("CreateVpcPeeringConnection", { name: "probe3", requesterVpc: mine.vpc, accepterVpc, accepterAccount }));
    const wrongOwner = request(victim.vpc, ACCOUNT_A);
    const missing = request("vpc-7fffffff", ACCOUNT_A);
    expect(wrongOwner.code).toBe(missing.code);
    expect(wrongOwner.message.replace(victim.vpc, "<id>")).toBe(missing.message.replace("vpc-7fffffff", "<id>"));
  });
});
