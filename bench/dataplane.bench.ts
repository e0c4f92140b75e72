/**
 * Data-plane speed, on the built package (dist/, what users run): a
 * generated topology of 1,000 VPCs with peerings and routes and 100 IDC
 * sites behind VPN gateways (1,100 endpoints). Targets: a single trace p99
 * ≤ 50 µs, the full 1,100 × 1,100 matrix ≤ 0.5 s, and the single-failure
 * analysis (every device, tunnel and peering in turn, the whole matrix each
 * time) of a CCN topology of 50 IDCs and 20 VPCs ≤ 1 s.
 */
import type * as net from "../lib/net";
import type * as compile from "../lib/net/compile";
import type { NetRoute, NetworkModel } from "../lib/net/model";
import { BenchContext, built, quantile, Report, spreadOf, stats, timeMs } from "./harness";
import { buildCcnIdcApp } from "./topology";

const TRACE_P99_TARGET_US = 50;
const MATRIX_TARGET_S = 0.5;
const FAILURES_TARGET_S = 1;

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
export function generate(): NetworkModel {
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
      ? { id: `vpngw-${g}`, name: `vpngw-${g}`, type: "VPC" as const, region: "ap-guangzhou", vpc: `vpc-${g * 50}`, available: true, bandwidthMbps: 100 }
      : { id: `vpngw-${g}`, name: `vpngw-${g}`, type: "CCN" as const, region: "ap-guangzhou", available: true, bandwidthMbps: 500 },
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

export async function run(report: Report, ctx: BenchContext): Promise<void> {
  const lib = built<typeof net>("lib/net");
  const model = generate();
  const endpointIds = [...model.vpcs.map((v) => v.id), ...model.idcSites.map((s) => s.id)];
  report("topology", endpointIds.length, "endpoints", `${model.vpcs.length} VPCs, ${model.idcSites.length} IDCs, ${model.peerings.length} peerings, ${model.routes.length} routes`);
  const { compileNetwork } = built<typeof compile>("lib/net/compile");
  report("compile the 1,000-VPC model (once per model)", timeMs(() => compileNetwork(model)), "ms");

  // Traces: 20,000 random pairs per run, hops recorded, after 2,000 to warm up.
  const addresses = endpointIds.map((id) => lib.representativeIp(model, id));
  const p50: number[] = [];
  const p99: number[] = [];
  let mix = "";
  for (let r = 0; r < ctx.runs; r++) {
    const random = mulberry32(42 + r);
    const pick = () => addresses[Math.floor(random() * addresses.length)];
    for (let i = 0; i < 2000; i++) lib.trace(model, pick(), pick());
    const samples: number[] = [];
    const verdicts = new Map<string, number>();
    for (let i = 0; i < 20000; i++) {
      const src = pick();
      const dst = pick();
      const t0 = process.hrtime.bigint();
      const t = lib.trace(model, src, dst);
      samples.push(Number(process.hrtime.bigint() - t0) / 1e3);
      verdicts.set(t.verdict, (verdicts.get(t.verdict) ?? 0) + 1);
    }
    p50.push(quantile(samples, 0.5));
    p99.push(quantile(samples, 0.99));
    mix = [...verdicts].map(([v, n]) => `${v} ${n}`).join(", ");
  }
  const s50 = stats(p50);
  const s99 = stats(p99);
  report("single trace, median", s50.median, "µs", { ...spreadOf(s50), note: `20,000 random pairs per run, hops recorded; ${mix}` });
  report("single trace, 99th percentile", s99.median, "µs", { ...spreadOf(s99), target: { text: `≤ ${TRACE_P99_TARGET_US} µs`, met: s99.median <= TRACE_P99_TARGET_US } });

  const matrixRuns: number[] = [];
  let counts = { REACHABLE: 0, ONE_WAY: 0, UNREACHABLE: 0 };
  for (let r = 0; r < ctx.runs; r++) {
    // A fresh copy of the model each run: compiling it is part of the matrix.
    const copy = structuredClone(model);
    matrixRuns.push(timeMs(() => (counts = lib.reachabilityMatrix(copy, endpointIds).counts())) / 1000);
  }
  const m = stats(matrixRuns);
  report("full 1,100 × 1,100 reachability matrix", m.median, "s", {
    ...spreadOf(m),
    target: { text: `≤ ${MATRIX_TARGET_S} s`, met: m.median <= MATRIX_TARGET_S },
    note: `${endpointIds.length ** 2} one-way walks incl. compiling; pairs: ${counts.REACHABLE} reachable, ${counts.ONE_WAY} one-way, ${counts.UNREACHABLE} unreachable`,
  });

  process.env.HL_BENCH_PSK ??= "bench-psk";
  const ccnManifest = JSON.parse(JSON.stringify(buildCcnIdcApp(50, 20).synthesize({ throwOnError: true }).manifest));
  const failureRuns: number[] = [];
  let summary = "";
  for (let r = 0; r < ctx.runs; r++) {
    const ccnModel = lib.modelFromManifest(ccnManifest);
    failureRuns.push(
      timeMs(() => {
        const analysis = lib.singleFailureAnalysis(ccnModel);
        const changed = analysis.failures.reduce((sum, f) => sum + f.changed.length, 0);
        summary = `${analysis.failures.length} failures × ${analysis.intact.size}² cells; ${changed} pair verdicts changed (active/standby with health checks holds)`;
      }) / 1000,
    );
  }
  const f = stats(failureRuns);
  report("single-failure analysis, CCN of 50 IDCs and 20 VPCs", f.median, "s", {
    ...spreadOf(f),
    target: { text: `≤ ${FAILURES_TARGET_S} s`, met: f.median <= FAILURES_TARGET_S },
    note: `${summary}; the first run (cold JIT) took ${failureRuns[0].toFixed(2)} s`,
  });
}
