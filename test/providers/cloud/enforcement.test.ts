import * as fs from "fs";
import * as path from "path";
import { CloudEngine } from "../../../providers/cloud";
import type { ProfileName } from "../../../lib/core/profiles";
import { ACCOUNT_A, ACCOUNT_B, connectionParams, grantTickets, refusal, snapshotStore, tempDir, World } from "./helpers";

/**
 * The engine refuses what the rules refuse, with the cloud's error code, and a
 * refused request changes nothing (the whole store file is compared).
 */
interface Case {
  readonly name: string;
  readonly code: string;
  readonly profile?: ProfileName;
  /** Builds what the request needs and returns the request that must be refused. */
  readonly refused: (w: World, b: World) => () => unknown;
  /** Text the message must contain (what to change). */
  readonly says?: string;
}

const gatewayRoute = (w: World, vpnGateway: string, nextHop: string, extra: object = {}) => () =>
  w.request("CreateVpnGatewayRoute", { vpnGateway, destinationCidr: "192.168.0.0/16", nextHop, publishToVpc: true, enabled: true, ...extra });

function vpnWorld(w: World) {
  const v = w.vpc(["10.0.0.0/16"]);
  const gw = w.gateway(v.vpc);
  const site = w.site(["192.168.0.0/16"]);
  const dev = w.device("203.0.113.10", site);
  return { ...v, gw, site, dev };
}

const peer = (w: World, requesterVpc: string, accepterVpc: string, extra: object = {}) =>
  w.request("CreateVpcPeeringConnection", { name: "p", requesterVpc, accepterVpc, accepterAccount: w.account, ...extra });

const CASES: Case[] = [
  // Addressing
  { name: "a CIDR that is not one", code: "InvalidParameterValue.Cidr", refused: (w) => () => w.vpc(["10.0.0.0/33"]) },
  { name: "a CIDR with host bits set (suggests the block)", code: "InvalidParameterValue.Cidr", says: "use '10.0.0.0/16'", refused: (w) => () => w.vpc(["10.0.0.1/16"]) },
  { name: "a region the profile does not have", code: "InvalidParameterValue.Region", says: "ap-guangzhou", refused: (w) => () => w.vpc(["10.0.0.0/16"], "cn-hangzhou") },
  { name: "a VPC whose own CIDRs overlap", code: "InvalidParameterValue.CidrOverlap", refused: (w) => () => w.vpc(["10.0.0.0/16", "10.0.128.0/17"]) },
  {
    name: "a subnet outside its VPC",
    code: "InvalidParameterValue.SubnetRange",
    refused: (w) => {
      const v = w.vpc(["10.0.0.0/16"]);
      return () => w.subnet(v.vpc, v.table, "10.1.0.0/24");
    },
  },
  {
    name: "a subnet inside another subnet",
    code: "InvalidParameterValue.SubnetConflict",
    refused: (w) => {
      const v = w.vpc(["10.0.0.0/16"]);
      w.subnet(v.vpc, v.table, "10.0.0.0/24");
      w.subnet(v.vpc, v.table, "10.0.2.0/24");
      return () => w.subnet(v.vpc, v.table, "10.0.2.128/25");
    },
  },
  {
    name: "a subnet containing another subnet",
    code: "InvalidParameterValue.SubnetConflict",
    refused: (w) => {
      const v = w.vpc(["10.0.0.0/16"]);
      w.subnet(v.vpc, v.table, "10.0.5.0/24");
      return () => w.subnet(v.vpc, v.table, "10.0.4.0/22");
    },
  },
  {
    name: "a subnet with another VPC's route table",
    code: "InvalidParameterValue.RouteTableNotInVpc",
    refused: (w) => {
      const v1 = w.vpc(["10.0.0.0/16"]);
      const v2 = w.vpc(["10.1.0.0/16"]);
      return () => w.subnet(v1.vpc, v2.table, "10.0.1.0/24");
    },
  },
  {
    name: "a second main route table",
    code: "InvalidParameterValue.MainRouteTableExists",
    refused: (w) => {
      const v = w.vpc(["10.0.0.0/16"]);
      return () => w.request("CreateRouteTable", { name: "again", vpc: v.vpc, main: true });
    },
  },
  {
    name: "a second route to one destination in a table",
    code: "InvalidParameterValue.RouteConflict",
    refused: (w) => {
      const v1 = w.vpc(["10.0.0.0/16"]);
      const v2 = w.vpc(["10.1.0.0/16"]);
      const p = peer(w, v1.vpc, v2.vpc).id;
      const route = () => w.request("CreateRoute", { routeTable: v1.table, destinationCidr: "10.1.0.0/16", nextHopType: "PEERING", nextHop: p, enabled: true });
      route();
      return route;
    },
  },
  {
    name: "a route through a peering of other VPCs",
    code: "InvalidParameterValue.NextHopMismatch",
    refused: (w) => {
      const v1 = w.vpc(["10.0.0.0/16"]);
      const v2 = w.vpc(["10.1.0.0/16"]);
      const v3 = w.vpc(["10.2.0.0/16"]);
      const p23 = peer(w, v2.vpc, v3.vpc).id;
      return () => w.request("CreateRoute", { routeTable: v1.table, destinationCidr: "10.2.0.0/16", nextHopType: "PEERING", nextHop: p23, enabled: true });
    },
  },
  {
    name: "a route to another VPC's VPN gateway",
    code: "InvalidParameterValue.NextHopMismatch",
    refused: (w) => {
      const v1 = w.vpc(["10.0.0.0/16"]);
      const v2 = w.vpc(["10.1.0.0/16"]);
      const gw = w.gateway(v2.vpc);
      return () => w.request("CreateRoute", { routeTable: v1.table, destinationCidr: "192.168.0.0/16", nextHopType: "VPN_GATEWAY", nextHop: gw, enabled: true });
    },
  },
  {
    name: "a route via a CCN the VPC is not attached to",
    code: "InvalidParameterValue.NextHopMismatch",
    says: "CreateCcnAttachment",
    refused: (w) => {
      const v1 = w.vpc(["10.0.0.0/16"]);
      const v2 = w.vpc(["10.1.0.0/16"]);
      const ccn = w.request("CreateCcn", { name: "c" }).id;
      w.request("CreateCcnAttachment", { ccn, instanceType: "VPC", instance: v2.vpc, region: "ap-guangzhou" });
      return () => w.request("CreateRoute", { routeTable: v1.table, destinationCidr: "10.1.0.0/16", nextHopType: "CCN", nextHop: ccn, enabled: true });
    },
  },
  // VPN (seeds 000, 001)
  { name: "a CCN-type gateway on alibaba", code: "UnsupportedOperation.VpnGatewayType", profile: "alibaba", refused: (w) => () => w.gateway(undefined, "cn-hangzhou", "CCN") },
  {
    name: "any VPN gateway on ccb",
    code: "UnsupportedOperation.VpnGatewayType",
    profile: "ccb",
    refused: (w) => {
      const v = w.vpc(["10.0.0.0/16"], "wuhan");
      return () => w.gateway(v.vpc, "wuhan");
    },
  },
  {
    name: "an IPsec connection on a gateway with IPsec-VPN disabled",
    code: "UnsupportedOperation.IpsecVpnDisabled",
    refused: (w) => {
      const v = w.vpc(["10.0.0.0/16"]);
      const gw = w.request("CreateVpnGateway", { name: "ssl-only", region: "ap-guangzhou", type: "VPC", vpc: v.vpc, bandwidthMbps: 5, ipsecEnabled: false, sslEnabled: true, sslConnections: 5 }).id as string;
      const dev = w.device("203.0.113.10", w.site(["192.168.0.0/16"]));
      return () => w.connection(gw, dev);
    },
  },
  {
    name: "a gateway outside its VPC's region",
    code: "InvalidParameterValue.RegionMismatch",
    refused: (w) => {
      const v = w.vpc(["10.0.0.0/16"]);
      return () => w.gateway(v.vpc, "ap-beijing");
    },
  },
  {
    name: "a gateway bandwidth not in the profile's set",
    code: "InvalidParameterValue.Bandwidth",
    says: "5, 10, 20, 50, 100, 200, 500, 1000",
    refused: (w) => {
      const v = w.vpc(["10.0.0.0/16"]);
      return () => w.request("CreateVpnGateway", { name: "g", region: "ap-guangzhou", type: "VPC", vpc: v.vpc, bandwidthMbps: 30, ipsecEnabled: true, sslEnabled: false });
    },
  },
  { name: "a VPC-type gateway without a VPC", code: "MissingParameter", refused: (w) => () => w.gateway(undefined) },
  {
    name: "a CCN-type gateway with a VPC",
    code: "InvalidParameterCombination",
    refused: (w) => {
      const v = w.vpc(["10.0.0.0/16"]);
      return () => w.gateway(v.vpc, "ap-guangzhou", "CCN");
    },
  },
  {
    name: "SSL connections without SSL-VPN",
    code: "InvalidParameterCombination",
    refused: (w) => {
      const v = w.vpc(["10.0.0.0/16"]);
      return () =>
        w.request("CreateVpnGateway", { name: "g", region: "ap-guangzhou", type: "VPC", vpc: v.vpc, bandwidthMbps: 100, ipsecEnabled: true, sslEnabled: false, sslConnections: 5 });
    },
  },
  ...["192.168.1.1", "172.16.0.1", "10.1.1.1", "100.64.0.1", "127.0.0.1", "169.254.1.1", "224.0.0.5", "255.255.255.255", "0.1.2.3"].map(
    (ip): Case => ({ name: `a customer gateway at ${ip}`, code: "InvalidParameterValue.CustomerGatewayIp", refused: (w) => () => w.device(ip) }),
  ),
  {
    name: "a customer gateway at 203.0.113.7 after one at 198.18.0.1 (documentation and benchmarking blocks are accepted)",
    code: "InvalidParameterValue.Duplicate",
    refused: (w) => {
      w.device("198.18.0.1");
      w.device("203.0.113.7");
      return () => w.device("203.0.113.7");
    },
  },
  {
    name: "two customer gateways at one address",
    code: "InvalidParameterValue.Duplicate",
    refused: (w) => {
      w.device("198.51.100.7");
      return () => w.device("198.51.100.7");
    },
  },
  {
    name: "a pre-shared key with a space (the message does not echo it)",
    code: "InvalidParameterValue.PreSharedKey",
    refused: (w) => {
      const x = vpnWorld(w);
      return () => w.connection(x.gw, x.dev, { preSharedKey: "secret with spaces" });
    },
  },
  {
    name: "an IKE version the profile does not speak",
    code: "InvalidParameterValue.IkeConfig",
    says: "IKEV1, IKEV2",
    refused: (w) => {
      const x = vpnWorld(w);
      const base = connectionParams(x.gw, x.dev);
      return () => w.request("CreateVpnConnection", { ...base, ike: { ...(base.ike as object), version: "IKEV3" } });
    },
  },
  {
    name: "an IPsec lifetime out of range",
    code: "InvalidParameterValue.IpsecConfig",
    refused: (w) => {
      const x = vpnWorld(w);
      const base = connectionParams(x.gw, x.dev);
      return () => w.request("CreateVpnConnection", { ...base, ipsec: { ...(base.ipsec as object), lifetimeSeconds: 10 } });
    },
  },
  {
    name: "a health-check interval out of range",
    code: "InvalidParameterValue.HealthCheck",
    says: "1000–5000",
    refused: (w) => {
      const x = vpnWorld(w);
      return () => w.connection(x.gw, x.dev, { healthCheck: { enabled: true, localIp: "10.0.0.5", remoteIp: "192.168.0.5", intervalMs: 500, retries: 3 } });
    },
  },
  {
    name: "health-check probes from outside the cloud side",
    code: "InvalidParameterValue.HealthCheck",
    refused: (w) => {
      const x = vpnWorld(w);
      return () => w.connection(x.gw, x.dev, { healthCheck: { enabled: true, localIp: "192.168.0.9", remoteIp: "192.168.0.5", intervalMs: 2000, retries: 3 } });
    },
  },
  {
    name: "an IDC overlapping the VPC",
    code: "InvalidParameterValue.CidrOverlap",
    refused: (w) => {
      const v = w.vpc(["10.0.0.0/16"]);
      const gw = w.gateway(v.vpc);
      const dev = w.device("203.0.113.10", w.site(["10.0.128.0/24"]));
      return () => w.connection(gw, dev, { spdPolicies: [{ localCidrs: ["10.0.0.0/24"], remoteCidrs: ["10.0.128.0/24"] }] });
    },
  },
  {
    name: "an SPD local CIDR outside the VPC",
    code: "InvalidParameterValue.SpdPolicy",
    refused: (w) => {
      const x = vpnWorld(w);
      return () => w.connection(x.gw, x.dev, { spdPolicies: [{ localCidrs: ["10.9.0.0/16"], remoteCidrs: ["192.168.0.0/16"] }] });
    },
  },
  {
    name: "an SPD connection without policies",
    code: "InvalidParameterValue.SpdPolicy",
    refused: (w) => {
      const x = vpnWorld(w);
      return () => w.connection(x.gw, x.dev, { spdPolicies: [] });
    },
  },
  {
    name: "a connection naming another VPC than its gateway's",
    code: "InvalidParameterValue.VpcMismatch",
    refused: (w) => {
      const x = vpnWorld(w);
      const other = w.vpc(["10.5.0.0/16"]);
      return () => w.connection(x.gw, x.dev, { vpc: other.vpc });
    },
  },
  {
    name: "a gateway default route",
    code: "InvalidParameterValue.DestinationCidr",
    refused: (w) => {
      const x = vpnWorld(w);
      const c = w.connection(x.gw, x.dev, { routeType: "ROUTE", spdPolicies: [] });
      return gatewayRoute(w, x.gw, c, { destinationCidr: "0.0.0.0/0" });
    },
  },
  {
    name: "a gateway route through another gateway's connection",
    code: "InvalidParameterValue.NextHopMismatch",
    refused: (w) => {
      const x = vpnWorld(w);
      const c = w.connection(x.gw, x.dev);
      const other = w.gateway(undefined, "ap-guangzhou", "CCN");
      return gatewayRoute(w, other, c);
    },
  },
  {
    name: "alibaba's weight on tencent",
    code: "InvalidParameterCombination",
    says: "priority",
    refused: (w) => {
      const x = vpnWorld(w);
      return gatewayRoute(w, x.gw, w.connection(x.gw, x.dev), { weight: 100 });
    },
  },
  {
    name: "a priority outside {0, 100}",
    code: "InvalidParameterValue.RoutePreference",
    refused: (w) => {
      const x = vpnWorld(w);
      return gatewayRoute(w, x.gw, w.connection(x.gw, x.dev), { priority: 50 });
    },
  },
  {
    name: "two routes to one destination with one priority",
    code: "InvalidParameterValue.RoutePreferenceConflict",
    refused: (w) => {
      const x = vpnWorld(w);
      const c1 = w.connection(x.gw, x.dev);
      const c2 = w.connection(x.gw, w.device("203.0.113.11", x.site));
      gatewayRoute(w, x.gw, c1, { priority: 0 })();
      return gatewayRoute(w, x.gw, c2, { priority: 0 });
    },
  },
  // Peering (seeds 003, 004)
  {
    name: "peering overlapping VPCs (containment counts)",
    code: "InvalidParameterValue.CidrOverlap",
    refused: (w) => {
      const v1 = w.vpc(["10.0.0.0/16"]);
      const v2 = w.vpc(["172.16.0.0/16", "10.0.1.0/24"]);
      return () => peer(w, v1.vpc, v2.vpc);
    },
  },
  {
    name: "peering in ap-shanghai-fsi",
    code: "UnsupportedOperation.PeeringRegion",
    refused: (w) => {
      const v1 = w.vpc(["10.0.0.0/16"], "ap-shanghai-fsi");
      const v2 = w.vpc(["10.1.0.0/16"], "ap-shanghai-fsi");
      return () => peer(w, v1.vpc, v2.vpc);
    },
  },
  {
    name: "an eleventh peering of one VPC (both sides count)",
    code: "LimitExceeded.VpcPeeringPerVpc",
    refused: (w) => {
      const hub = w.vpc(["10.0.0.0/16"]);
      for (let i = 1; i <= 10; i++) {
        const spoke = w.vpc([`10.${i}.0.0/16`]);
        if (i % 2) peer(w, hub.vpc, spoke.vpc);
        else peer(w, spoke.vpc, hub.vpc);
      }
      const extra = w.vpc(["10.11.0.0/16"]);
      return () => peer(w, extra.vpc, hub.vpc);
    },
  },
  {
    name: "cross-region peering without a bandwidth cap",
    code: "MissingParameter",
    refused: (w) => {
      const v1 = w.vpc(["10.0.0.0/16"]);
      const v2 = w.vpc(["10.1.0.0/16"], "ap-beijing");
      return () => peer(w, v1.vpc, v2.vpc);
    },
  },
  {
    name: "cross-region bandwidth above 10 Gbps",
    code: "InvalidParameterValue.Bandwidth",
    refused: (w) => {
      const v1 = w.vpc(["10.0.0.0/16"]);
      const v2 = w.vpc(["10.1.0.0/16"], "ap-beijing");
      return () => peer(w, v1.vpc, v2.vpc, { bandwidthMbps: 10001 });
    },
  },
  {
    name: "a bandwidth cap on same-region peering",
    code: "InvalidParameterValue.Bandwidth",
    refused: (w) => {
      const v1 = w.vpc(["10.0.0.0/16"]);
      const v2 = w.vpc(["10.1.0.0/16"]);
      return () => peer(w, v1.vpc, v2.vpc, { bandwidthMbps: 100 });
    },
  },
  {
    name: "cross-border peering without approval",
    code: "UnsupportedOperation.CrossBorderApprovalRequired",
    refused: (w) => {
      const v1 = w.vpc(["10.0.0.0/16"]);
      const v2 = w.vpc(["10.1.0.0/16"], "ap-hongkong");
      return () => peer(w, v1.vpc, v2.vpc, { bandwidthMbps: 100 });
    },
  },
  {
    name: "peering two Hong Kong VPCs without approval (a non-mainland end is enough)",
    code: "UnsupportedOperation.CrossBorderApprovalRequired",
    refused: (w) => {
      const v1 = w.vpc(["10.0.0.0/16"], "ap-hongkong");
      const v2 = w.vpc(["10.1.0.0/16"], "ap-hongkong");
      return () => peer(w, v1.vpc, v2.vpc, { crossBorderApproval: " " });
    },
  },
  {
    name: "cross-region: two peers of one VPC overlapping each other",
    code: "InvalidParameterValue.CidrOverlap",
    says: "peers of one VPC",
    refused: (w) => {
      const hub = w.vpc(["10.0.0.0/16"]);
      const v2 = w.vpc(["10.1.0.0/16"], "ap-beijing");
      const v3 = w.vpc(["10.1.0.0/24"], "ap-shanghai");
      peer(w, hub.vpc, v2.vpc, { bandwidthMbps: 100 });
      return () => peer(w, hub.vpc, v3.vpc, { bandwidthMbps: 100 });
    },
  },
  {
    name: "an accepter VPC that is not in the accepter account",
    code: "ResourceNotFound",
    refused: (w, b) => {
      const v1 = w.vpc(["10.0.0.0/16"]);
      const v2 = b.vpc(["10.1.0.0/16"]);
      return () => w.request("CreateVpcPeeringConnection", { name: "p", requesterVpc: v1.vpc, accepterVpc: v2.vpc, accepterAccount: "999" });
    },
  },
  {
    name: "a bandwidth cap on ccb's same-region peering (seed 004: 带宽无上限，不可修改)",
    code: "InvalidParameterValue.Bandwidth",
    profile: "ccb",
    refused: (w, b) => {
      const v1 = w.vpc(["192.168.1.0/24"], "wuhan");
      const v2 = b.vpc(["10.0.1.0/24"], "wuhan");
      return () => w.request("CreateVpcPeeringConnection", { name: "p", requesterVpc: v1.vpc, accepterVpc: v2.vpc, accepterAccount: ACCOUNT_B, bandwidthMbps: 5 });
    },
  },
  // CCN (seed 000)
  {
    name: "attaching a VPC-type gateway to a CCN",
    code: "UnsupportedOperation.VpnGatewayNotCcnType",
    refused: (w) => {
      const v = w.vpc(["10.0.0.0/16"]);
      const gw = w.gateway(v.vpc);
      const ccn = w.request("CreateCcn", { name: "c" }).id;
      return () => w.request("CreateCcnAttachment", { ccn, instanceType: "VPN_GATEWAY", instance: gw, region: "ap-guangzhou" });
    },
  },
  {
    name: "attaching one instance to two CCNs",
    code: "UnsupportedOperation.InstanceAlreadyAttached",
    refused: (w) => {
      const v = w.vpc(["10.0.0.0/16"]);
      const c1 = w.request("CreateCcn", { name: "c1" }).id;
      const c2 = w.request("CreateCcn", { name: "c2" }).id;
      w.request("CreateCcnAttachment", { ccn: c1, instanceType: "VPC", instance: v.vpc, region: "ap-guangzhou" });
      return () => w.request("CreateCcnAttachment", { ccn: c2, instanceType: "VPC", instance: v.vpc, region: "ap-guangzhou" });
    },
  },
  {
    name: "an attachment in another region than its instance",
    code: "InvalidParameterValue.RegionMismatch",
    refused: (w) => {
      const v = w.vpc(["10.0.0.0/16"]);
      const ccn = w.request("CreateCcn", { name: "c" }).id;
      return () => w.request("CreateCcnAttachment", { ccn, instanceType: "VPC", instance: v.vpc, region: "ap-beijing" });
    },
  },
];

describe("the engine refuses what the rules refuse, and a refusal changes nothing", () => {
  const dir = tempDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each(CASES.map((c, i) => [c.name, c, i] as const))("fails on %s", (_name, c, i) => {
    const file = path.join(dir, `case-${i}.db`);
    const engine = grantTickets(CloudEngine.open({ path: file, profile: c.profile ?? "tencent" }), [ACCOUNT_A, ACCOUNT_B]);
    try {
      const call = c.refused(new World(engine, ACCOUNT_A), new World(engine, ACCOUNT_B));
      const before = snapshotStore(file);
      const err = refusal(call);
      expect(err.code).toBe(c.code);
      expect(err.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(err.action).toMatch(/^Create/);
      if (c.says) expect(err.message).toContain(c.says);
      expect(err.message).not.toContain("secret with spaces");
      expect(snapshotStore(file)).toEqual(before);
    } finally {
      engine.close();
    }
  });
});
