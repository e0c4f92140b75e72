/**
 * What a user of the installed package touches without Pulumi: `--version`, and `up` with
 * @pulumi/pulumi unloadable (it is an optional peer dependency; the CLI deploys without it).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { REPO, runCli } from "./run-cli";

const pkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8"));

test("--version prints the package.json version", () => {
  const run = runCli(["--version"]);
  expect(run.code).toBe(0);
  expect(run.stdout.trim()).toBe(pkg.version);
});

test("@pulumi/pulumi is a peer (3.x range, optional) and a devDependency, not a dependency", () => {
  expect(pkg.dependencies["@pulumi/pulumi"]).toBeUndefined();
  expect(pkg.peerDependencies["@pulumi/pulumi"]).toMatch(/^\^3\.\d+\.\d+$/);
  expect(pkg.peerDependenciesMeta["@pulumi/pulumi"].optional).toBe(true);
  expect(pkg.devDependencies["@pulumi/pulumi"]).toBeDefined();
});

test("`hybridlink up` deploys an example with @pulumi/pulumi impossible to load", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hl-nopulumi-"));
  const guard = path.join(dir, "no-pulumi.js");
  // Any attempt to load Pulumi fails the run: the CLI must not need it.
  fs.writeFileSync(
    guard,
    `const Module = require("module"); const load = Module._load;
     Module._load = function (request, ...rest) { if (/^@pulumi\\//.test(request)) throw new Error("loaded " + request); return load.call(this, request, ...rest); };`,
  );
  const run = spawnSync(process.execPath, ["--require", guard, path.join(REPO, "bin/hybridlink.js"), "up", "--yes", "examples/s1-vpc-idc-spd", "--state", path.join(dir, "state.db"), "--json"], {
    cwd: REPO,
    env: { ...process.env, HL_S1_PSK: "nopulumi-psk-1" },
    encoding: "utf8",
    timeout: 60_000,
  });
  fs.rmSync(dir, { recursive: true, force: true });
  expect(run.stderr).not.toContain("loaded @pulumi");
  expect(run.status).toBe(0);
});
