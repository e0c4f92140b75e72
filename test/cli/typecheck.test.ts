/**
 * The CLI type-checks a user's app before running it, and an app outside this repository (no
 * node_modules of its own) loads the CLI's own library instance.
 * GIVEN an app in a temporary folder WHEN `hybridlink synth` runs THEN …
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { REPO, runCli } from "./run-cli";

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hl-typecheck-"));
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function writeApp(vpcProps: string, extra = ""): string {
  const file = path.join(dir, "app.ts");
  fs.writeFileSync(
    file,
    [
      'import { NetworkApp, Vpc } from "hybridlink";',
      'export const app = new NetworkApp({ profile: "tencent" });',
      `new Vpc(app, "Vpc", { ${vpcProps} });`,
      extra,
    ].join("\n"),
  );
  return file;
}

test("fails when the app does not type-check: file:line:col and the compiler's message, nothing written", () => {
  writeApp('name: "VPC", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"], bandwith: 5');
  const run = runCli(["synth", "app.ts", "-o", "out.json"], { cwd: dir });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain("[TypeCheckFailed] app.ts does not type-check (1 error):");
  expect(run.stderr).toMatch(/ {2}app\.ts:3:\d+ Object literal may only specify known properties, and 'bandwith' does not exist in type 'VpcProps'/);
  expect(run.stderr).toContain("--no-typecheck");
  expect(fs.existsSync(path.join(dir, "out.json"))).toBe(false);
});

test("--no-typecheck skips the check (a type error that does not matter at run time then synthesizes)", () => {
  writeApp('name: "VPC", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"]', 'export const count: number = "not a number";');
  expect(runCli(["synth", "app.ts", "-o", "out.json"], { cwd: dir }).code).toBe(2);
  const skipped = runCli(["synth", "app.ts", "-o", "out.json", "--no-typecheck"], { cwd: dir });
  expect(skipped.stderr).toBe("");
  expect(skipped.code).toBe(0);
});

test("an app outside the repository with no node_modules type-checks and runs against the CLI's own library, one instance", () => {
  writeApp(
    'name: "VPC", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"]',
    ['declare const require: { resolve(id: string): string; cache: Record<string, unknown> };', 'export const loadedFrom = require.resolve("hybridlink");',
      'export const copies = Object.keys(require.cache).filter((f) => /[\\\\/]resources[\\\\/]vpc\\.(js|ts)$/.test(f));'].join("\n"),
  );
  const probe = path.join(dir, "probe.js");
  fs.writeFileSync(
    probe,
    `const { main } = require(${JSON.stringify(path.join(REPO, "dist/lib/cli/main.js"))});
     main(["synth", "app.ts", "-o", "out.json"]).then((code) => {
       const app = require(${JSON.stringify(path.join(dir, "app.ts"))});
       process.stdout.write("\\nRESULT " + JSON.stringify({ code, loadedFrom: app.loadedFrom, copies: app.copies }));
     });`,
  );
  const run = spawnSync(process.execPath, [probe], { cwd: dir, encoding: "utf8", timeout: 60_000 });
  const result = JSON.parse(run.stdout.slice(run.stdout.lastIndexOf("RESULT ") + "RESULT ".length));
  expect(result.code).toBe(0);
  expect(result.loadedFrom).toBe(path.join(REPO, "dist/lib/index.js"));
  expect(result.copies).toEqual([path.join(REPO, "dist/lib/resources/vpc.js")]);
});
