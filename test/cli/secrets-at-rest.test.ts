import * as fs from "fs";
import * as path from "path";
import Database = require("better-sqlite3");
import { SecretBox } from "../../providers/cloud";
import { StackStore } from "../../lib/cli/stack/stack-store";
import { json, REPO, runCli, tempState } from "./run-cli";

/**
 * Issue 16 item 2, from outside: the CLI as a child process against a
 * temporary store. Pre-shared keys never sit in the store file in plain text;
 * the store and its folder are owner-only; a store without its sealing key
 * yields no key and says how to fix it.
 */
const HA = path.join(REPO, "examples", "ha-dual-customer-gateway");
const STACK = "ha-dual-customer-gateway";
const SOURCES = ["env:HL_HA_PSK_CGW1", "env:HL_HA_PSK_CGW2"];

/** The keys `up` generated for the HA example, read the way the CLI reads them (opened with the store's key). */
function generatedKeys(state: string): string[] {
  const stacks = StackStore.open(state);
  try {
    return SOURCES.map((s) => stacks.tryGetGeneratedSecret(STACK, s)!);
  } finally {
    stacks.close();
  }
}

function rawValues(state: string): { stack: string[]; engine: { resource_id: string; name: string; value: string }[] } {
  const db = new Database(state, { readonly: true });
  try {
    return {
      stack: db.prepare("SELECT value FROM stack_secrets").pluck().all() as string[],
      engine: db.prepare("SELECT resource_id, name, value FROM secrets").all() as { resource_id: string; name: string; value: string }[],
    };
  } finally {
    db.close();
  }
}

describe("secrets at rest", () => {
  let t: ReturnType<typeof tempState>;
  beforeEach(() => {
    t = tempState();
  });
  afterEach(() => fs.rmSync(t.dir, { recursive: true, force: true }));

  test("generated keys reach the engine sealed; no output, stack record or store byte holds them in plain text", () => {
    const up = runCli(["up", "--yes", HA, "--json"], { env: t.env });
    expect(up.code).toBe(0);
    const keys = generatedKeys(t.state);
    expect(keys.every((k) => typeof k === "string" && k.length >= 16)).toBe(true);

    const raw = rawValues(t.state);
    expect(raw.stack).toHaveLength(2);
    expect(raw.engine).toHaveLength(2);
    for (const v of [...raw.stack, ...raw.engine.map((r) => r.value)]) expect(v).toMatch(/^gcm1:/);
    // The engine's copies open (bound to their connection and field) to the same keys the stack generated.
    const box = new SecretBox(t.state);
    expect(new Set(raw.engine.map((r) => box.open(r.value, `${r.resource_id}/${r.name}`)))).toEqual(new Set(keys));

    const db = new Database(t.state, { readonly: true });
    const records = JSON.stringify(db.prepare("SELECT inputs, outputs FROM stack_resources").all());
    db.close();
    expect(records).toContain("hmac1$");
    expect(records).not.toContain("scrypt$");
    const outputs = [up, runCli(["plan", HA], { env: t.env }), runCli(["config", "Ha/IpsecConnection1", "--format", "json"], { env: t.env })];
    const fileBytes = ["", "-wal"].map((suffix) => (fs.existsSync(t.state + suffix) ? fs.readFileSync(t.state + suffix).toString("latin1") : "")).join("");
    for (const key of keys) {
      expect(records).not.toContain(key);
      expect(fileBytes).not.toContain(key);
      for (const run of outputs) expect(run.stdout + run.stderr).not.toContain(key);
    }
  });

  test("the store is created owner-only (file 0600, folder 0700) with its key file 0600 beside it", () => {
    const state = path.join(t.dir, "nested", "state.db");
    expect(runCli(["up", "--yes", HA], { env: { ...t.env, HYBRIDLINK_STATE: state } }).code).toBe(0);
    const mode = (f: string) => fs.statSync(f).mode & 0o777;
    expect(mode(state)).toBe(0o600);
    expect(mode(path.dirname(state))).toBe(0o700);
    expect(mode(path.join(path.dirname(state), "seal.key"))).toBe(0o600);
  });

  test("an existing store others can read is narrowed to 0600 when opened", () => {
    expect(runCli(["up", "--yes", HA], { env: t.env }).code).toBe(0);
    fs.chmodSync(t.state, 0o644);
    expect(runCli(["stack", "ls"], { env: t.env }).code).toBe(0);
    expect(fs.statSync(t.state).mode & 0o777).toBe(0o600);
  });

  test("a store copied without its key file yields no key: the config download is refused with how to fix it", () => {
    expect(runCli(["up", "--yes", HA], { env: t.env }).code).toBe(0);
    const keys = generatedKeys(t.state);
    const copyDir = fs.mkdtempSync(path.join(t.dir, "copy-"));
    const copy = path.join(copyDir, "state.db");
    const src = new Database(t.state);
    src.pragma("wal_checkpoint(TRUNCATE)");
    src.close();
    fs.copyFileSync(t.state, copy);
    const env = { ...t.env, HYBRIDLINK_STATE: copy };

    const config = runCli(["config", "Ha/IpsecConnection1", "--json"], { env });
    expect(config.code).not.toBe(0);
    const body = json(config);
    expect(JSON.stringify(body)).toContain("SealKeyMismatch");
    expect(JSON.stringify(body)).toMatch(/seal\.key|HYBRIDLINK_SEAL_KEY/);
    for (const key of keys) expect(config.stdout + config.stderr).not.toContain(key);

    // With the key file put back, the same copy opens.
    fs.copyFileSync(path.join(t.dir, "seal.key"), path.join(copyDir, "seal.key"));
    const again = runCli(["config", "Ha/IpsecConnection1", "--format", "json"], { env });
    expect(again.code).toBe(0);
  });

  test("$HYBRIDLINK_SEAL_KEY replaces the key file (for CI); a different value cannot read the keys", () => {
    const env = { ...t.env, HYBRIDLINK_SEAL_KEY: "ci-secret-one" };
    expect(runCli(["up", "--yes", HA], { env }).code).toBe(0);
    expect(fs.existsSync(path.join(t.dir, "seal.key"))).toBe(false);
    expect(runCli(["config", "Ha/IpsecConnection1", "--format", "json"], { env }).code).toBe(0);
    const wrong = runCli(["config", "Ha/IpsecConnection1", "--format", "json"], { env: { ...env, HYBRIDLINK_SEAL_KEY: "another" } });
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain("SealKeyMismatch");
  });

  test("keys a store kept in plain text before sealing are sealed the first time it is opened, and still work", () => {
    expect(runCli(["up", "--yes", HA], { env: t.env }).code).toBe(0);
    const keys = generatedKeys(t.state);
    // Rewind to the old format: plain values in both tables, as stores before schema 11 held them.
    const box = new SecretBox(t.state);
    const db = new Database(t.state);
    for (const [i, source] of SOURCES.entries()) db.prepare("UPDATE stack_secrets SET value = ? WHERE stack = ? AND name = ?").run(keys[i], STACK, source);
    for (const r of rawValues(t.state).engine) {
      db.prepare("UPDATE secrets SET value = ? WHERE resource_id = ? AND name = ?").run(box.open(r.value, `${r.resource_id}/${r.name}`), r.resource_id, r.name);
    }
    db.close();
    expect(rawValues(t.state).stack.some((v) => !v.startsWith("gcm1:"))).toBe(true);

    const again = json(runCli(["up", "--yes", HA, "--json"], { env: t.env }));
    expect(again.plan.counts).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0 });
    const raw = rawValues(t.state);
    for (const v of [...raw.stack, ...raw.engine.map((r) => r.value)]) expect(v).toMatch(/^gcm1:/);
    expect(generatedKeys(t.state)).toEqual(keys);
  });
});
