/**
 * Data-plane speed (issue 4): a generated topology of 1,000 VPCs with
 * peerings and routes and 100 IDC sites behind VPN gateways. Targets: a
 * single trace under 50 µs (median), the full 1,100 × 1,100 matrix under
 * 10 s, the single-failure analysis of seed scenario S4 under 1 s.
 */
import { compileNetwork } from "../lib/net/compile";
import { singleFailures } from "../lib/net/failures";
import { reachabilityMatrix } from "../lib/net/matrix";
import { NetRoute, NetworkModel } from "../lib/net/model";
import { representativeIp } from "../lib/net/endpoints";
import { trace } from "../lib/net/trace";
import { synthModel } from "../test/net/scenarios/common";
import { buildS4 } from "../test/net/scenarios/s4";
import type { Report } from "./run";

const VPCS = 1000;
const SITES = 100;

/**
 * VPC i is 10.(i/256).(i%256).0/24 with one /25 subnet. Peerings join i with
 * i+1 inside each block of ten and i with i+10, each routed both ways.
 * VPCs 0–499 each have their own main table only; ten VPC-type gateways sit
 * in VPCs 0, 50, …, 450 with five IDCs each (IDC 0–49, routes published to
 * the VPC). VPCs 500–999 are attached to one CCN together with five CCN-type
 * gateways of ten IDCs each (IDC 50–99). IDC j is 172.16.j.0/24 with one
 * device and one route-based tunnel with a health check.
 */
function generate(): NetworkModel {
  const vpcCidr = (i: number) => `10.${i >> 8}.${i & 255}.0/24`;
  const vpcs = Array.from({ length: VPCS }, (_, i) => ({ id: `vpc-${i}`, name: `vpc-${i}`, region: "ap-guangzhou", account: "1", cidrs: [vpcCidr(i)] }));
  const subnets = vpcs.map((v, i) => ({ id: `subnet-${i}`, name: `subnet-${i}`, vpc: v.id, cidr: `10.${i >> 8}.${i & 255}.0/25`, routeTable: `rtb-${i}` }));
  const routeTables = vpcs.map((v, i) => ({ id: `rtb-${i}`, vpc: v.id, main: true }));
  const peerings: NetworkModel["peerings"][number][] = [];
  const routes: NetRoute[] = [];
  const peer = (a: number, b: number) => {
    const id = `pcx-${a}-${b}`;
    peerings.push({ id, name: id, requesterVpc: `vpc-${a}`, accepterVpc: `vpc-${b}`, state: "ACTIVE" });
    routes.push({ id: `${id}-a`, routeTable: `rtb-${a}`, destinationCidr: vpcCidr(b), nextHopType: "PEERING", nextHop: id, enabled: true });
    routes.push({ id: `${id}-b`, routeTable: `rtb-${b}`, destinationCidr: vpcCidr(a), nextHopType: "PEERING", nextHop: id, enabled: true });
  };
  for (let i = 0; i < VPCS; i++) {
    if (i % 10 !== 9) peer(i, i + 1);
    if (i + 10 < VPCS) peer(i, i + 10);
  }
  // Gateway of IDC j: VPC-type gateway j/5 for the first 50, CCN-type gateway 10 + (j-50)/10 for the rest.
  const gatewayOf = (j: number) => (j < 50 ? Math.floor(j / 5) : 10 + Math.floor((j - 50) / 10));
  const vpnGateways = Array.from({ length: 15 }, (_, g) =>
    g < 10
      ? { id: `vpngw-${g}`, name: `vpngw-${g}`, type: "VPC" as const, region: "ap-guangzhou", vpc: `vpc-${g * 50}`, available: true }
      : { id: `vpngw-${g}`, name: `vpngw-${g}`, type: "CCN" as const, region: "ap-guangzhou", available: true },
  );
  const idcSites = Array.from({ length: SITES }, (_, j) => ({ id: `idc-${j}`, name: `idc-${j}`, cidrs: [`172.16.${j}.0/24`] }));
  const customerGateways = idcSites.map((s, j) => ({ id: `cgw-${j}`, name: `cgw-${j}`, ipAddress: `203.0.113.${j + 1}`, site: s.id, up: true }));
  const connections = idcSites.map((_, j) => ({
    id: `vpnx-${j}`,
    name: `vpnx-${j}`,
    gateway: `vpngw-${gatewayOf(j)}`,
    customerGateway: `cgw-${j}`,
    routeType: "ROUTE" as const,
    spdPolicies: [],
    tunnelUp: true,
    routable: true,
    healthCheckEnabled: true,
  }));
  const gatewayRoutes = idcSites.map((s, j) => ({
    id: `gr-${j}`,
    gateway: `vpngw-${gatewayOf(j)}`,
    destinationCidr: s.cidrs[0],
    connection: `vpnx-${j}`,
    rank: 0,
    publishToVpc: j < 50,
    enabled: true,
  }));
  const ccnAttachments = [
    ...Array.from({ length: 500 }, (_, k) => ({ id: `ccnatt-vpc-${500 + k}`, ccn: "ccn-0", instanceType: "VPC" as const, instance: `vpc-${500 + k}` })),
    ...Array.from({ length: 5 }, (_, k) => ({ id: `ccnatt-vpngw-${10 + k}`, ccn: "ccn-0", instanceType: "VPN_GATEWAY" as const, instance: `vpngw-${10 + k}` })),
  ];
  return {
    vpcs,
    subnets,
    routeTables,
    routes,
    vpnGateways,
    connections,
    gatewayRoutes,
    ccns: [{ id: "ccn-0", name: "ccn-0" }],
    ccnAttachments,
    directConnectGateways: [],
    peerings,
    idcSites,
    customerGateways,
  };
}

/** A small deterministic PRNG, so every run traces the same pairs. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function millis(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function run(report: Report): Promise<void> {
  const model = generate();
  const endpointIds = [...model.vpcs.map((v) => v.id), ...model.idcSites.map((s) => s.id)];
  report("topology", endpointIds.length, "endpoints", `${model.vpcs.length} VPCs, ${model.idcSites.length} IDCs, ${model.peerings.length} peerings, ${model.routes.length} routes`);

  let t0 = process.hrtime.bigint();
  compileNetwork(model);
  report("compile the 1,000-VPC model (once per model)", millis(t0), "ms");

  const random = mulberry32(42);
  const addresses = endpointIds.map((id) => representativeIp(model, id));
  const pick = () => addresses[Math.floor(random() * addresses.length)];
  for (let i = 0; i < 2000; i++) trace(model, pick(), pick());
  const samples: number[] = [];
  const verdicts = new Map<string, number>();
  for (let i = 0; i < 20000; i++) {
    const src = pick();
    const dst = pick();
    t0 = process.hrtime.bigint();
    const t = trace(model, src, dst);
    samples.push(Number(process.hrtime.bigint() - t0) / 1e3);
    verdicts.set(t.verdict, (verdicts.get(t.verdict) ?? 0) + 1);
  }
  const mix = [...verdicts].map(([v, n]) => `${v} ${n}`).join(", ");
  report("single trace, median (target < 50 µs)", median(samples), "µs", `20,000 random pairs with hops recorded; ${mix}`);
  report("single trace, 99th percentile", [...samples].sort((a, b) => a - b)[Math.floor(samples.length * 0.99)], "µs");

  t0 = process.hrtime.bigint();
  const matrix = reachabilityMatrix(model, endpointIds);
  const matrixMs = millis(t0);
  const counts = matrix.counts();
  report(
    "full 1,100 × 1,100 reachability matrix (target < 10 s)",
    matrixMs / 1000,
    "s",
    `${matrix.size * matrix.size} one-way traces; pairs: ${counts.REACHABLE} reachable, ${counts.ONE_WAY} one-way, ${counts.UNREACHABLE} unreachable`,
  );

  const s4 = synthModel(buildS4().app).model;
  const runs: number[] = [];
  let cases = 0;
  let broken = 0;
  for (let r = 0; r < 5; r++) {
    t0 = process.hrtime.bigint();
    const failures = singleFailures(s4);
    broken = 0;
    for (const f of failures) {
      const m = reachabilityMatrix(f.apply());
      const c = m.counts();
      broken += c.ONE_WAY + c.UNREACHABLE;
    }
    runs.push(millis(t0));
    cases = failures.length;
  }
  report("S4 single-failure analysis (target < 1 s)", median(runs), "ms", `${cases} failures × full matrix of every endpoint; ${broken} broken ordered pairs in all; median of 5`);
}
