import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { CloudEngine } from "../../../providers/cloud";
import { ACCOUNT_A, as, tempDir, World } from "./helpers";

const TSX = path.join(__dirname, "..", "..", "..", "node_modules", ".bin", "tsx");
const WRITER = path.join(__dirname, "fixtures", "concurrent-writer.ts");
const OPENER = path.join(__dirname, "fixtures", "concurrent-open.ts");

interface WriterResult {
  label: string;
  own: string[];
  shared: string[];
  subnets: string[];
  refusals: Record<string, number>;
  errors: string[];
}

/** Starts a fixture process; resolves `ready` when it is loaded and `done` with the JSON line it prints. */
function writer(args: string[], script = WRITER) {
  const child = spawn(TSX, [script, ...args], { stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  let err = "";
  let onReady: () => void;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
    if (out.startsWith("ready\n")) onReady();
  });
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const done = new Promise<any>((resolve, reject) => // eslint-disable-line @typescript-eslint/no-explicit-any
    child.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("{") || l.startsWith("["));
      if (code !== 0 || !line) reject(new Error(`writer exited ${code}: ${err}`));
      else resolve(JSON.parse(line) as WriterResult);
    }),
  );
  return { ready, done, go: (line = "go") => child.stdin.write(`${line}\n`) };
}

/**
 * Both writers are released together and each makes 450 requests; whichever
 * holds the write lock, the other waits in SQLite's busy handler (BEGIN
 * IMMEDIATE + busy_timeout) instead of failing, which is what is asserted.
 */
describe("two processes writing to one store at once", () => {
  test("lose nothing, duplicate nothing, and never surface 'database is locked'", async () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, "shared.db");
      const setup = CloudEngine.open({ path: file });
      const shared = new World(setup).vpc(["192.168.0.0/16"], "ap-guangzhou", "shared");
      setup.close();

      const writers = [writer([file, "p1", shared.vpc, shared.table]), writer([file, "p2", shared.vpc, shared.table])];
      await Promise.all(writers.map((w) => w.ready));
      writers.forEach((w) => w.go());
      const [r1, r2] = (await Promise.all(writers.map((w) => w.done))) as WriterResult[];

      expect([...r1.errors, ...r2.errors]).toEqual([]);
      expect(r1.own).toHaveLength(150);
      expect(r2.own).toHaveLength(150);
      // A retried create under one token made one VPC, whichever process got there first.
      expect(r1.shared).toEqual(r2.shared);
      expect(new Set(r1.shared).size).toBe(150);
      // Each subnet exists once; the loser of each race was told it overlaps.
      expect(r1.subnets.length + r2.subnets.length).toBe(150);
      expect((r1.refusals["InvalidParameterValue.SubnetConflict"] ?? 0) + (r2.refusals["InvalidParameterValue.SubnetConflict"] ?? 0)).toBe(150);

      const engine = CloudEngine.open({ path: file });
      const vpcs = engine.request("DescribeVpcs", {}, as(ACCOUNT_A)).items as Array<{ id: string; name: string }>;
      const ids = vpcs.map((v) => v.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(vpcs).toHaveLength(1 + 150 + 150 + 150);
      expect(new Set([...r1.own, ...r2.own, ...r1.shared])).toEqual(new Set(ids.filter((id) => id !== shared.vpc)));
      const subnets = engine.request("DescribeSubnets", {}, as(ACCOUNT_A)).items as Array<{ cidr: string }>;
      expect(new Set(subnets.map((s) => s.cidr)).size).toBe(150);
      engine.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("two processes opening a brand-new store at once", () => {
  test("both get in (the WAL switch and the migrations are raced safely) and both creates land", async () => {
    const dir = tempDir();
    const rounds = 20;
    try {
      const openers = [writer([dir, "10.1.0.0/16", String(rounds)], OPENER), writer([dir, "10.2.0.0/16", String(rounds)], OPENER)];
      await Promise.all(openers.map((o) => o.ready));
      const start = String(Date.now() + 300);
      openers.forEach((o) => o.go(start));
      const [a, b] = (await Promise.all(openers.map((o) => o.done))) as Array<Array<{ id?: string; error?: string }>>;
      expect([...a, ...b].filter((r) => r.error)).toEqual([]);
      for (let k = 0; k < rounds; k++) {
        const engine = CloudEngine.open({ path: path.join(dir, `fresh-${k}.db`) });
        const ids = (engine.request("DescribeVpcs", {}, as(ACCOUNT_A)).items as Array<{ id: string }>).map((v) => v.id);
        expect(ids.sort()).toEqual([a[k].id, b[k].id].sort());
        engine.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("opening a store while another process holds its lock", () => {
  test("waits for the lock instead of failing (the WAL switch does not consult SQLite's busy handler)", async () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, "locked.db");
      // Another process creates the file in the default journal mode and holds a write lock for a moment.
      const holder = spawn(process.execPath, [
        "-e",
        `const D = require(${JSON.stringify(require.resolve("better-sqlite3"))});
         const db = new D(${JSON.stringify(file)});
         db.exec("BEGIN IMMEDIATE; CREATE TABLE other (a)");
         process.stdout.write("locked\\n");
         setTimeout(() => { db.exec("COMMIT"); db.close(); }, 700);`,
      ]);
      let holderErr = "";
      holder.stderr.on("data", (d: Buffer) => (holderErr += d.toString()));
      const exited = new Promise((resolve) => holder.on("exit", resolve));
      await Promise.race([
        new Promise<void>((resolve) => holder.stdout.on("data", (d: Buffer) => d.toString().includes("locked") && resolve())),
        exited.then(() => Promise.reject(new Error(`the lock holder exited early: ${holderErr}`))),
      ]);
      const engine = CloudEngine.open({ path: file });
      expect(engine.request("CreateVpc", { name: "v", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] }, as(ACCOUNT_A)).id).toBe("vpc-00000001");
      engine.close();
      await exited;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
