import { ResourceType } from "../../../lib/core/manifest";
import { findProfile } from "../../../lib/core/profiles";
import type { CloudEngine } from "../../../providers/cloud";
import { JsonObject } from "../../../providers/dynamic";
import { grantTickets } from "../cloud/helpers";

/** The requester account of the fixture world. */
export const ACCOUNT_A = "100000000001";
/** The accepter account of its cross-account peering. */
export const ACCOUNT_B = "200000000002";
/** The pre-shared key of its VPN connection (a test value, never a real key). */
export const TEST_PSK = "Fixture-PSK-0001";

const tencent = findProfile("tencent");

/** One resource of the fixture world: its inputs with `$name` placeholders for the cloud IDs of earlier ones. */
export interface WorldResource {
  readonly name: string;
  readonly type: ResourceType;
  readonly inputs: JsonObject;
}

/**
 * A small tencent world with one valid resource of every low-level type, in
 * creation order: a VPC with its table, subnet and routes, an IDC and its
 * device, a VPN gateway, connection and gateway route, a cross-account
 * peering, a CCN with a direct-connect gateway attached.
 */
export const WORLD: readonly WorldResource[] = [
  { name: "vpc", type: "Vpc", inputs: { name: "vpc-a", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"], account: ACCOUNT_A } },
  { name: "table", type: "RouteTable", inputs: { name: "main", vpc: "$vpc", main: true, account: ACCOUNT_A } },
  { name: "subnet", type: "Subnet", inputs: { name: "app", vpc: "$vpc", cidr: "10.0.1.0/24", routeTable: "$table", account: ACCOUNT_A } },
  { name: "site", type: "IdcSite", inputs: { name: "idc", cidrs: ["192.168.0.0/16"], account: ACCOUNT_A } },
  { name: "device", type: "CustomerGateway", inputs: { name: "device-1", ipAddress: "203.0.113.10", site: "$site", account: ACCOUNT_A } },
  {
    name: "gateway",
    type: "VpnGateway",
    inputs: { name: "gw", region: "ap-guangzhou", type: "VPC", vpc: "$vpc", bandwidthMbps: 100, ipsecEnabled: true, sslEnabled: false, account: ACCOUNT_A },
  },
  {
    name: "connection",
    type: "VpnConnection",
    inputs: {
      name: "tunnel-1",
      vpnGateway: "$gateway",
      customerGateway: "$device",
      vpc: "$vpc",
      preSharedKey: TEST_PSK,
      routeType: "ROUTE",
      spdPolicies: [],
      ike: { ...tencent.ipsec.defaults.ike },
      ipsec: { ...tencent.ipsec.defaults.ipsec },
      healthCheck: { enabled: true, localIp: "10.0.1.10", remoteIp: "192.168.0.10", intervalMs: 2000, retries: 3 },
      account: ACCOUNT_A,
    },
  },
  {
    name: "gatewayRoute",
    type: "VpnGatewayRoute",
    inputs: { vpnGateway: "$gateway", destinationCidr: "192.168.0.0/16", nextHop: "$connection", priority: 0, publishToVpc: true, enabled: true, account: ACCOUNT_A },
  },
  {
    name: "route",
    type: "Route",
    inputs: { routeTable: "$table", destinationCidr: "192.168.0.0/16", nextHopType: "VPN_GATEWAY", nextHop: "$gateway", enabled: true, account: ACCOUNT_A },
  },
  { name: "peerVpc", type: "Vpc", inputs: { name: "vpc-b", region: "ap-guangzhou", cidrs: ["10.1.0.0/16"], account: ACCOUNT_B } },
  {
    name: "peering",
    type: "PeeringConnection",
    inputs: { name: "a-b", requesterVpc: "$vpc", accepterVpc: "$peerVpc", accepterAccount: ACCOUNT_B, account: ACCOUNT_A },
  },
  { name: "ccn", type: "Ccn", inputs: { name: "backbone", account: ACCOUNT_A } },
  { name: "dc", type: "DirectConnectGateway", inputs: { name: "dc", region: "ap-guangzhou", onPremPrefixes: ["172.16.0.0/16"], account: ACCOUNT_A } },
  {
    name: "attachment",
    type: "CcnAttachment",
    inputs: { ccn: "$ccn", instanceType: "DIRECT_CONNECT_GATEWAY", instance: "$dc", region: "ap-guangzhou", account: ACCOUNT_A },
  },
];

/** The inputs with `$name` placeholders replaced by the IDs in `ids`. */
export function resolveInputs(inputs: JsonObject, ids: Readonly<Record<string, string>>): JsonObject {
  const resolve = (v: unknown): unknown => {
    if (typeof v === "string" && v.startsWith("$")) {
      const id = ids[v.slice(1)];
      if (!id) throw new Error(`fixture: '${v}' is not created yet`);
      return id;
    }
    if (Array.isArray(v)) return v.map(resolve);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)]));
    return v;
  };
  return resolve(inputs) as JsonObject;
}

/** The fixture resource of that name. */
export function worldResource(name: string): WorldResource {
  const r = WORLD.find((w) => w.name === name);
  if (!r) throw new Error(`fixture: no resource '${name}'`);
  return r;
}

/** The in-memory store of a test file (one per jest worker module registry). */
export const MEMORY = { statePath: ":memory:", profile: "tencent" } as const;

/**
 * The fixture accounts hold the VPN route table's ticket (seed 000's gray release): the world has a
 * route-based gateway route, which Tencent allows only by ticket (test/providers/cloud/account-features.test.ts).
 */
export function grantWorldTickets(engine: CloudEngine): void {
  grantTickets(engine, [ACCOUNT_A, ACCOUNT_B]);
}

/** Creates every fixture resource through the shared CRUD; returns the cloud IDs by fixture name. */
export function createWorld(create: (type: ResourceType, inputs: JsonObject, settings: object) => { id: string }): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const r of WORLD) ids[r.name] = create(r.type, resolveInputs(r.inputs, ids), MEMORY).id;
  return ids;
}
