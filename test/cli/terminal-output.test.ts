import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { Command } from "commander";
import { buildCli } from "../../lib/cli/main";
import { cliEnv, REPO, runCli, tempState } from "./run-cli";
import { grantRouteTableTicket } from "./run-cli";

/**
 * Issue 15 item 5: output people can read in a terminal — traces and the
 * matrix fit 100 columns whatever the topology's size; every command's help
 * has an example and speaks in scenario words, not document numbers.
 */
const S4 = path.join(REPO, "examples", "s4-ccn-idcs-cloud-networks");
const HA = path.join(REPO, "examples", "ha-dual-customer-gateway");
const MANY = path.join(REPO, "test", "fixtures", "cli", "many-vpcs");

function widest(text: string): number {
  return Math.max(...text.split("\n").map((l) => [...l].length));
}

describe("help in the user's words", () => {
  const silent = { out: () => undefined, err: () => undefined, exitCode: () => undefined };
  const all: [string, Command][] = [];
  const visit = (c: Command, prefix: string) => {
    for (const sub of c.commands) {
      const name = `${prefix}${sub.name()}`;
      // Groups (clock, peering, stack…) list their subcommands; each leaf has the example.
      if (sub.commands.length === 0) all.push([name, sub]);
      visit(sub, `${name} `);
    }
  };
  visit(buildCli(silent), "");

  test("there are commands to check", () => expect(all.length).toBeGreaterThan(25));

  test.each(all.map(([name]) => [name]))("%s --help has an example and names no document number", (name) => {
    const [, command] = all.find(([n]) => n === name)!;
    let help = "";
    command.configureOutput({ writeOut: (s) => (help += s) });
    command.outputHelp();
    expect(help).toMatch(/\nExamples?:\n {2}\$ hybridlink /);
    expect(help).not.toMatch(/\bseeds? ?\d|\bseed\b|\b00[0-6]\b/i);
  });
});

describe("traces and the matrix fit 100 columns", () => {
  let t: ReturnType<typeof tempState>;
  beforeAll(() => {
    t = tempState();
    grantRouteTableTicket(t.env);
    expect(runCli(["up", "--yes", S4], { env: t.env }).code).toBe(0);
    expect(runCli(["up", "--yes", HA], { env: t.env }).code).toBe(0);
  });
  afterAll(() => fs.rmSync(t.dir, { recursive: true, force: true }));

  test("traces of the CCN scenario and the dual-gateway example, both ways, hop by hop", () => {
    for (const [from, to, stack] of [["IDC-1", "VPC-Shanghai", "s4-ccn-idcs-cloud-networks"], ["DC-Network", "IDC-3", "s4-ccn-idcs-cloud-networks"], ["VPC", "IDC", "ha-dual-customer-gateway"]]) {
      const run = runCli(["trace", from, to, "--stack", stack], { env: t.env });
      expect(run.code).toBe(0);
      expect({ from, to, width: widest(run.stdout) }).toEqual({ from, to, width: expect.any(Number) });
      expect({ from, to, width: widest(run.stdout) <= 100 }).toEqual({ from, to, width: true });
      expect(run.stdout).toMatch(/\n {2}1 {2}\S+ \S+ {2}\S/);
      expect(run.stdout).toContain("     entry: ");
    }
  });

  test("the matrix: a full table when it fits, numbered columns with a key, then a list of what does not deliver", () => {
    const small = runCli(["matrix", "--stack", "s4-ccn-idcs-cloud-networks"], { env: t.env });
    expect(small.stdout).toContain("from ↓ to →    VPC-Guangzhou");
    expect(widest(small.stdout)).toBeLessThanOrEqual(100);

    const env = { ...t.env, HL_MANY_VPCS: "14" };
    expect(runCli(["up", "--yes", MANY], { env }).code).toBe(0);
    const numbered = runCli(["matrix", "--stack", "many-vpcs"], { env });
    expect(widest(numbered.stdout)).toBeLessThanOrEqual(100);
    expect(numbered.stdout).toContain("key: ok = delivered; NR = NO_ROUTE");
    expect(numbered.stdout).toMatch(/\n 1 {2}Vpc0 +— +NR/);

    const listed = runCli(["matrix"], { env });
    expect(widest(listed.stdout)).toBeLessThanOrEqual(100);
    expect(listed.stdout).toMatch(/^\d+ endpoints are too many for a table 100 columns wide; the \d+ one-way path\(s\) that do not deliver:/);
    expect(listed.stdout).toMatch(/… \d+ more \(all of them: hybridlink matrix --json, or trace a pair\)/);
  });

  test("up leaves the reachability check of a stack past 100 endpoints to `hybridlink matrix`, and says so", () => {
    const env = { ...t.env, HL_MANY_VPCS: "101" };
    const up = JSON.parse(runCli(["up", "--yes", MANY, "--stack", "big", "--json"], { env }).stdout);
    expect(up.matrix).toEqual({ omitted: true, endpoints: 101, reason: "more than 100 endpoints", command: "hybridlink matrix --stack big --json" });
    const text = runCli(["up", "--yes", MANY, "--stack", "big"], { env });
    expect(text.stdout).toContain("101 endpoints: too many to check after every up; the table and its counts: hybridlink matrix --stack big");
  });

  test("colour only on request or a terminal; NO_COLOR wins over neither", () => {
    const plain = runCli(["matrix", "--stack", "s4-ccn-idcs-cloud-networks"], { env: t.env });
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    const forced = runCli(["matrix", "--stack", "s4-ccn-idcs-cloud-networks"], { env: { ...t.env, FORCE_COLOR: "1", NO_COLOR: "" } });
    expect(forced.stdout).toMatch(/\u001b\[32mok/);
  });
});

describe("warnings a user can act on; output into a pipe that closes early", () => {
  const P3 = path.join(REPO, "examples", "p3-cross-account-cross-region");
  let t: ReturnType<typeof tempState>;
  beforeEach(() => {
    t = tempState();
  });
  afterEach(() => fs.rmSync(t.dir, { recursive: true, force: true }));

  test("plan and up show the app's warnings before the plan, each with the call that accepts it; --json stays one document", () => {
    const plan = runCli(["plan", P3], { env: t.env });
    expect(plan.stdout).toMatch(/^warning {2}\[Peering\/Connection\] \[HL-PEER-010\] /);
    expect(plan.stdout).toContain(`accept it in the app: Acknowledgements.of(<the construct at 'Peering/Connection'>).add("HL-PEER-010", "<why this is intended>")`);
    expect(plan.stdout).toContain("stack p3-cross-account-cross-region");
    const json = runCli(["plan", P3, "--json"], { env: t.env });
    expect(() => JSON.parse(json.stdout)).not.toThrow();
  });

  test("up piped into head finishes its work instead of dying on EPIPE", () => {
    const bin = path.join(REPO, "bin", "hybridlink.js");
    const run = spawnSync("bash", ["-c", `set -o pipefail; node ${bin} up ${P3} --yes | head -1`], { env: cliEnv(t.env), encoding: "utf8" });
    expect({ code: run.status, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    expect(runCli(["plan", P3], { env: t.env }).stdout).toContain("0 to create, 0 to update, 0 to replace, 0 to delete");
  });
});
