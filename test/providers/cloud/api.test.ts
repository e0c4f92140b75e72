import * as fs from "fs";
import * as path from "path";
import { ACTIONS_BY_TYPE, CloudEngine } from "../../../providers/cloud";
import { RESOURCE_TYPES } from "../../../lib/core/manifest";
import { ACCOUNT_A, ACCOUNT_B, as, memoryEngine, refusal, tempDir, World } from "./helpers";

describe("the request envelope", () => {
  const engine = memoryEngine();
  const w = new World(engine);

  test("an unknown action is InvalidAction and lists the real ones", () => {
    const err = refusal(() => engine.request("CreateVpcs", {}, as(ACCOUNT_A)));
    expect(err.code).toBe("InvalidAction");
    expect(err.action).toBe("CreateVpcs");
    expect(err.message).toContain("CreateVpc,");
  });

  test("a request without an account is AuthFailure", () => {
    expect(refusal(() => engine.request("DescribeVpcs", {}, { account: "" })).code).toBe("AuthFailure");
    expect(refusal(() => engine.request("DescribeVpcs", {}, undefined as never)).code).toBe("AuthFailure");
  });

  test.each([
    ["a missing parameter", { name: "v", region: "ap-guangzhou" }, "MissingParameter", "'cidrs'"],
    ["an ill-typed parameter", { name: "v", region: "ap-guangzhou", cidrs: "10.0.0.0/16" }, "InvalidParameter", 'received "10.0.0.0/16"'],
    ["an unknown parameter", { name: "v", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"], cidr: "x" }, "UnknownParameter", "'cidr'"],
    ["parameters that are not an object", ["x"], "InvalidParameter", "JSON object"],
  ])("%s is refused with its code", (_what, params, code, says) => {
    const err = refusal(() => engine.request("CreateVpc", params as object, as(ACCOUNT_A)));
    expect(err.code).toBe(code);
    expect(err.message).toContain(says);
  });

  test("an ID of the wrong type names both types", () => {
    const { vpc } = w.vpc(["10.0.0.0/16"]);
    const err = refusal(() => w.request("CreateSubnet", { name: "s", vpc, cidr: "10.0.1.0/24", routeTable: vpc }));
    expect(err.code).toBe("InvalidParameterValue.MalformedId");
    expect(err.message).toContain("Route table ID (rtb-…)");
    expect(err.message).toContain("which is a VPC ID");
  });

  test("every low-level type has its four actions, and they exist", () => {
    const names = new Set(engine.actionNames());
    for (const type of RESOURCE_TYPES) {
      for (const action of Object.values(ACTIONS_BY_TYPE[type])) expect(names.has(action)).toBe(true);
    }
    expect(ACTIONS_BY_TYPE.PeeringConnection).toEqual({
      create: "CreateVpcPeeringConnection",
      describe: "DescribeVpcPeeringConnections",
      modify: "ModifyVpcPeeringConnection",
      delete: "DeleteVpcPeeringConnection",
    });
  });
});

describe("IDs", () => {
  test("are cloud-style, per-type counters, deterministic, and never reused after a delete (across reopen)", () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, "ids.db");
      let engine = CloudEngine.open({ path: file });
      const w = new World(engine);
      expect(w.vpc(["10.0.0.0/16"])).toEqual({ vpc: "vpc-00000001", table: "rtb-00000001" });
      const second = w.vpc(["10.1.0.0/16"]);
      expect(second.vpc).toBe("vpc-00000002");
      w.request("DeleteRouteTable", { id: second.table });
      w.request("DeleteVpc", { id: second.vpc });
      engine.close();
      engine = CloudEngine.open({ path: file });
      expect(new World(engine).vpc(["10.2.0.0/16"]).vpc).toBe("vpc-00000003");
      engine.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("Create and Describe", () => {
  test("Create returns the Describe item: spec, id, account, state, attributes, engine time", () => {
    const engine = memoryEngine();
    const w = new World(engine);
    const { vpc } = w.vpc(["10.0.0.0/16"]);
    const gw = w.request("CreateVpnGateway", { name: "gw", region: "ap-guangzhou", type: "VPC", vpc, bandwidthMbps: 100, ipsecEnabled: true, sslEnabled: false });
    expect(gw).toEqual({
      id: "vpngw-00000001",
      account: ACCOUNT_A,
      name: "gw",
      region: "ap-guangzhou",
      type: "VPC",
      vpc,
      bandwidthMbps: 100,
      ipsecEnabled: true,
      sslEnabled: false,
      publicIp: "101.33.0.1",
      state: "PENDING",
      createdAt: "2025-01-01T00:00:00.000Z",
      availableAt: "2025-01-01T00:01:47.000Z",
    });
    expect(w.request("DescribeVpnGateways", { ids: [gw.id] }).items).toEqual([gw]);
  });

  test("a VPN gateway becomes AVAILABLE after its own provisioning delay (seed 001: 1–5 minutes), not before", () => {
    const engine = memoryEngine();
    const w = new World(engine);
    const gw = w.gateway(w.vpc(["10.0.0.0/16"]).vpc);
    // vpngw-00000001's delay is 107 s: the spread is deterministic per ID.
    w.request("AdvanceClock", { seconds: 106 });
    expect((w.request("DescribeVpnGateways", { ids: [gw] }).items as Array<{ state: string }>)[0].state).toBe("PENDING");
    const advanced = w.request("AdvanceClock", { duration: "1s" });
    expect(advanced.transitions).toEqual([{ id: gw, type: "VpnGateway", from: "PENDING", to: "AVAILABLE", at: "2025-01-01T00:01:47.000Z" }]);
    const item = (w.request("DescribeVpnGateways", { ids: [gw] }).items as Array<Record<string, unknown>>)[0];
    expect(item.state).toBe("AVAILABLE");
    expect(item).not.toHaveProperty("availableAt");
  });

  test("Describe filters by field, by list of values, and refuses unknown filters naming the known ones", () => {
    const engine = memoryEngine();
    const w = new World(engine);
    const v1 = w.vpc(["10.0.0.0/16"]);
    const v2 = w.vpc(["10.1.0.0/16"], "ap-beijing");
    const s1 = w.subnet(v1.vpc, v1.table, "10.0.1.0/24");
    const s2 = w.subnet(v2.vpc, v2.table, "10.1.1.0/24");
    const ids = (params: object) => (w.request("DescribeSubnets", params).items as Array<{ id: string }>).map((i) => i.id);
    expect(ids({ filters: { vpc: v1.vpc } })).toEqual([s1]);
    expect(ids({ filters: { vpc: [v1.vpc, v2.vpc] } })).toEqual([s1, s2]);
    expect(ids({ filters: { region: "ap-beijing" } })).toEqual([s2]);
    expect(ids({ ids: [s2, s1] })).toEqual([s1, s2]);
    const err = refusal(() => w.request("DescribeSubnets", { filters: { colour: "red" } }));
    expect(err.code).toBe("InvalidParameterValue.Filter");
    expect(err.message).toContain("cidr");
    expect(refusal(() => w.request("DescribeSubnets", { ids: ["subnet-0000zzzz"] })).code).toBe("ResourceNotFound");
  });

  test("routes filter by their table's VPC and by next hop", () => {
    const engine = memoryEngine();
    const w = new World(engine);
    const v1 = w.vpc(["10.0.0.0/16"]);
    const v2 = w.vpc(["10.1.0.0/16"]);
    const ccn = w.request("CreateCcn", { name: "c" }).id;
    for (const v of [v1, v2]) w.request("CreateCcnAttachment", { ccn, instanceType: "VPC", instance: v.vpc, region: "ap-guangzhou" });
    const r1 = w.request("CreateRoute", { routeTable: v1.table, destinationCidr: "10.9.0.0/16", nextHopType: "CCN", nextHop: ccn, enabled: true });
    const r2 = w.request("CreateRoute", { routeTable: v2.table, destinationCidr: "10.9.0.0/16", nextHopType: "CCN", nextHop: ccn, enabled: false });
    expect(r1.vpc).toBe(v1.vpc);
    const ids = (filters: object) => (w.request("DescribeRoutes", { filters }).items as Array<{ id: string }>).map((i) => i.id);
    expect(ids({ vpc: v2.vpc })).toEqual([r2.id]);
    expect(ids({ nextHop: ccn })).toEqual([r1.id, r2.id]);
    expect(ids({ enabled: true })).toEqual([r1.id]);
  });

  test("peerings filter by either end's VPC and by state", () => {
    const engine = memoryEngine();
    const a = new World(engine);
    const b = new World(engine, ACCOUNT_B);
    const v1 = a.vpc(["10.0.0.0/16"]);
    const v2 = a.vpc(["10.1.0.0/16"]);
    const vb = b.vpc(["10.2.0.0/16"]);
    const active = a.request("CreateVpcPeeringConnection", { name: "12", requesterVpc: v1.vpc, accepterVpc: v2.vpc, accepterAccount: ACCOUNT_A }).id;
    const pending = a.request("CreateVpcPeeringConnection", { name: "1b", requesterVpc: v1.vpc, accepterVpc: vb.vpc, accepterAccount: ACCOUNT_B }).id;
    const ids = (filters: object) => (a.request("DescribeVpcPeeringConnections", { filters }).items as Array<{ id: string }>).map((i) => i.id);
    expect(ids({ vpc: v2.vpc })).toEqual([active]);
    expect(ids({ vpc: v1.vpc })).toEqual([active, pending]);
    expect(ids({ state: "PENDING" })).toEqual([pending]);
  });
});

describe("Modify", () => {
  test("changes mutable fields, accepts unchanged immutable ones, and refuses changed ones as replacement", () => {
    const engine = memoryEngine();
    const w = new World(engine);
    const v = w.vpc(["10.0.0.0/16"]);
    expect(w.request("ModifyVpcAttribute", { id: v.vpc, name: "renamed", cidrs: ["10.0.0.0/16"], region: "ap-guangzhou" }).name).toBe("renamed");
    const err = refusal(() => w.request("ModifyVpcAttribute", { id: v.vpc, cidrs: ["10.0.0.0/8"] }));
    expect(err.code).toBe("UnsupportedOperation.ReplacementRequired");
    expect(err.message).toContain("'cidrs'");
    expect((w.request("DescribeVpcs", {}).items as Array<{ cidrs: string[] }>)[0].cidrs).toEqual(["10.0.0.0/16"]);
    expect(refusal(() => w.request("ModifyVpcAttribute", { id: v.vpc, colour: "red" })).code).toBe("UnknownParameter");
  });

  test("moves a subnet to another table of its VPC only, keeping dependency checks right", () => {
    const engine = memoryEngine();
    const w = new World(engine);
    const v = w.vpc(["10.0.0.0/16"]);
    const other = w.request("CreateRouteTable", { name: "other", vpc: v.vpc, main: false }).id as string;
    const subnet = w.subnet(v.vpc, v.table, "10.0.1.0/24");
    w.request("ModifySubnetAttribute", { id: subnet, routeTable: other });
    expect(refusal(() => w.request("DeleteRouteTable", { id: other })).code).toBe("ResourceInUse");
    w.request("DeleteRouteTable", { id: v.table });
    const foreign = w.vpc(["10.1.0.0/16"]);
    expect(refusal(() => w.request("ModifySubnetAttribute", { id: subnet, routeTable: foreign.table })).code).toBe("InvalidParameterValue.RouteTableNotInVpc");
  });

  test("re-checks what it changes: gateway bandwidth and route preference", () => {
    const engine = memoryEngine();
    const w = new World(engine);
    const v = w.vpc(["10.0.0.0/16"]);
    const gw = w.gateway(v.vpc);
    expect(refusal(() => w.request("ModifyVpnGatewayAttribute", { id: gw, bandwidthMbps: 7 })).code).toBe("InvalidParameterValue.Bandwidth");
    expect(w.request("ModifyVpnGatewayAttribute", { id: gw, bandwidthMbps: 200 }).bandwidthMbps).toBe(200);
    const site = w.site(["192.168.0.0/16"]);
    const c1 = w.connection(gw, w.device("203.0.113.1", site));
    const c2 = w.connection(gw, w.device("203.0.113.2", site));
    const route = (nextHop: string, priority: number) =>
      w.request("CreateVpnGatewayRoute", { vpnGateway: gw, destinationCidr: "192.168.0.0/16", nextHop, priority, publishToVpc: true, enabled: true }).id;
    route(c1, 0);
    const standby = route(c2, 100);
    expect(refusal(() => w.request("ModifyVpnGatewayRouteAttribute", { id: standby, priority: 0 })).code).toBe("InvalidParameterValue.RoutePreferenceConflict");
    expect(w.request("ModifyVpnGatewayRouteAttribute", { id: standby, enabled: false }).enabled).toBe(false);
  });
});

describe("peering bandwidth (seed 003)", () => {
  test("a cross-region cap can be modified within 1–10,000 Mbps; a same-region peering takes none", () => {
    const engine = memoryEngine();
    const w = new World(engine);
    const v1 = w.vpc(["10.0.0.0/16"]);
    const v2 = w.vpc(["10.1.0.0/16"], "ap-beijing");
    const v3 = w.vpc(["10.2.0.0/16"]);
    const cross = w.request("CreateVpcPeeringConnection", { name: "x", requesterVpc: v1.vpc, accepterVpc: v2.vpc, accepterAccount: ACCOUNT_A, bandwidthMbps: 100 });
    expect(cross).toMatchObject({ crossRegion: true, requesterRegion: "ap-guangzhou", accepterRegion: "ap-beijing", bandwidthMbps: 100 });
    expect(w.request("ModifyVpcPeeringConnection", { id: cross.id, bandwidthMbps: 10000 }).bandwidthMbps).toBe(10000);
    expect(refusal(() => w.request("ModifyVpcPeeringConnection", { id: cross.id, bandwidthMbps: 0 })).code).toBe("InvalidParameterValue.Bandwidth");
    const same = w.request("CreateVpcPeeringConnection", { name: "s", requesterVpc: v1.vpc, accepterVpc: v3.vpc, accepterAccount: ACCOUNT_A });
    expect(refusal(() => w.request("ModifyVpcPeeringConnection", { id: same.id, bandwidthMbps: 100 })).code).toBe("InvalidParameterValue.Bandwidth");
  });
});

describe("Delete", () => {
  test("refuses while others depend on the resource, naming them; a route table takes its routes along", () => {
    const engine = memoryEngine();
    const w = new World(engine);
    const v = w.vpc(["10.0.0.0/16"]);
    const subnet = w.subnet(v.vpc, v.table, "10.0.1.0/24");
    const ccn = w.request("CreateCcn", { name: "c" }).id as string;
    const attachment = w.request("CreateCcnAttachment", { ccn, instanceType: "VPC", instance: v.vpc, region: "ap-guangzhou" }).id as string;
    const route = w.request("CreateRoute", { routeTable: v.table, destinationCidr: "10.9.0.0/16", nextHopType: "CCN", nextHop: ccn, enabled: true }).id;
    const inUse = refusal(() => w.request("DeleteVpc", { id: v.vpc }));
    expect(inUse.code).toBe("ResourceInUse");
    expect(inUse.message).toContain(subnet);
    expect(inUse.message).toContain(v.table);
    expect(inUse.message).toContain(attachment);
    const ccnInUse = refusal(() => w.request("DeleteCcn", { id: ccn })).message;
    expect(ccnInUse).toContain(String(route));
    expect(ccnInUse).toContain(attachment);
    expect(refusal(() => w.request("DeleteRouteTable", { id: v.table })).message).toContain(subnet);
    w.request("DeleteSubnet", { id: subnet });
    w.request("DeleteRouteTable", { id: v.table });
    expect(w.request("DescribeRoutes", {}).totalCount).toBe(0);
    w.request("DeleteCcnAttachment", { id: attachment });
    w.request("DeleteVpc", { id: v.vpc });
    w.request("DeleteCcn", { id: ccn });
    expect(w.request("DescribeVpcs", {}).totalCount).toBe(0);
  });

  test("refuses VPN resources still in use: device by its tunnel, gateway by its tunnels, tunnel by its routes", () => {
    const engine = memoryEngine();
    const w = new World(engine);
    const { vpc, table } = w.vpc(["10.0.0.0/16"]);
    const gw = w.gateway(vpc);
    const site = w.site(["192.168.0.0/16"]);
    const dev = w.device("203.0.113.1", site);
    const conn = w.connection(gw, dev);
    const gwRoute = w.request("CreateVpnGatewayRoute", { vpnGateway: gw, destinationCidr: "192.168.0.0/16", nextHop: conn, publishToVpc: false, enabled: true }).id as string;
    const vpcRoute = w.request("CreateRoute", { routeTable: table, destinationCidr: "192.168.0.0/16", nextHopType: "VPN_GATEWAY", nextHop: gw, enabled: true }).id as string;
    expect(refusal(() => w.request("DeleteIdcSite", { id: site })).message).toContain(dev);
    expect(refusal(() => w.request("DeleteCustomerGateway", { id: dev })).message).toContain(conn);
    expect(refusal(() => w.request("DeleteVpnConnection", { id: conn })).message).toContain(gwRoute);
    const gwInUse = refusal(() => w.request("DeleteVpnGateway", { id: gw }));
    expect(gwInUse.code).toBe("ResourceInUse");
    for (const id of [conn, gwRoute, vpcRoute]) expect(gwInUse.message).toContain(id);
    for (const [action, id] of [["DeleteRoute", vpcRoute], ["DeleteVpnGatewayRoute", gwRoute], ["DeleteVpnConnection", conn], ["DeleteVpnGateway", gw], ["DeleteCustomerGateway", dev], ["DeleteIdcSite", site]]) {
      w.request(action, { id });
    }
    expect(w.request("DescribeVpnGateways", {}).totalCount).toBe(0);
  });

  test("of something already gone is ResourceNotFound", () => {
    const engine = memoryEngine();
    const w = new World(engine);
    const { vpc, table } = w.vpc(["10.0.0.0/16"]);
    w.request("DeleteRouteTable", { id: table });
    w.request("DeleteVpc", { id: vpc });
    expect(refusal(() => w.request("DeleteVpc", { id: vpc })).code).toBe("ResourceNotFound");
  });
});

describe("client tokens (idempotency)", () => {
  const params = { name: "v", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] };

  test("a retried create returns the first resource instead of creating again", () => {
    const engine = memoryEngine();
    const first = engine.request("CreateVpc", params, as(ACCOUNT_A, "tok-1"));
    const retry = engine.request("CreateVpc", { cidrs: ["10.0.0.0/16"], region: "ap-guangzhou", name: "v" }, as(ACCOUNT_A, "tok-1"));
    expect(retry).toEqual(first);
    expect(engine.request("DescribeVpcs", {}, as(ACCOUNT_A)).totalCount).toBe(1);
  });

  test("the same token with other parameters, or for another action, is IdempotentParameterMismatch and creates nothing", () => {
    const engine = memoryEngine();
    const vpc = engine.request("CreateVpc", params, as(ACCOUNT_A, "tok-1"));
    expect(refusal(() => engine.request("CreateVpc", { ...params, name: "w" }, as(ACCOUNT_A, "tok-1"))).code).toBe("IdempotentParameterMismatch");
    expect(refusal(() => engine.request("CreateCcn", { name: "c" }, as(ACCOUNT_A, "tok-1"))).code).toBe("IdempotentParameterMismatch");
    expect(engine.request("DescribeVpcs", {}, as(ACCOUNT_A)).items).toEqual([vpc]);
    expect(engine.request("DescribeCcns", {}, as(ACCOUNT_A)).totalCount).toBe(0);
  });

  test("tokens are per account, and a refused create does not use its token up", () => {
    const engine = memoryEngine();
    engine.request("CreateVpc", params, as(ACCOUNT_A, "tok-1"));
    expect(engine.request("CreateVpc", params, as(ACCOUNT_B, "tok-1")).account).toBe(ACCOUNT_B);
    expect(refusal(() => engine.request("CreateVpc", { ...params, cidrs: ["bad"] }, as(ACCOUNT_A, "tok-2"))).code).toBe("InvalidParameterValue.Cidr");
    expect(engine.request("CreateVpc", { ...params, cidrs: ["10.5.0.0/16"] }, as(ACCOUNT_A, "tok-2")).cidrs).toEqual(["10.5.0.0/16"]);
  });

  test("a retry after a restart still finds the first resource", () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, "tokens.db");
      let engine = CloudEngine.open({ path: file });
      const first = engine.request("CreateVpc", params, as(ACCOUNT_A, "tok-1"));
      engine.close();
      engine = CloudEngine.open({ path: file });
      expect(engine.request("CreateVpc", params, as(ACCOUNT_A, "tok-1")).id).toBe(first.id);
      expect(engine.request("DescribeVpcs", {}, as(ACCOUNT_A)).totalCount).toBe(1);
      engine.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
