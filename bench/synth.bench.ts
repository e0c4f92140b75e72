/**
 * Synth benchmark: a generated app of N VPCs (distinct /16s), a same-region ring
 * of N peerings routed both ways, and N/10 VPN connections (gateway, customer
 * gateway + IDC site, gateway route): about 5.4 × N resources. Reports the time
 * to construct the tree and the time to synthesize it (manifest + every rule).
 * Target: N = 5000 synthesized and fully validated in under 0.6 s.
 */
import * as os from "os";
import { performance } from "perf_hooks";
import { IdcSite, NetworkApp, SecretValue, Vpc, VpnGateway } from "../lib";
import type { Report } from "./run";

const SIZES = [100, 1000, 5000];
const TARGET_N = 5000;
const TARGET_SECONDS = 0.6;

/** The generated app of the benchmark (exported so tests can check it is valid). */
export function buildRingApp(n: number): NetworkApp {
  const app = new NetworkApp({ profile: "tencent" });
  const region = "ap-guangzhou";
  const vpcs: Vpc[] = [];
  for (let i = 0; i < n; i++) {
    // Distinct /16s from 10.0.0.0 upwards, spilling into 11.x, 12.x… past 256 VPCs.
    const cidr = `${10 + Math.floor(i / 256)}.${i % 256}.0.0/16`;
    vpcs.push(new Vpc(app, `Vpc${i}`, { region, cidrs: [cidr] }));
  }
  for (let i = 0; i < n; i++) {
    const peering = vpcs[i].peerWith(`Peer${i}`, vpcs[(i + 1) % n]);
    peering.routeBothWays();
  }
  for (let j = 0; j < Math.floor(n / 10); j++) {
    const vpc = vpcs[j * 10];
    const gateway = new VpnGateway(app, `Gateway${j}`, { vpc });
    // IDC sites in 172.16.0.0/12 as /24s, disjoint from every VPC.
    const site = new IdcSite(app, `Idc${j}`, { cidrs: [`172.${16 + (j >> 8)}.${j & 255}.0/24`] });
    // Public device IPs in 1.0.0.0/8 (not reserved), one per site.
    const device = site.addDevice("Device", { ipAddress: `1.${(j >> 8) & 255}.${j & 255}.1` });
    const connection = gateway.addConnection("Tunnel", {
      customerGateway: device,
      preSharedKey: SecretValue.fromEnv(`PSK_${j}`),
    });
    gateway.addRoute("ToIdc", { destinationCidr: site.cidrs[0], connection });
  }
  return app;
}

function seconds(start: number): number {
  return (performance.now() - start) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function run(report: Report): Promise<void> {
  for (const n of SIZES) {
    let start = performance.now();
    const app = buildRingApp(n);
    report(`construct N=${n}`, seconds(start), "s");
    start = performance.now();
    const result = app.synthesize({ throwOnError: false });
    const synthSeconds = seconds(start);
    // The load average says how shared the machine was: wall time on 2 busy cores spreads widely.
    const note =
      n === TARGET_N
        ? `target < ${TARGET_SECONDS} s: ${synthSeconds < TARGET_SECONDS ? "met" : "MISSED"} (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`
        : undefined;
    report(`synth + all rules N=${n}`, synthSeconds, "s", note);
    report(`resources N=${n}`, result.manifest.resources.length, "resources");
    report(`findings N=${n}`, result.report.findings.length, "findings", "only HL-VPN-015 (tencent route-table gray release), one per gateway");
  }
  // Repeats on fresh apps: the machine is shared, so one run can catch another process or a GC pause.
  // CIDR parses are cached process-wide, so repeats measure synth with the parse cache warm.
  const repeats: number[] = [];
  for (let i = 0; i < 3; i++) {
    const app = buildRingApp(TARGET_N);
    const start = performance.now();
    app.synthesize({ throwOnError: false });
    repeats.push(seconds(start));
  }
  report(`synth + all rules N=${TARGET_N}, median of 3 repeats`, median(repeats), "s", `min ${Math.min(...repeats).toFixed(3)} s, CIDR parse cache warm`);
}
