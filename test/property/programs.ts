import fc from "fast-check";
import { formatIp, parseCidr, tryParseCidr } from "../../lib/net/cidr";
import {
  ActiveStandbyVpn,
  Ccn,
  CrossRegionPeering,
  CustomerGateway,
  DirectConnectGateway,
  HaDualCustomerGateway,
  HubSpokeVpn,
  IdcSite,
  NetworkApp,
  PeeringConnection,
  RoutePreference,
  SecretValue,
  SiteToSiteVpn,
  Vpc,
  VpcPeering,
  VpnConnection,
  VpnGateway,
  VpnRouting,
} from "../../lib";

/**
 * Random hybridlink programs as plain data (a counterexample prints as
 * something a person can read and rebuild). Every value is valid by default
 * — each VPC, IDC site and direct-connect network gets its own block, each
 * device its own public address, selectors and health checks follow the
 * connection's own networks — and, now and then, near-valid: a part of the
 * right block, a wider one, another network's, a number just outside its
 * documented set. Indices wrap around whatever exists.
 */

/** A block relative to what it should match: the right network, a part of it, a wider one, another network's, or a fixed one. */
export type CidrPick = "own" | "part" | "wider" | "other" | "0.0.0.0/0" | "8.8.8.0/24";

/** `auto` is the coherent value; anything else is a near-valid perturbation. */
export type Auto<T> = "auto" | T;

export interface ProgramSpec {
  readonly profile: "tencent" | "alibaba";
  readonly secondAccount: boolean;
  readonly vpcs: readonly { readonly region: number; readonly cidr: Auto<string>; readonly extraCidr: boolean; readonly otherAccount: boolean }[];
  readonly subnets: readonly { readonly vpc: number; readonly cidr: CidrPick }[];
  readonly sites: readonly { readonly cidr: Auto<string>; readonly devices: readonly Auto<string>[] }[];
  readonly gateways: readonly { readonly type: "VPC" | "CCN"; readonly vpc: number; readonly region: number; readonly bandwidthMbps: Auto<number> }[];
  readonly connections: readonly {
    readonly gateway: number;
    readonly site: number;
    readonly device: number;
    readonly routeType: "SPD" | "ROUTE";
    /** Traffic selectors: SPD policies, or a route-based connection's selectors when given. */
    readonly selectors?: readonly { readonly local: CidrPick; readonly remote: CidrPick }[];
    readonly healthCheck?: { readonly local: CidrPick; readonly remote: CidrPick; readonly intervalMs: Auto<number>; readonly retries: Auto<number> };
  }[];
  readonly gatewayRoutes: readonly { readonly connection: number; readonly destination: CidrPick; readonly standby: boolean; readonly publishToVpc: boolean }[];
  readonly vpcRoutes: readonly { readonly vpc: number; readonly via: "gateway" | "peering" | "ccn"; readonly target: Auto<number>; readonly destination: CidrPick }[];
  readonly ccn?: {
    readonly vpcs: readonly number[];
    readonly gateways: readonly number[];
    readonly dcs: readonly { readonly region: number; readonly prefix: Auto<string> }[];
  };
  readonly peerings: readonly { readonly requester: number; readonly accepter: Auto<number>; readonly bandwidthMbps: Auto<number | "none">; readonly routeBothWays: boolean }[];
  readonly acceptPeerings: boolean;
  /** High-level constructs beside the hand-built resources, each on networks of its own (10.100+i, 172.100+i). */
  readonly patterns: readonly PatternSpec[];
}

/** One pattern; `near` perturbs one of its values (another device address, a destination outside the site, a health check off). */
export interface PatternSpec {
  readonly kind: "SiteToSiteVpn" | "HubSpokeVpn" | "HaDualCustomerGateway" | "ActiveStandbyVpn" | "VpcPeering" | "CrossRegionPeering";
  readonly near: "none" | "sameDevice" | "destinationOutside" | "healthCheckOff" | "spd" | "cidrOverlap";
  readonly spokes: number;
  readonly region: number;
}

/** Mostly the coherent value, sometimes one of `others`. */
function mostly<T>(others: readonly T[]): fc.Arbitrary<Auto<T>> {
  return fc.oneof({ weight: 12, arbitrary: fc.constant("auto" as const) }, { weight: 1, arbitrary: fc.constantFrom(...others) });
}

const pick: fc.Arbitrary<CidrPick> = fc.oneof(
  { weight: 14, arbitrary: fc.constant("own" as const) },
  { weight: 2, arbitrary: fc.constant("part" as const) },
  { weight: 1, arbitrary: fc.constantFrom("wider" as const, "other" as const, "0.0.0.0/0" as const, "8.8.8.0/24" as const) },
);

const region = fc.oneof({ weight: 10, arbitrary: fc.nat(2) }, { weight: 1, arbitrary: fc.nat(8) });

const OVERLAPPING = ["10.0.0.0/8", "10.11.0.0/16", "172.20.0.0/16", "192.168.0.0/16", "100.64.0.0/16", "10.10.128.0/17"];

/** A program: every resource kind appears with some probability, wired by wrapping indices. */
export const programSpec: fc.Arbitrary<ProgramSpec> = fc.record({
  profile: fc.constantFrom("tencent" as const, "tencent" as const, "alibaba" as const),
  secondAccount: fc.boolean(),
  vpcs: fc.array(fc.record({ region, cidr: mostly(OVERLAPPING), extraCidr: fc.boolean(), otherAccount: fc.boolean() }), { minLength: 1, maxLength: 3 }),
  subnets: fc.array(fc.record({ vpc: fc.nat(3), cidr: pick }), { maxLength: 2 }),
  sites: fc.array(fc.record({ cidr: mostly(OVERLAPPING), devices: fc.array(mostly(["10.9.9.9", "203.0.113.10", "0.0.0.0"]), { minLength: 1, maxLength: 2 }) }), { maxLength: 3 }),
  gateways: fc.array(
    fc.record({ type: fc.constantFrom("VPC" as const, "VPC" as const, "CCN" as const), vpc: fc.nat(3), region, bandwidthMbps: mostly([5, 1000, 0, 7, 2000]) }),
    { maxLength: 2 },
  ),
  connections: fc.array(
    fc.record(
      {
        gateway: fc.nat(3),
        site: fc.nat(3),
        device: fc.nat(2),
        routeType: fc.constantFrom("SPD" as const, "ROUTE" as const),
        selectors: fc.array(fc.record({ local: pick, remote: pick }), { minLength: 1, maxLength: 2 }),
        healthCheck: fc.record({ local: pick, remote: pick, intervalMs: mostly([1000, 5000, 999, 6000]), retries: mostly([3, 8, 2, 9]) }),
      },
      { requiredKeys: ["gateway", "site", "device", "routeType"] },
    ),
    { maxLength: 4 },
  ),
  gatewayRoutes: fc.array(fc.record({ connection: fc.nat(4), destination: pick, standby: fc.boolean(), publishToVpc: fc.boolean() }), { maxLength: 4 }),
  vpcRoutes: fc.array(
    fc.record({ vpc: fc.nat(3), via: fc.constantFrom("gateway" as const, "peering" as const, "ccn" as const), target: mostly([0, 1, 2]), destination: pick }),
    { maxLength: 3 },
  ),
  ccn: fc.option(
    fc.record({
      vpcs: fc.uniqueArray(fc.nat(2), { maxLength: 3 }),
      gateways: fc.uniqueArray(fc.nat(1), { maxLength: 2 }),
      dcs: fc.array(fc.record({ region, prefix: mostly(OVERLAPPING) }), { maxLength: 1 }),
    }),
    { nil: undefined },
  ),
  peerings: fc.array(fc.record({ requester: fc.nat(2), accepter: mostly([0, 1, 2]), bandwidthMbps: mostly<number | "none">(["none", 1, 10_000, 10_001, 0]), routeBothWays: fc.boolean() }), {
    maxLength: 2,
  }),
  acceptPeerings: fc.boolean(),
  patterns: fc.array(
    fc.record({
      kind: fc.constantFrom("SiteToSiteVpn" as const, "HubSpokeVpn" as const, "HaDualCustomerGateway" as const, "ActiveStandbyVpn" as const, "VpcPeering" as const, "CrossRegionPeering" as const),
      near: fc.oneof(
        { weight: 6, arbitrary: fc.constant("none" as const) },
        { weight: 1, arbitrary: fc.constantFrom("sameDevice" as const, "destinationOutside" as const, "healthCheckOff" as const, "spd" as const, "cidrOverlap" as const) },
      ),
      spokes: fc.integer({ min: 1, max: 3 }),
      region: fc.nat(2),
    }),
    { maxLength: 2 },
  ),
});

const at = <T>(list: readonly T[], index: number): T | undefined => (list.length ? list[index % list.length] : undefined);

/** The block `p` stands for, given the network it should match and another one. */
function blockOf(p: CidrPick, own: string | undefined, other: string | undefined): string | undefined {
  if (p === "0.0.0.0/0" || p === "8.8.8.0/24") return p;
  if (p === "other") return other;
  const cidr = own === undefined ? undefined : tryParseCidr(own);
  if (!cidr) return undefined;
  if (p === "own") return cidr.text;
  if (p === "part") return cidr.prefix >= 32 ? cidr.text : `${formatIp(cidr.start)}/${cidr.prefix + 1}`;
  return parseCidr(`${formatIp(cidr.start)}/${Math.max(0, cidr.prefix - 1)}`).network;
}

/** An address inside the block `p` stands for (its third), or a fixed one. */
function addressOf(p: CidrPick, own: string | undefined, other: string | undefined): string {
  const block = blockOf(p, own, other);
  const cidr = block ? tryParseCidr(block) : undefined;
  return cidr ? formatIp(cidr.start + (cidr.prefix >= 31 ? 0 : 2)) : "10.9.9.9";
}

const PSK = SecretValue.fromEnv("FUZZ_PSK");
const ACCOUNTS = ["100000000001", "200000000002"];
const VALID_INTERVAL = 2000;
const VALID_RETRIES = 3;

/** Builds the program's app from low-level constructs, as a person writing it by hand would. */
export function buildProgram(spec: ProgramSpec): NetworkApp {
  const second = ACCOUNTS[1];
  const app = new NetworkApp({ profile: spec.profile, defaultAccount: ACCOUNTS[0], trustedAccounts: spec.secondAccount ? [second] : [] });
  const regions = app.profile.regions.map((r) => r.name);
  const vpcs = spec.vpcs.map((v, i) => {
    const cidrs = [v.cidr === "auto" ? `10.${10 + i}.0.0/16` : v.cidr, ...(v.extraCidr ? [`10.${30 + i}.0.0/16`] : [])];
    return new Vpc(app, `Vpc${i}`, { region: at(regions, v.region)!, cidrs, ...(spec.secondAccount && v.otherAccount && i > 0 ? { account: second } : {}) });
  });
  spec.subnets.forEach((s, i) => {
    const vpc = at(vpcs, s.vpc)!;
    const cidr = blockOf(s.cidr === "own" ? "part" : s.cidr, vpc.cidrs[0], at(vpcs, s.vpc + 1)?.cidrs[0]);
    if (cidr) vpc.addSubnet(`Subnet${i}`, { cidr });
  });
  const sites = spec.sites.map((s, i) => new IdcSite(app, `Idc${i}`, { cidrs: [s.cidr === "auto" ? `172.${20 + i}.0.0/16` : s.cidr] }));
  const devices: CustomerGateway[][] = sites.map((site, i) =>
    spec.sites[i].devices.map((ip, j) => site.addDevice(`Device${j}`, { ipAddress: ip === "auto" ? `203.0.113.${20 + i * 4 + j}` : ip })),
  );
  const gateways = spec.gateways.map((g, i) => {
    const bandwidthMbps = g.bandwidthMbps === "auto" ? 100 : g.bandwidthMbps;
    return g.type === "VPC"
      ? new VpnGateway(app, `Gateway${i}`, { vpc: at(vpcs, g.vpc)!, bandwidthMbps })
      : new VpnGateway(app, `Gateway${i}`, { type: "CCN", region: at(regions, g.region)!, bandwidthMbps });
  });
  const dcs = (spec.ccn?.dcs ?? []).map(
    (d, i) => new DirectConnectGateway(app, `Dc${i}`, { region: at(regions, d.region)!, onPremPrefixes: [d.prefix === "auto" ? `192.168.${16 * i}.0/20` : d.prefix] }),
  );
  const cloudOf = (gateway: VpnGateway): string | undefined => gateway.vpc?.cidrs[0] ?? vpcs[0].cidrs[0];
  const connections: VpnConnection[] = [];
  spec.connections.forEach((c, i) => {
    const gateway = at(gateways, c.gateway);
    const site = at(sites, c.site);
    const device = site && at(devices[c.site % sites.length], c.device);
    if (!gateway || !site || !device) return;
    const cloud = cloudOf(gateway);
    const idc = site.cidrs[0];
    const otherSite = at(sites, c.site + 1)?.cidrs[0] ?? dcs[0]?.onPremPrefixes[0];
    const selectors = (c.selectors ?? [])
      .map((s) => ({ local: blockOf(s.local, cloud, idc), remote: blockOf(s.remote, idc, otherSite) }))
      .filter((s): s is { local: string; remote: string } => s.local !== undefined && s.remote !== undefined)
      .map((s) => ({ localCidrs: [s.local], remoteCidrs: [s.remote] }));
    const hc = c.healthCheck;
    connections.push(
      gateway.addConnection(`Connection${i}`, {
        customerGateway: device,
        preSharedKey: PSK,
        routeType: c.routeType,
        ...(selectors.length ? { spdPolicies: selectors } : {}),
        ...(hc
          ? {
              healthCheck: {
                localIp: addressOf(hc.local, cloud, idc),
                remoteIp: addressOf(hc.remote, idc, cloud),
                intervalMs: hc.intervalMs === "auto" ? VALID_INTERVAL : hc.intervalMs,
                retries: hc.retries === "auto" ? VALID_RETRIES : hc.retries,
              },
            }
          : {}),
      }),
    );
  });
  spec.gatewayRoutes.forEach((r, i) => {
    const connection = at(connections, r.connection);
    if (!connection) return;
    const site = connection.customerGateway.site;
    const destination = blockOf(r.destination, site?.cidrs[0], cloudOf(connection.vpnGateway));
    if (!destination) return;
    connection.vpnGateway.addRoute(`Route${i}`, {
      destinationCidr: destination,
      connection,
      preference: r.standby ? RoutePreference.STANDBY : RoutePreference.ACTIVE,
      publishToVpc: r.publishToVpc && connection.vpnGateway.type === "VPC",
    });
  });
  let ccn: Ccn | undefined;
  if (spec.ccn) {
    ccn = new Ccn(app, "Ccn");
    for (const i of new Set(spec.ccn.vpcs.map((v) => v % vpcs.length))) ccn.attach(`AttachVpc${i}`, vpcs[i]);
    const ccnGateways = gateways.filter((g) => g.type === "CCN");
    if (ccnGateways.length) for (const i of new Set(spec.ccn.gateways.map((g) => g % ccnGateways.length))) ccn.attach(`AttachGateway${i}`, ccnGateways[i]);
    dcs.forEach((dc, i) => ccn!.attach(`AttachDc${i}`, dc));
  }
  const peerings: PeeringConnection[] = [];
  spec.peerings.forEach((p, i) => {
    const requesterIndex = p.requester % vpcs.length;
    const accepterIndex = p.accepter === "auto" ? requesterIndex + 1 : p.accepter;
    if (vpcs.length < 2 && p.accepter === "auto") return;
    const requester = vpcs[requesterIndex];
    const accepter = at(vpcs, accepterIndex)!;
    // A second peering of the same two VPCs: issue 11 item 2 turns the engine's refusal into synth's warning (helper A's part).
    if (peerings.some((p) => new Set([p.requesterVpc, p.accepterVpc, requester, accepter]).size === 2)) return;
    const crossRegion = requester.region !== accepter.region;
    const geography = (r: string) => app.profile.regions.find((x) => x.name === r)?.geography;
    const border = geography(requester.region) !== "mainland" || geography(accepter.region) !== "mainland";
    const bandwidthMbps = p.bandwidthMbps === "auto" ? (crossRegion ? 100 : undefined) : p.bandwidthMbps === "none" ? undefined : p.bandwidthMbps;
    const peering = requester.peerWith(`Peering${i}`, accepter, {
      ...(bandwidthMbps === undefined ? {} : { bandwidthMbps }),
      ...(border && p.bandwidthMbps === "auto" ? { crossBorderApproval: "TICKET-1104" } : {}),
    });
    if (p.routeBothWays) peering.routeBothWays();
    peerings.push(peering);
  });
  spec.vpcRoutes.forEach((r, i) => {
    const vpc = at(vpcs, r.vpc)!;
    const own = r.via === "gateway" ? gateways.filter((g) => g.vpc === vpc) : r.via === "peering" ? peerings.filter((p) => p.requesterVpc === vpc || p.accepterVpc === vpc) : [];
    const all: readonly (VpnGateway | PeeringConnection)[] = r.via === "gateway" ? gateways : peerings;
    const nextHop = r.via === "ccn" ? ccn : r.target === "auto" ? own[0] : at(all, r.target);
    if (!nextHop) return;
    const far =
      nextHop instanceof PeeringConnection
        ? (nextHop.requesterVpc === vpc ? nextHop.accepterVpc : nextHop.requesterVpc).cidrs[0]
        : (sites[0]?.cidrs[0] ?? dcs[0]?.onPremPrefixes[0]);
    const destination = blockOf(r.destination, far, vpc.cidrs[0]);
    if (destination) vpc.addRoute(`VpcRoute${i}`, { destinationCidr: destination, nextHop });
  });
  spec.patterns.forEach((p, i) => buildPattern(app, p, i, regions));
  return app;
}

/** One pattern on its own networks: VPC 10.(100+i).0.0/16, IDCs 172.(100+i).(16·n).0/20, devices 198.51.100.(100+10i+n). */
function buildPattern(app: NetworkApp, p: PatternSpec, i: number, regions: readonly string[]): void {
  const region = at(regions, p.region)!;
  const vpcCidr = `10.${100 + i}.0.0/16`;
  const site = (n: number) => ({ cidrs: [`172.${100 + i}.${16 * n}.0/20`] });
  const device = (n: number) => `198.51.100.${100 + 10 * i + n}`;
  const id = `Pattern${i}`;
  const near = p.near;
  const healthCheck = near === "healthCheckOff" ? { enabled: false } : undefined;
  const pair = {
    site: site(0),
    primary: { device: device(0), preSharedKey: PSK },
    standby: { device: near === "sameDevice" ? device(0) : device(1), preSharedKey: PSK },
    ...(near === "destinationOutside" ? { destinations: ["172.250.0.0/16"] } : {}),
    ...(healthCheck ? { healthCheck } : {}),
  };
  switch (p.kind) {
    case "SiteToSiteVpn":
      new SiteToSiteVpn(app, id, { vpc: { region, cidrs: [near === "cidrOverlap" ? "172.0.0.0/8" : vpcCidr] }, site: site(0), device: device(0), preSharedKey: PSK, ...(healthCheck ? { healthCheck } : {}) });
      return;
    case "HubSpokeVpn": {
      const hub = new HubSpokeVpn(app, id, { vpc: { region, cidrs: [vpcCidr] }, routing: near === "spd" ? VpnRouting.SPD : VpnRouting.ROUTE_TABLE, idcTransit: near !== "spd" });
      for (let n = 0; n < p.spokes; n++) hub.addSpoke(`Spoke${n}`, { site: site(near === "cidrOverlap" ? 0 : n), device: device(n), preSharedKey: PSK });
      return;
    }
    case "HaDualCustomerGateway":
      new HaDualCustomerGateway(app, id, { vpc: { region, cidrs: [vpcCidr] }, ...pair });
      return;
    case "ActiveStandbyVpn": {
      const vpc = new Vpc(app, `${id}Vpc`, { region, cidrs: [vpcCidr] });
      new ActiveStandbyVpn(app, id, { vpnGateway: { type: "CCN", region }, ccn: { vpcs: [vpc] }, ...pair });
      return;
    }
    case "VpcPeering":
    case "CrossRegionPeering": {
      const requester = new Vpc(app, `${id}A`, { region, cidrs: [vpcCidr] });
      const cross = p.kind === "CrossRegionPeering";
      const accepter = new Vpc(app, `${id}B`, { region: cross ? at(regions, p.region + 1)! : region, cidrs: [near === "cidrOverlap" ? vpcCidr : `10.${150 + i}.0.0/16`] });
      if (cross) new CrossRegionPeering(app, id, { requester, accepter, bandwidthMbps: near === "destinationOutside" ? 20_000 : 100 });
      else new VpcPeering(app, id, { requester, accepter });
      return;
    }
  }
}
