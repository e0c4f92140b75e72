import * as fs from "fs";
import * as path from "path";
import Database = require("better-sqlite3");
import { CloudEngine } from "../../providers/cloud";
import { StackStore } from "../../lib/cli/stack/stack-store";
import { afterCreated, finished, json, REPO, runCli, spawnCli, tempState } from "./run-cli";

/**
 * Issue 16 item 1, with real processes: one `up`/`destroy` at a time per
 * stack; a second is refused at once naming the holder (exit 5); a holder
 * that died is detected; `stack unlock` clears what cannot be detected.
 */
const MANY = path.join(REPO, "test", "fixtures", "cli", "many-vpcs");
const HA = path.join(REPO, "examples", "ha-dual-customer-gateway");
const ACCOUNT = "100000000001";

/** VPCs in the engine vs VPC records of the stack: equal when no run left an orphan or a duplicate. */
function vpcsAndRecords(state: string, stack: string): { vpcs: number; records: number; creating: number } {
  const engine = CloudEngine.open({ path: state });
  const vpcs = Number(engine.request("DescribeVpcs", {}, { account: ACCOUNT }).totalCount);
  engine.close();
  const db = new Database(state, { readonly: true });
  const records = Number(db.prepare("SELECT count(*) FROM stack_resources WHERE stack = ? AND type = 'Vpc' AND cloud_id IS NOT NULL").pluck().get(stack));
  const creating = Number(db.prepare("SELECT count(*) FROM stack_resources WHERE stack = ? AND status = 'CREATING'").pluck().get(stack));
  db.close();
  return { vpcs, records, creating };
}

function lockRows(state: string): { stack: string; pid: number; machine: string }[] {
  const db = new Database(state, { readonly: true });
  try {
    return db.prepare("SELECT stack, pid, machine FROM stack_locks").all() as { stack: string; pid: number; machine: string }[];
  } finally {
    db.close();
  }
}

describe("stack locks", () => {
  let t: ReturnType<typeof tempState>;
  beforeEach(() => {
    t = tempState();
  });
  afterEach(() => fs.rmSync(t.dir, { recursive: true, force: true }));

  test("the same app twice at once: the second up is refused at once naming the holder; the store ends with no duplicate or orphan", async () => {
    // Big enough (3,000 resources) that the first is still applying when the second has started and planned.
    // (Pausing the first with SIGSTOP would be exact, but it may stop inside a write transaction: the
    // second then waits on SQLite's lock, not the stack's — a different, also-tested path.)
    const env = { ...t.env, HL_MANY_VPCS: "1500" };
    const first = spawnCli(["up", "--yes", MANY], { env });
    const firstDone = finished(first);
    await afterCreated(first, 5);
    const second = runCli(["up", "--yes", MANY, "--json"], { env });
    const done = await firstDone;
    expect(done.code).toBe(0);
    if (second.code !== 0) {
      expect(second.code).toBe(5);
      const err = json(second).error;
      expect(err.code).toBe("StackLocked");
      expect(err.message).toContain(`pid ${first.pid}`);
      expect(err.message).toMatch(/`up` \(pid \d+ on .+, since \d{4}-\d\d-\d\dT/);
      expect(err.message).toContain("nothing was changed");
    } else {
      // The first finished before the second began (a very loaded machine): the second found nothing to do.
      expect(json(second).plan.counts.create).toBe(0);
    }
    expect(lockRows(t.state)).toEqual([]);

    const third = json(runCli(["up", "--yes", MANY, "--json"], { env }));
    expect(third.plan.counts).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0 });
    expect(vpcsAndRecords(t.state, "many-vpcs")).toEqual({ vpcs: 1500, records: 1500, creating: 0 });
  });

  test("different stacks of one store deploy in parallel", async () => {
    const env = { ...t.env, HL_MANY_VPCS: "300" };
    const a = finished(spawnCli(["up", "--yes", MANY, "--stack", "a"], { env }));
    const b = finished(spawnCli(["up", "--yes", HA], { env }));
    const [ra, rb] = await Promise.all([a, b]);
    expect({ a: ra.code, b: rb.code, errors: ra.stderr + rb.stderr }).toEqual({ a: 0, b: 0, errors: "" });
    expect(lockRows(t.state)).toEqual([]);
    expect(vpcsAndRecords(t.state, "a")).toMatchObject({ records: 300, creating: 0 });
  });

  test("an up killed with SIGKILL leaves its lock; the next up detects the holder is gone, takes over and converges", async () => {
    const env = { ...t.env, HL_MANY_VPCS: "400" };
    const child = spawnCli(["up", "--yes", MANY], { env });
    const done = finished(child);
    await afterCreated(child, 20);
    child.kill("SIGKILL");
    expect((await done).signal).toBe("SIGKILL");
    expect(lockRows(t.state)).toEqual([expect.objectContaining({ stack: "many-vpcs", pid: child.pid })]);

    const next = runCli(["up", "--yes", MANY], { env });
    expect(next.code).toBe(0);
    expect(next.stderr).toContain(`took over the lock of stack many-vpcs left by \`up\` (pid ${child.pid}`);
    expect(next.stderr).toContain("no longer running");
    expect(lockRows(t.state)).toEqual([]);
    const db = new Database(t.state, { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    db.close();
    expect(vpcsAndRecords(t.state, "many-vpcs")).toEqual({ vpcs: 400, records: 400, creating: 0 });
  });

  test("a lock held on another machine is refused (exit 5, JSON on stdout) until `stack unlock` clears it; stack ls shows it", () => {
    expect(runCli(["up", "--yes", HA], { env: t.env }).code).toBe(0);
    const stacks = StackStore.open(t.state);
    stacks.locks().acquire("ha-dual-customer-gateway", "destroy");
    stacks.close();
    const db = new Database(t.state);
    db.prepare("UPDATE stack_locks SET machine = 'build-host-7|boot|pid:[1]', host = 'build-host-7', pid = 4242").run();
    db.close();

    const refused = runCli(["up", "--yes", HA, "--json"], { env: t.env });
    expect(refused.code).toBe(5);
    const err = json(refused).error;
    expect(err).toMatchObject({ code: "StackLocked", path: "ha-dual-customer-gateway" });
    expect(err.message).toContain("`destroy` (pid 4242 on build-host-7, since");
    expect(err.hint).toContain("hybridlink stack unlock ha-dual-customer-gateway");
    const destroy = runCli(["destroy", "--stack", "ha-dual-customer-gateway", "--yes"], { env: t.env });
    expect(destroy.code).toBe(5);
    expect(destroy.stderr).toContain("[StackLocked]");

    const ls = json(runCli(["stack", "ls", "--json"], { env: t.env }));
    expect(ls.stacks[0].lockedBy).toMatchObject({ operation: "destroy", pid: 4242, host: "build-host-7", running: null });
    expect(runCli(["stack", "ls"], { env: t.env }).stdout).toContain("destroy pid 4242@build-host-7");

    const unlock = runCli(["stack", "unlock", "ha-dual-customer-gateway"], { env: t.env });
    expect(unlock.code).toBe(0);
    expect(unlock.stdout).toContain("stack ha-dual-customer-gateway unlocked");
    expect(lockRows(t.state)).toEqual([]);
    expect(runCli(["stack", "unlock", "ha-dual-customer-gateway"], { env: t.env }).stdout).toContain("is not locked");
    expect(runCli(["up", "--yes", HA], { env: t.env }).code).toBe(0);
  });

  test("stack unlock keeps the lock of a holder still running here unless --force; an unknown stack is a usage error", () => {
    expect(runCli(["up", "--yes", HA], { env: t.env }).code).toBe(0);
    // The holder is this test's own process: alive, on this machine.
    const stacks = StackStore.open(t.state);
    stacks.locks().acquire("ha-dual-customer-gateway", "up");
    try {
      const refused = runCli(["up", "--yes", HA], { env: t.env });
      expect(refused.code).toBe(5);
      expect(refused.stderr).toContain(`pid ${process.pid}`);
      expect(refused.stderr).toContain("wait for it to finish");

      const kept = runCli(["stack", "unlock", "ha-dual-customer-gateway"], { env: t.env });
      expect(kept.code).toBe(5);
      expect(kept.stderr).toContain("[StackLockHeld]");
      expect(lockRows(t.state)).toHaveLength(1);
      expect(runCli(["stack", "unlock", "ha-dual-customer-gateway", "--force"], { env: t.env }).code).toBe(0);
      expect(lockRows(t.state)).toEqual([]);

      const unknown = runCli(["stack", "unlock", "no-such-stack", "--json"], { env: t.env });
      expect(unknown.code).toBe(2);
      expect(json(unknown).error.code).toBe("UnknownStack");
    } finally {
      stacks.close();
    }
  });
});
