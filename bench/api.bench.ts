/**
 * `hybridlink serve` under the official Tencent SDK: signed calls per second
 * and p50/p99 latency of a describe (DescribeVpcs over 20 VPCs) and a create
 * (CreateVpc), with 1 and 16 concurrent clients, against the served engine
 * (a file store, as `serve` runs) and against the transport floor: a bare
 * Node HTTP server that only reads and parses the request and answers the
 * same bytes serve answered. Server and clients share this process (2 cores here), both ways.
 */
import * as fs from "fs";
import * as http from "http";
import { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import * as tencentcloud from "tencentcloud-sdk-nodejs";
import { CloudEngine } from "../providers/cloud";
import { startApiServer } from "../providers/cloud/api/server";
import type { Report } from "./run";

const CALLS_PER_CLIENT = { 1: 400, 16: 60 } as const;
type Client = InstanceType<typeof tencentcloud.vpc.v20170312.Client>;

function client(endpoint: string, key: { keyId: string; secret: string }): Client {
  return new tencentcloud.vpc.v20170312.Client({
    credential: { secretId: key.keyId, secretKey: key.secret },
    region: "ap-guangzhou",
    profile: { httpProfile: { endpoint, protocol: "http://" } },
  });
}

/**
 * The transport floor: parse the JSON body, answer a fixed body per action —
 * a copy of what serve answered it, so both send the client the same bytes.
 */
function floorServer(canned: Map<string, string>): Promise<{ endpoint: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
      const body = canned.get(String(req.headers["x-tc-action"])) ?? "{}";
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      res.end(body);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ endpoint: `127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((done) => server.close(() => done())) }),
    ),
  );
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Runs `calls` per client on `clients` clients at once; calls/s and latency percentiles in ms. */
async function measure(clients: Client[], calls: number, call: (c: Client, i: number) => Promise<unknown>): Promise<{ perSecond: number; p50: number; p99: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    clients.map(async (c) => {
      for (let k = 0; k < calls; k++) {
        const t0 = process.hrtime.bigint();
        await call(c, next++);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

export async function run(report: Report): Promise<void> {
  for (const name of ["http_proxy", "HTTP_PROXY"]) delete process.env[name];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hl-api-bench-"));
  const engine = CloudEngine.open({ path: path.join(dir, "state.db"), profile: "tencent" });
  const served = await startApiServer({ engine });
  const canned = new Map<string, string>();
  const floor = await floorServer(canned);
  const key = engine.createApiKey("100001", "tencent");
  try {
    const seedClient = client(served.url.replace("http://", ""), key);
    for (let i = 0; i < 20; i++) await seedClient.CreateVpc({ VpcName: `seed${i}`, CidrBlock: `10.200.${i}.0/24` });
    canned.set("DescribeVpcs", JSON.stringify({ Response: await seedClient.DescribeVpcs({ Limit: "20" }) }));
    canned.set("CreateVpc", JSON.stringify({ Response: await seedClient.CreateVpc({ VpcName: "canned", CidrBlock: "10.201.0.0/24" }) }));
    let vpcNumber = 0;
    const calls: Record<string, (c: Client) => Promise<unknown>> = {
      describe: (c) => c.DescribeVpcs({ Limit: "20" }),
      create: (c) => {
        const n = vpcNumber++;
        return c.CreateVpc({ VpcName: `bench${n}`, CidrBlock: `10.${n >> 8}.${n & 255}.0/24` });
      },
    };
    for (const [what, call] of Object.entries(calls)) {
      for (const concurrency of [1, 16] as const) {
        const results: Record<string, { perSecond: number; p50: number; p99: number }> = {};
        for (const [target, endpoint] of [["serve", served.url.replace("http://", "")], ["floor", floor.endpoint]] as const) {
          const clients = Array.from({ length: concurrency }, () => client(endpoint, key));
          await measure(clients, 5, call); // warm-up: connections, JIT
          results[target] = await measure(clients, CALLS_PER_CLIENT[concurrency], call);
        }
        const label = `${what === "describe" ? "DescribeVpcs" : "CreateVpc"} ×${concurrency} client${concurrency > 1 ? "s" : ""}`;
        for (const target of ["serve", "floor"] as const) {
          const r = results[target];
          report(`${label}: ${target} calls/s`, Math.round(r.perSecond), "calls/s");
          report(`${label}: ${target} p50 / p99`, Number(r.p50.toFixed(2)), "ms p50", `p99 ${r.p99.toFixed(2)} ms`);
        }
        report(`${label}: serve ÷ floor time per call`, Number((results.floor.perSecond / results.serve.perSecond).toFixed(2)), "×", "goal ≤ 2");
      }
    }
  } finally {
    await served.close();
    await floor.close();
    engine.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
