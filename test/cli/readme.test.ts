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

describe("README quickstart", () => {
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
        const run = spawnSync("bash", ["-c", command], {
          cwd: REPO,
          env: { ...process.env, ...t.env, HL_HA_PSK_CGW1: "", HL_HA_PSK_CGW2: "" },
          encoding: "utf8",
          timeout: 120_000,
        });
        expect({ command, code: run.status, stderr: run.stderr.replace(/^npm warn .*\n/gm, "") }).toEqual({ command, code: 0, stderr: "" });
        printed += run.stdout;
      }
      const actual = printed.split("\n").map((l) => l.trimEnd());
      for (const shown of blocks[i + 1].lines.filter((l) => l !== "…")) {
        expect({ shown, found: actual.some((line) => line.startsWith(shown.trimEnd())) }).toEqual({ shown, found: true });
      }
    }
  });
});
