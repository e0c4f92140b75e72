import * as fs from "fs";
import * as path from "path";
import { json, REPO, runCli, tempState } from "./run-cli";

/**
 * Issue 16 item 7, from the CLI: `state backup` / `state restore` with
 * SQLite's online backup, and a backup before `destroy` unless told not to.
 */
const HA = path.join(REPO, "examples", "ha-dual-customer-gateway");
const STACK = "ha-dual-customer-gateway";

describe("state backup and restore", () => {
  let t: ReturnType<typeof tempState>;
  beforeEach(() => {
    t = tempState();
    expect(runCli(["up", "--yes", HA], { env: t.env }).code).toBe(0);
  });
  afterEach(() => fs.rmSync(t.dir, { recursive: true, force: true }));

  const stacks = () => json(runCli(["stack", "ls", "--json"], { env: t.env })).stacks.map((s: { name: string; resources: number }) => [s.name, s.resources]);

  test("backup writes an owner-only copy; destroy backs up first; restore brings the stack back and its keys still negotiate", () => {
    const file = path.join(t.dir, "saved", "before.db");
    const backup = json(runCli(["state", "backup", file, "--json"], { env: t.env }));
    expect(backup.backup).toMatchObject({ file, stacks: [STACK] });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const destroy = json(runCli(["destroy", "--stack", STACK, "--yes", "--json"], { env: t.env }));
    expect(destroy.stackRemoved).toBe(true);
    expect(destroy.backup).toMatch(new RegExp(`backups/destroy-${STACK}-\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z\\.db$`));
    expect(fs.existsSync(destroy.backup)).toBe(true);
    expect(stacks()).toEqual([]);

    const refused = runCli(["state", "restore", destroy.backup], { env: t.env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("[ConfirmationRequired]");
    expect(stacks()).toEqual([]);

    const restored = json(runCli(["state", "restore", destroy.backup, "--yes", "--json"], { env: t.env }));
    expect(restored.restore.stacks).toEqual([STACK]);
    expect(fs.existsSync(restored.restore.previous)).toBe(true);
    expect(stacks()).toEqual([[STACK, 11]]);
    // The restored stack is the deployed one: nothing to do, and its sealed keys open (the same seal.key).
    expect(json(runCli(["up", "--yes", HA, "--json"], { env: t.env })).plan.counts).toMatchObject({ create: 0, update: 0, delete: 0 });
    expect(runCli(["config", "Ha/IpsecConnection1", "--format", "json"], { env: t.env }).code).toBe(0);
  });

  test("destroy --no-backup writes none; text output names the backup and how to undo", () => {
    const none = json(runCli(["destroy", "--stack", STACK, "--yes", "--no-backup", "--json"], { env: t.env }));
    expect(none.backup).toBeNull();
    expect(fs.existsSync(path.join(t.dir, "backups"))).toBe(false);
    expect(runCli(["up", "--yes", HA], { env: t.env }).code).toBe(0);
    const text = runCli(["destroy", "--stack", STACK, "--yes"], { env: t.env });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/backup of the store before destroy: \S+backups\/destroy-\S+\.db \(undo with `hybridlink state restore \S+`\)/);
  });

  test("bad backup targets and sources are coded errors that change nothing", () => {
    const file = path.join(t.dir, "b.db");
    expect(runCli(["state", "backup", file], { env: t.env }).code).toBe(0);
    const exists = runCli(["state", "backup", file, "--json"], { env: t.env });
    expect(exists.code).toBe(2);
    expect(json(exists).error).toMatchObject({ code: "BackupTargetExists", path: file });
    expect(runCli(["state", "backup", file, "--force"], { env: t.env }).code).toBe(0);
    expect(json(runCli(["state", "backup", t.dir, "--json"], { env: t.env })).error.code).toBe("BackupTargetIsFolder");

    const garbage = path.join(t.dir, "garbage.db");
    fs.writeFileSync(garbage, "this is not a database".repeat(100));
    const truncated = path.join(t.dir, "truncated.db");
    fs.writeFileSync(truncated, fs.readFileSync(file).subarray(0, 8192));
    const cases: [string, RegExp][] = [
      [path.join(t.dir, "missing.db"), /no such file/],
      [t.dir, /a folder/],
      [garbage, /not a readable SQLite database|not a hybridlink store/],
      [truncated, /integrity|not a readable|not a hybridlink store/],
      [t.state, /the store itself/],
    ];
    for (const [source, message] of cases) {
      const run = runCli(["state", "restore", source, "--yes", "--json"], { env: t.env });
      expect({ source, code: run.code }).toEqual({ source, code: 2 });
      const err = json(run).error;
      expect(err.code).toBe("BadBackup");
      expect(err.message).toMatch(message);
    }
    expect(stacks()).toEqual([[STACK, 11]]);
    expect(fs.existsSync(path.join(t.dir, "backups"))).toBe(false);
  });
});
