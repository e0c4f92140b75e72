import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { REPO, tempState } from "./run-cli";

interface Block {
  readonly lang: string;
  readonly lines: string[];
}

/** The fenced code blocks of one README section, in order. */
function sectionBlocks(readme: string, heading: string): Block[] {
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README.md has no "## ${heading}" section`);
  const end = readme.indexOf("\n## ", start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], lines: m[2].split("\n").filter((l) => l.trim() !== "") }));
}

/** Runs one README command as a user would, in the checkout, with the test's store. */
function runReadmeCommand(command: string, env: NodeJS.ProcessEnv) {
  return spawnSync("bash", ["-c", command], { cwd: REPO, env: { ...process.env, ...env }, encoding: "utf8", timeout: 120_000 });
}

describe("README quickstart, then the cost drill, in the order written and in one store", () => {
  const t = tempState();
  afterAll(() => fs.rmSync(t.dir, { recursive: true, force: true }));

  test("runs exactly as written: up prints the matrix, and the three-command drill shows the failover", () => {
    const blocks = sectionBlocks(fs.readFileSync(path.join(REPO, "README.md"), "utf8"), "Quickstart");
    const commands = blocks.filter((b) => b.lang === "sh");
    expect(commands.map((b) => b.lines)).toEqual([
      ["npm install", "npx hybridlink up examples/ha-dual-customer-gateway --yes"],
      ["npx hybridlink fail Ha/CustomerGateway1", "npx hybridlink clock advance 9s", "npx hybridlink trace VPC IDC"],
    ]);
    // Each command block is followed by the output it shows (excerpts: `…` stands for lines left out).
    expect(blocks.map((b) => b.lang)).toEqual(["sh", "text", "sh", "text"]);

    for (let i = 0; i < blocks.length; i += 2) {
      let printed = "";
      for (const command of blocks[i].lines) {
        // The test runs after `npm install` (npm test builds first); installing again here would change the tree under test.
        if (command === "npm install") continue;
        const run = runReadmeCommand(command, { ...t.env, HL_HA_PSK_CGW1: "", HL_HA_PSK_CGW2: "" });
        expect({ command, code: run.status, stderr: run.stderr.replace(/^npm warn .*\n/gm, "") }).toEqual({ command, code: 0, stderr: "" });
        printed += run.stdout;
      }
      const actual = printed.split("\n").map((l) => l.trimEnd());
      for (const shown of blocks[i + 1].lines.filter((l) => l !== "…")) {
        expect({ shown, found: actual.some((line) => line.startsWith(shown.trimEnd())) }).toEqual({ shown, found: true });
      }
    }
  });

  test("the cost drill of the Tencent example (seed 003) after the Alibaba quickstart: one store holds both clouds' stacks", () => {
    const readme = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
    const drill = sectionBlocks(readme, "Operating the simulated cloud").find((b) => b.lines.some((l) => l.includes("traffic record")));
    expect(drill?.lines[0]).toContain("examples/p3-cross-account-cross-region");
    let printed = "";
    for (const command of drill!.lines) {
      const run = runReadmeCommand(command, t.env);
      expect({ command, code: run.status, stderr: run.stderr }).toEqual({ command, code: 0, stderr: "" });
      printed = run.stdout;
    }
    // The last command is `cost`: two Beijing days of a 40 Mbps peak at 12 CNY, as the README says.
    expect(printed).toContain("payer 100000000001: 960.00 CNY");
    const stacks = runReadmeCommand("npx hybridlink stack ls --json", t.env);
    expect(JSON.parse(stacks.stdout).stacks.map((s: { name: string; profile: string }) => [s.name, s.profile])).toEqual([
      ["ha-dual-customer-gateway", "alibaba"],
      ["p3-cross-account-cross-region", "tencent"],
    ]);
  });
});
