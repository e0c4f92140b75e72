import * as fs from "fs";
import * as path from "path";
import { REPO, runCli, tempState } from "./run-cli";

/**
 * Issue 16 item 3, from outside: bad stores and bad programs, every command
 * that meets them. Each case must end in a coded error (never InternalError,
 * never a stack trace), the documented exit code, with `--json` one JSON
 * document on stdout and nothing on stderr, and the store file unchanged.
 * The test prints the figures the issue asks for.
 */
const HA = path.join(REPO, "examples", "ha-dual-customer-gateway");

/** Commands that read a store (they must not create, fix or write one). */
const READERS: readonly string[][] = [
  ["ls", "--account", "100000000001"],
  ["stack", "ls"],
  ["describe", "vpc-00000001"],
  ["trace", "VPC", "IDC"],
  ["matrix"],
  ["cost"],
  ["clock", "show"],
  ["graph", "--format", "dot"],
  ["config", "Ha/IpsecConnection1"],
  ["state", "backup", "/tmp/hl-never-written.db"],
  ["stack", "unlock", "x"],
];
/** Commands that write (a bad store must still be refused before anything is written). */
const WRITERS: readonly string[][] = [
  ["up", HA, "--yes"],
  ["plan", HA],
  ["destroy", "--stack", "ha-dual-customer-gateway", "--yes"],
  ["clock", "advance", "1s"],
  ["fail", "Ha/CustomerGateway1"],
];

interface Outcome {
  readonly label: string;
  readonly code: number;
  readonly errorCode?: string;
  readonly raw: boolean;
  readonly changed: boolean;
  readonly jsonOk: boolean;
}

const figures = { tried: 0, rawTraces: 0, internal: 0, changed: 0, jsonBroken: 0 };

function attempt(label: string, args: readonly string[], env: NodeJS.ProcessEnv, file?: string): Outcome {
  const before = file && fs.existsSync(file) && fs.statSync(file).isFile() ? fs.readFileSync(file) : undefined;
  const existed = file ? fs.existsSync(file) : false;
  const run = runCli([...args, "--json"], { env });
  let errorCode: string | undefined;
  let jsonOk = run.stderr.trim() === "";
  try {
    errorCode = (JSON.parse(run.stdout) as { error?: { code?: string } }).error?.code;
  } catch {
    jsonOk = false;
  }
  const after = file && fs.existsSync(file) && fs.statSync(file).isFile() ? fs.readFileSync(file) : undefined;
  const changed = file !== undefined && (existed !== fs.existsSync(file) || (before !== undefined && after !== undefined && !before.equals(after)));
  const raw = /\n\s+at .+:\d+:\d+\)?/.test(run.stdout + run.stderr);
  figures.tried++;
  if (raw) figures.rawTraces++;
  if (errorCode === "InternalError") figures.internal++;
  if (changed) figures.changed++;
  if (!jsonOk) figures.jsonBroken++;
  return { label, code: run.code, errorCode, raw, changed, jsonOk };
}

describe("bad stores and bad programs: coded errors, nothing changed", () => {
  let t: ReturnType<typeof tempState>;
  let sound: string;
  beforeAll(() => {
    t = tempState();
    // A sound store to truncate.
    expect(runCli(["up", "--yes", HA], { env: t.env }).code).toBe(0);
    sound = t.state;
  });
  afterAll(() => {
    fs.rmSync(t.dir, { recursive: true, force: true });
    // eslint-disable-next-line no-console -- the figures the issue asks the closing note to give
    console.log(`bad-input figures: ${JSON.stringify(figures)}`);
  });

  const stores: [string, (dir: string) => string][] = [
    ["a missing", (dir) => path.join(dir, "missing", "state.db")],
    ["an empty file as", (dir) => (fs.writeFileSync(path.join(dir, "empty.db"), ""), path.join(dir, "empty.db"))],
    ["a non-database file as", (dir) => (fs.writeFileSync(path.join(dir, "garbage.db"), "x".repeat(5000)), path.join(dir, "garbage.db"))],
    ["a truncated", (dir) => (fs.writeFileSync(path.join(dir, "cut.db"), fs.readFileSync(sound).subarray(0, 4096 + 100)), path.join(dir, "cut.db"))],
    ["a folder as", (dir) => (fs.mkdirSync(path.join(dir, "folder.db")), path.join(dir, "folder.db"))],
  ];

  test.each(stores)("%s store: every reader and writer refuses with a coded error and leaves it as it was", (kind, make) => {
    const dir = fs.mkdtempSync(path.join(t.dir, "case-"));
    const file = make(dir);
    const env = { ...t.env, HYBRIDLINK_STATE: file };
    // A missing or empty store is where `up`/`plan` start a new one: only readers are bad input there.
    const commands = kind === "a missing" || kind === "an empty file as" ? READERS : [...READERS, ...WRITERS];
    const outcomes = commands.map((args) => attempt(`${kind}: ${args.join(" ")}`, args, env, file));
    const bad = outcomes.filter((o) => o.raw || o.changed || !o.jsonOk || o.errorCode === undefined || o.errorCode === "InternalError" || o.code !== 2);
    expect(bad).toEqual([]);
  });

  test("bad values: an empty or spaced stack name, clock moves of nothing or of centuries — coded, nothing changed", () => {
    const dir = fs.mkdtempSync(path.join(t.dir, "values-"));
    const state = path.join(dir, "state.db");
    const env = { ...t.env, HYBRIDLINK_STATE: state };
    for (const name of ["", "a b", "x".repeat(101), "../up"]) {
      const o = attempt(`--stack ${JSON.stringify(name)}`, ["up", HA, "--yes", "--stack", name], env, state);
      expect({ name, code: o.code, error: o.errorCode, raw: o.raw, jsonOk: o.jsonOk }).toEqual({ name, code: 2, error: "InvalidArgument", raw: false, jsonOk: true });
      expect(fs.existsSync(state)).toBe(false);
    }
    expect(runCli(["up", HA, "--yes"], { env }).code).toBe(0);
    for (const d of ["0", "0s", "3651d", "-5s", "abc", "1x"]) {
      const o = attempt(`clock advance ${d}`, ["clock", "advance", d], env, state);
      expect({ d, coded: o.errorCode !== undefined && o.errorCode !== "InternalError", changed: o.changed, raw: o.raw }).toEqual({ d, coded: true, changed: false, raw: false });
    }
  });

  const programs: [string, string, string][] = [
    ["a syntax error", "syntax.ts", "export const app = ;\n"],
    ["a program that throws", "throws.ts", 'throw new Error("the program broke");\n'],
    ["a TypeError at load", "typeerror.ts", "const x: any = undefined;\nx.boom();\nexport const app = 1;\n"],
    ["null props from plain JS", "nullprops.js", 'const { NetworkApp, Vpc } = require("hybridlink");\nconst app = new NetworkApp({ profile: "tencent" });\nnew Vpc(app, "V", { region: "ap-guangzhou", cidrs: null });\nmodule.exports = { app };\n'],
    ["a device that is {}", "device.js", 'const { NetworkApp, IdcSite } = require("hybridlink");\nconst app = new NetworkApp({ profile: "tencent" });\nnew IdcSite(app, "I", { cidrs: ["192.168.0.0/16"] }).addDevice("D", {});\nmodule.exports = { app };\n'],
    ["an unknown profile", "profile.js", 'const { NetworkApp } = require("hybridlink");\nmodule.exports = { app: new NetworkApp({ profile: "aws" }) };\n'],
    ["no app exported", "noapp.ts", "export const x = 1;\n"],
  ];

  test.each(programs)("%s: synth, plan and up refuse with a coded error (JSON under --json) and create no store", (_kind, name, source) => {
    const dir = fs.mkdtempSync(path.join(t.dir, "prog-"));
    const program = path.join(dir, name);
    fs.writeFileSync(program, source);
    const state = path.join(dir, "state.db");
    const env = { ...t.env, HYBRIDLINK_STATE: state };
    for (const args of [["synth", program, "--out", path.join(dir, "m.json")], ["plan", program], ["up", program, "--yes"]]) {
      const o = attempt(`${name}: ${args[0]}`, args, env, state);
      expect({ label: o.label, code: o.code, coded: o.errorCode !== undefined && o.errorCode !== "InternalError", raw: o.raw, jsonOk: o.jsonOk }).toEqual({
        label: o.label,
        code: 2,
        coded: true,
        raw: false,
        jsonOk: true,
      });
      expect(fs.existsSync(state)).toBe(false);
    }
  });
});
