import { ChildProcess, spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const REPO = path.resolve(__dirname, "..", "..");
const BIN = path.join(REPO, "bin", "hybridlink.js");

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * A store path no test creates: the default of every run that names none, so
 * no test reads or writes the user's own `.hybridlink/` in the checkout.
 */
const UNTOUCHED_STATE = path.join(os.tmpdir(), `hl-cli-no-state-${process.pid}`, "state.db");

/** The environment of a CLI run: the caller's, never the user's store unless a test points somewhere itself. */
export function cliEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, HYBRIDLINK_STATE: UNTOUCHED_STATE, ...env };
}

/** Runs the built `hybridlink` command as a child process, as a user would. */
export function runCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    env: cliEnv(options.env),
    encoding: "utf8",
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Starts the CLI without waiting, for tests that interrupt it. */
export function spawnCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO, env: cliEnv(options.env), stdio: ["ignore", "pipe", "pipe"] });
}

/** The child's exit (code, or 128 + signal number as a shell reports a signal) and everything it printed. */
export function finished(child: ChildProcess): Promise<CliRun & { signal: NodeJS.Signals | null }> {
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on("close", (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr })));
}

/** A temp folder with an engine state path in it; remove with `fs.rmSync(dir, { recursive: true })`. */
export function tempState(): { dir: string; state: string; env: NodeJS.ProcessEnv } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hl-cli-"));
  const state = path.join(dir, "state.db");
  // No inherited keys or account: each test says what it sets.
  return { dir, state, env: { HYBRIDLINK_STATE: state, HYBRIDLINK_ACCOUNT: "", NO_COLOR: "1" } };
}

/** Parses a command's --json output, failing the test with its stderr when it is not JSON. */
export function json<T = any>(run: CliRun): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`not JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
}

/** Resolves when the child has printed `count` lines saying "created" (an `up` under way). */
export function afterCreated(child: ChildProcess, count: number): Promise<void> {
  let seen = 0;
  return new Promise((resolve) =>
    child.stdout!.on("data", (d: Buffer) => {
      seen += (d.toString().match(/ created /g) ?? []).length;
      if (seen >= count) resolve();
    }),
  );
}

/**
 * Grants the VPN route table's ticket (seed 000's gray release) to the examples' account in the
 * test's store, as a Tencent customer using route tables must hold it before `up` (test/cli/account-features.test.ts
 * shows the refusal without it).
 */
export function grantRouteTableTicket(env: NodeJS.ProcessEnv, account = "100000000001"): void {
  const run = runCli(["account", "feature", "grant", "vpn-route-table", "--account", account, "--ticket", "T-TEST"], { env });
  if (run.code !== 0) throw new Error(`granting the ticket failed: ${run.stdout}${run.stderr}`);
}
