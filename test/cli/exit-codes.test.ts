import * as fs from "fs";
import * as path from "path";
import { CommanderError } from "commander";
import { HybridlinkError } from "../../lib/core/errors";
import { CliError, EXIT_FINDINGS, EXIT_INTERNAL, EXIT_REFUSED, EXIT_USAGE, toCliError } from "../../lib/cli/errors";
import { CloudError } from "../../providers/cloud/errors";
import { CliRun, REPO, runCli, tempState } from "./run-cli";

const example = (name: string) => path.join(REPO, "examples", name);

/** Every --json run prints exactly one JSON document on stdout; an error is `{"error": {code, message, path?, hint?}}`. */
function jsonError(run: CliRun): { code: string; message: string; path?: string; hint?: string } {
  let doc: { error?: Record<string, unknown> };
  try {
    doc = JSON.parse(run.stdout);
  } catch {
    throw new Error(`stdout is not one JSON document (exit ${run.code}):\n${run.stdout}\n--- stderr:\n${run.stderr}`);
  }
  expect(Object.keys(doc)).toEqual(["error"]);
  expect(Object.keys(doc.error!).every((k) => ["code", "message", "path", "hint"].includes(k))).toBe(true);
  expect(typeof doc.error!.code).toBe("string");
  expect(typeof doc.error!.message).toBe("string");
  return doc.error as never;
}

describe("exit codes and --json errors, per command, through the CLI", () => {
  const t = tempState();
  const cli = (...args: string[]) => runCli(args, { env: t.env });
  const manifest = path.join(t.dir, "manifest.json");
  beforeAll(() => {
    // P3 (pending cross-account peering) and S1 (one tunnel) side by side in one store.
    expect(cli("up", "--yes", example("p3-cross-account-cross-region")).code).toBe(0);
    expect(cli("up", "--yes", example("s1-vpc-idc-spd")).code).toBe(0);
    expect(cli("synth", example("s1-vpc-idc-spd"), "--out", manifest).code).toBe(0);
  });
  afterAll(() => fs.rmSync(t.dir, { recursive: true, force: true }));

  // [what, args, exit code, error code (undefined: success, stdout is JSON but not an error)]
  const cases: Array<[string, string[], number, string | undefined]> = [
    ["no command", [], EXIT_USAGE, "NoCommand"],
    ["an unknown command", ["deploy-everything"], EXIT_USAGE, "UnknownCommand"],
    ["synth: ok", ["synth", example("s1-vpc-idc-spd"), "--out", "-"], 0, undefined],
    ["synth: no such program", ["synth", "no/such/app.ts"], EXIT_USAGE, "ProgramNotFound"],
    ["validate: ok", ["validate", "MANIFEST"], 0, undefined],
    ["validate: missing file", ["validate", "missing.json"], EXIT_USAGE, "ManifestNotFound"],
    ["plan: ok", ["plan", example("s1-vpc-idc-spd")], 0, undefined],
    ["plan: missing argument", ["plan"], EXIT_USAGE, "MissingArgument"],
    ["up: unknown option", ["up", example("s1-vpc-idc-spd"), "--yess"], EXIT_USAGE, "UnknownOption"],
    ["up: nothing to change", ["up", example("s1-vpc-idc-spd")], 0, undefined],
    ["destroy: unknown stack", ["destroy", "--stack", "nope", "--yes"], EXIT_USAGE, "UnknownStack"],
    ["trace: ok", ["trace", "VPC", "IDC", "--stack", "s1-vpc-idc-spd"], 0, undefined],
    ["trace: unknown endpoint", ["trace", "VPC", "Nowhere", "--stack", "s1-vpc-idc-spd"], EXIT_USAGE, "UnknownEndpoint"],
    ["trace: misses --expect", ["trace", "VPC-Guangzhou", "VPC-Beijing", "--expect", "reachable"], EXIT_FINDINGS, undefined],
    ["matrix: ok", ["matrix", "--stack", "s1-vpc-idc-spd"], 0, undefined],
    ["matrix: unknown stack", ["matrix", "--stack", "nope"], EXIT_USAGE, "UnknownStack"],
    ["fail: unknown target", ["fail", "NoSuchDevice"], EXIT_USAGE, undefined],
    ["recover: unknown target", ["recover", "NoSuchDevice"], EXIT_USAGE, undefined],
    ["clock show: ok", ["clock", "show", "--stack", "s1-vpc-idc-spd"], 0, undefined],
    ["clock advance: bad duration", ["clock", "advance", "soon", "--stack", "s1-vpc-idc-spd"], EXIT_REFUSED, "InvalidParameterValue.Duration"],
    ["peering accept: refused (the requester may not accept)", ["peering", "accept", "Peering/Connection", "--account", "100000000001"], EXIT_REFUSED, "UnauthorizedOperation"],
    ["peering reject: unknown peering", ["peering", "reject", "pcx-nope"], EXIT_USAGE, undefined],
    ["config: ok", ["config", "Vpn/Connection", "--format", "json", "--stack", "s1-vpc-idc-spd"], 0, undefined],
    ["config: bad format", ["config", "Vpn/Connection", "--format", "cisco"], EXIT_USAGE, "InvalidArgument"],
    ["graph: ok", ["graph", "--format", "dot", "--stack", "s1-vpc-idc-spd"], 0, undefined],
    ["graph: half a trace", ["graph", "--from", "VPC"], EXIT_USAGE, "UsageTrace"],
    ["cost: unknown stack", ["cost", "--stack", "nope"], EXIT_USAGE, "UnknownStack"],
    ["cost: half the figures", ["cost", "--regions", "ap-guangzhou,ap-beijing", "--peak-out", "5"], EXIT_USAGE, "UsageFigures"],
    ["traffic record: refused (not ACTIVE)", ["traffic", "record", "Peering/Connection", "--out", "1", "--in", "1"], EXIT_REFUSED, undefined],
  ];

  test.each(cases)("%s: --json prints one JSON document and exits as documented", (_what, args, exit, code) => {
    const run = cli(...args.map((a) => (a === "MANIFEST" ? manifest : a)), "--json");
    expect({ args, exit: run.code }).toEqual({ args, exit });
    if (exit === 0 || exit === EXIT_FINDINGS) {
      expect(() => JSON.parse(run.stdout)).not.toThrow();
      if (exit === EXIT_FINDINGS) expect(JSON.parse(run.stdout).error === undefined || code !== undefined).toBe(true);
      return;
    }
    const error = jsonError(run);
    if (code) expect(error.code).toBe(code);
    expect(run.stderr).toBe("");
  });

  test.each(cases.filter(([, , exit]) => exit >= EXIT_USAGE && exit <= EXIT_INTERNAL))("%s: in text, the coded error on stderr and nothing on stdout", (_what, args, exit, code) => {
    const run = cli(...args);
    expect(run.code).toBe(exit);
    // Without a command the help comes first, then the error.
    expect(run.stderr).toMatch(code ? new RegExp(`^hybridlink: \\[${code}\\] `, "m") : /^hybridlink: \[\w[\w.]*\] /);
    if (args[0] !== undefined) expect(run.stdout).toBe("");
  });
});

describe("toCliError: one mapping from what went wrong to the exit code", () => {
  test("a cloud refusal is exit 3, a coded input error exit 2, synth findings exit 1, anything else internal (exit 4)", () => {
    expect(toCliError(new CloudError("LimitExceeded.VpcPeeringPerVpc", "too many")).exitCode).toBe(EXIT_REFUSED);
    expect(toCliError(new HybridlinkError("UnknownStack", "no such stack")).exitCode).toBe(EXIT_USAGE);
    expect(toCliError(new HybridlinkError("SynthFailed", "2 errors")).exitCode).toBe(EXIT_FINDINGS);
    const internal = toCliError(new TypeError("Cannot read properties of undefined"));
    expect(internal.toJSON()).toEqual({
      error: { code: "InternalError", message: "Cannot read properties of undefined", hint: expect.stringContaining("HYBRIDLINK_DEBUG=1") },
    });
    expect(internal.exitCode).toBe(EXIT_INTERNAL);
  });

  test("commander's parse errors are usage errors with a PascalCase code and a --help hint", () => {
    const err = toCliError(new CommanderError(1, "commander.unknownOption", "error: unknown option '--yess'"), "hybridlink up");
    expect(err.toJSON()).toEqual({ error: { code: "UnknownOption", message: "unknown option '--yess'", hint: "see `hybridlink up --help`" } });
    expect(err.exitCode).toBe(EXIT_USAGE);
  });

  test("a CliError keeps its path and hint; the JSON has only the documented keys", () => {
    const err = new CliError("ConfirmationRequired", "no terminal", { path: "--yes", hint: "pass --yes" });
    expect(toCliError(err)).toBe(err);
    expect(err.toJSON()).toEqual({ error: { code: "ConfirmationRequired", message: "no terminal", path: "--yes", hint: "pass --yes" } });
  });
});
