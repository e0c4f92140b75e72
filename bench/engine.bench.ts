/**
 * Engine write path against the physical floor: 10,000 creates through
 * `CloudEngine.request` (one action and one transaction each, with client
 * tokens, overlap and duplicate checks live) into a file store, and 10,000
 * single-row transactions straight through better-sqlite3 with the same
 * pragmas. The two run interleaved in chunks of 500, so that load from other
 * processes on the machine falls on both alike. Target: engine ≤ 3× floor.
 * The same workload into an in-memory store is reported too: it is the
 * engine's CPU share (validation, statements, JSON), without file I/O.
 */
import Database = require("better-sqlite3");
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CloudEngine } from "../providers/cloud";
import { applyPragmas } from "../providers/cloud/store";
import type { Report } from "./run";

const TOTAL = 10_000;
const CHUNK = 500;
const SUBNETS_PER_VPC = 48;
const ROUTES_PER_VPC = 48;

export async function run(report: Report): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hybridlink-engine-bench-"));
  const engine = engineWorkload(path.join(dir, "engine.db"));
  const floor = floorWorkload(path.join(dir, "floor.db"));
  const memory = engineWorkload(":memory:");
  try {
    let engineNs = 0n;
    let floorNs = 0n;
    let memoryNs = 0n;
    for (let done = 0; done < TOTAL; done += CHUNK) {
      engineNs += timed(() => engine.step(CHUNK));
      floorNs += timed(() => floor.step(CHUNK));
      memoryNs += timed(() => memory.step(CHUNK));
    }
    engine.check();
    memory.check();
    const engineUs = Number(engineNs) / 1e3 / TOTAL;
    const floorUs = Number(floorNs) / 1e3 / TOTAL;
    const memoryUs = Number(memoryNs) / 1e3 / TOTAL;
    report("engine: 10,000 creates, one action each (file store)", engineUs, "µs/create", `${Math.round(1e6 / engineUs)} creates/s`);
    report("floor: 10,000 single-row better-sqlite3 transactions", floorUs, "µs/txn", `${Math.round(1e6 / floorUs)} txn/s`);
    report("engine / floor", engineUs / floorUs, "×", "target ≤ 3");
    report("engine CPU share: same creates, in-memory store", memoryUs, "µs/create", `${Math.round((100 * memoryUs) / engineUs)}% of the file-store time`);
  } finally {
    engine.close();
    floor.close();
    memory.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function timed(work: () => void): bigint {
  const start = process.hrtime.bigint();
  work();
  return process.hrtime.bigint() - start;
}

interface Workload {
  step(count: number): void;
  check(): void;
  close(): void;
}

/**
 * VPCs, each with its main route table, subnets (overlap-checked against the
 * VPC's others), its CCN attachment and routes to the CCN (duplicate-checked
 * in their table).
 */
function engineWorkload(file: string): Workload {
  const engine = CloudEngine.open({ path: file, profile: "tencent" });
  let n = 0;
  const create = (action: string, params: object) => engine.request(action, params, { account: "100001", clientToken: `bench-${n++}` });
  const ccn = create("CreateCcn", { name: "bench" });
  // The creates in order, generated lazily so each step runs exactly `count` actions.
  function* creates(): Generator<void> {
    for (let v = 0; ; v++) {
      const vpc = create("CreateVpc", { name: `vpc-${v}`, region: "ap-guangzhou", cidrs: [`10.${v}.0.0/16`] });
      yield;
      const table = create("CreateRouteTable", { name: "main", vpc: vpc.id, main: true });
      yield;
      for (let s = 0; s < SUBNETS_PER_VPC; s++) {
        create("CreateSubnet", { name: `s${s}`, vpc: vpc.id, cidr: `10.${v}.${s}.0/24`, routeTable: table.id });
        yield;
      }
      create("CreateCcnAttachment", { ccn: ccn.id, instanceType: "VPC", instance: vpc.id, region: "ap-guangzhou" });
      yield;
      for (let r = 0; r < ROUTES_PER_VPC; r++) {
        create("CreateRoute", { routeTable: table.id, destinationCidr: `172.16.${r}.0/24`, nextHopType: "CCN", nextHop: ccn.id, enabled: true });
        yield;
      }
    }
  }
  const it = creates();
  return {
    step(count) {
      for (let i = 0; i < count; i++) it.next();
    },
    check() {
      const subnets = engine.request("DescribeSubnets", {}, { account: "100001" }).totalCount as number;
      const routes = engine.request("DescribeRoutes", {}, { account: "100001" }).totalCount as number;
      if (n !== TOTAL + 1 || subnets + routes < TOTAL * 0.9) throw new Error(`engine bench: ${n} creates, ${subnets} subnets, ${routes} routes`);
    },
    close: () => engine.close(),
  };
}

function floorWorkload(file: string): Workload {
  const db = new Database(file);
  applyPragmas(db);
  db.exec("CREATE TABLE rows (id TEXT PRIMARY KEY, props TEXT NOT NULL) WITHOUT ROWID");
  const insert = db.prepare("INSERT INTO rows (id, props) VALUES (?, ?)");
  const one = db.transaction((id: string, props: string) => insert.run(id, props));
  let i = 0;
  return {
    step(count) {
      for (const end = i + count; i < end; i++) {
        one.immediate(`subnet-${i.toString(36).padStart(8, "0")}`, JSON.stringify({ name: `s${i}`, vpc: "vpc-00000001", cidr: "10.0.0.0/24" }));
      }
    },
    check() {},
    close: () => db.close(),
  };
}
