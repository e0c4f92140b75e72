import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { json, REPO, runCli, tempState } from "./run-cli";

const S1 = path.join(REPO, "examples", "s1-vpc-idc-spd");
const BIN = path.join(REPO, "bin", "hybridlink.js");
/** util-linux `script` gives the CLI a real terminal (a pty) to ask on. */
const hasScript = spawnSync("script", ["--version"]).status === 0;

/** Runs the CLI on a pseudo-terminal, typing `answer` at its prompt. */
function onTerminal(args: string[], answer: string, env: NodeJS.ProcessEnv) {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const run = spawnSync("script", ["-qec", command, "/dev/null"], { cwd: REPO, env: { ...process.env, ...env }, input: `${answer}\n`, encoding: "utf8", timeout: 60_000 });
  return { code: run.status ?? -1, output: run.stdout.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "") };
}

describe("up and destroy ask before they change anything (as Pulumi does)", () => {
  let t: ReturnType<typeof tempState>;
  const cli = (...args: string[]) => runCli(args, { env: t.env });
  beforeEach(() => {
    t = tempState();
  });
  afterEach(() => fs.rmSync(t.dir, { recursive: true, force: true }));

  test("without a terminal and without --yes, up shows the plan, refuses with exit 2 and creates nothing", () => {
    const run = cli("up", S1);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("plan: 8 to create");
    expect(run.stderr).toMatch(/^hybridlink: \[ConfirmationRequired\] up would make 8 change\(s\) to stack 's1-vpc-idc-spd'/);
    expect(run.stderr).toContain("run again with --yes");
    expect(fs.existsSync(t.state)).toBe(false);
    const asJson = cli("up", S1, "--json");
    expect(json(asJson).error).toMatchObject({ code: "ConfirmationRequired" });
  });

  test("destroy without --yes refuses and names the deletions; with --yes it deletes; an unchanged up needs no answer", () => {
    expect(cli("up", S1, "--yes").code).toBe(0);
    expect(cli("up", S1).code).toBe(0);
    const refused = cli("destroy", "--stack", "s1-vpc-idc-spd");
    expect(refused.code).toBe(2);
    expect(refused.stdout).toMatch(/- delete\s+VpnConnection\s+Vpn\/Connection/);
    expect(refused.stderr).toContain("deleting 8 resource(s)");
    expect(cli("trace", "VPC", "IDC", "--expect", "reachable").code).toBe(0);
    expect(cli("destroy", "--stack", "s1-vpc-idc-spd", "--yes").stdout).toContain("stack s1-vpc-idc-spd destroyed");
  });

  (hasScript ? test : test.skip)("on a terminal: 'n' cancels with nothing changed (not even a store file), 'y' applies", () => {
    const declined = onTerminal(["up", S1], "n", t.env);
    expect(declined.output).toContain("Apply 8 change(s) to stack 's1-vpc-idc-spd'? [y/N]");
    expect(declined.output).toContain("[Declined]");
    expect(declined.code).toBe(2);
    expect(fs.existsSync(t.state)).toBe(false);

    const accepted = onTerminal(["up", S1], "y", t.env);
    expect(accepted.code).toBe(0);
    expect(accepted.output).toContain("8 change(s): 8 created");

    const destroy = onTerminal(["destroy", "--stack", "s1-vpc-idc-spd"], "y", t.env);
    expect(destroy.output).toMatch(/Destroy 8 change\(s\) to stack 's1-vpc-idc-spd'\? This deletes 8 resource\(s\): .*Vpn\/Connection/);
    expect(destroy.code).toBe(0);
  });
});
