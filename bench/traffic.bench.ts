/**
 * Peering traffic for billing: a month of 5-minute samples (31 × 288 = 8,928,
 * the most one request takes) recorded through `RecordVpcPeeringTraffic` into
 * a file store in one transaction, read back with `DescribeVpcPeeringTraffic`,
 * and billed by `hybridlink cost`'s billing (daily peaks by Beijing day). No
 * target: the figures show what a month of drills costs in time.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CloudEngine, MAX_TRAFFIC_SAMPLES_PER_REQUEST } from "../providers/cloud";
import { billPeering } from "../lib/cli/cost/bill";
import type { Report } from "./run";

const A = "100000000001";
const B = "100000000002";
const PERIOD_MS = 300_000;

export async function run(report: Report): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hybridlink-traffic-bench-"));
  const engine = CloudEngine.open({ path: path.join(dir, "state.db"), profile: "tencent" });
  try {
    const vpc = (account: string, region: string, cidr: string) =>
      engine.request("CreateVpc", { name: "v", region, cidrs: [cidr] }, { account }).id as string;
    const peering = engine.request(
      "CreateVpcPeeringConnection",
      { name: "gz-bj", requesterVpc: vpc(A, "ap-guangzhou", "10.0.0.0/16"), accepterVpc: vpc(B, "ap-beijing", "10.1.0.0/16"), accepterAccount: B, bandwidthMbps: 1000 },
      { account: A },
    ).id as string;
    engine.request("AcceptVpcPeeringConnection", { id: peering }, { account: B });
    engine.request("AdvanceClock", { duration: "31d" }, { account: A, operator: true });
    const start = Date.UTC(2025, 0, 1);
    const samples = Array.from({ length: MAX_TRAFFIC_SAMPLES_PER_REQUEST }, (_, i) => ({
      at: new Date(start + i * PERIOD_MS).toISOString(),
      outMbps: (i * 7) % 90,
      inMbps: (i * 13) % 40,
    }));

    const recordMs = timedMs(() => engine.request("RecordVpcPeeringTraffic", { peering, samples }, { account: A, operator: true }));
    let items: Array<{ at: string; outMbps: number; inMbps: number }> = [];
    const describeMs = timedMs(() => {
      items = engine.request("DescribeVpcPeeringTraffic", { peering }, { account: A }).items as typeof items;
    });
    if (items.length !== samples.length) throw new Error(`read back ${items.length} samples, recorded ${samples.length}`);
    let days = 0;
    const billMs = timedMs(() => {
      const bill = billPeering(
        engine.profile,
        { id: peering, name: "gz-bj", requesterAccount: A, requesterRegion: "ap-guangzhou", accepterRegion: "ap-beijing" },
        items.map((s) => ({ at: Date.parse(s.at), outMbps: s.outMbps, inMbps: s.inMbps })),
      );
      days = bill.days.length;
    });
    report("RecordVpcPeeringTraffic, 31 days in one request", recordMs, "ms", `${samples.length} samples, file store`);
    report("DescribeVpcPeeringTraffic, 31 days", describeMs, "ms");
    report("bill of 31 days of samples", billMs, "ms", `${days} Beijing days`);
  } finally {
    engine.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function timedMs(work: () => unknown): number {
  const t0 = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
