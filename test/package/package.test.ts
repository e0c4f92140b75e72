/**
 * The package a user installs, from the outside: `npm pack`, the tarball installed into a project
 * under the system's temporary folder, a consumer type-checked under moduleResolution node10,
 * node16, nodenext and bundler (CommonJS and ESM files), every entry loaded at run time from CJS
 * and ESM, the consumer's jest snapshot test with hybridlink/testing run twice (the second run must
 * match the snapshot the first wrote, in --ci mode), and the consumer's `npx hybridlink synth`.
 *
 * `npm test` runs the pack, the node10 check, the run-time loads and synth; `npm run test:package` runs all.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { installInto, pack, REPO, writeConsumer } from "./consumer";

const FULL = process.env.HYBRIDLINK_PACKAGE_TEST === "full";
const work = fs.mkdtempSync(path.join(os.tmpdir(), "hl-package-"));
const project = path.join(work, "consumer");
let files: string[] = [];

jest.setTimeout(600_000);

beforeAll(() => {
  const packed = pack(work);
  files = packed.files;
  fs.mkdirSync(project);
  installInto(project, packed.tarball);
  writeConsumer(project);
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(command, args, { cwd: project, encoding: "utf8", env: { ...process.env, ...env, NODE_PATH: "" }, timeout: 300_000 });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

test("the tarball holds dist (JS, declarations, source maps), bin, README, LICENSE and package.json; no tests, sources or state", () => {
  for (const f of ["package.json", "README.md", "LICENSE", "bin/hybridlink.js", "dist/lib/index.js", "dist/lib/index.d.ts", "dist/lib/index.js.map",
    "dist/lib/pulumi/index.d.ts", "dist/lib/testing/index.d.ts", "dist/providers/dynamic/index.js", "dist/lib/cli/main.js"]) {
    expect(files).toContain(f);
  }
  const unwanted = files.filter((f) => /^(test|examples|bench|scripts|lib|providers|\.hybridlink|node_modules)\//.test(f) || /\.(db|tsbuildinfo)$/.test(f) || /\.test\./.test(f));
  expect(unwanted).toEqual([]);
});

test.each(FULL ? ["node10", "node16", "nodenext", "bundler"] : ["node10"])("the consumer type-checks under moduleResolution %s", (resolution) => {
  const tsc = path.join(project, "node_modules", "typescript", "bin", "tsc");
  const result = run(process.execPath, [tsc, "-p", `tsconfig.${resolution}.json`]);
  expect(result.out).toBe("");
  expect(result.code).toBe(0);
});

test("every entry loads at run time from CommonJS and from ESM", () => {
  const cjs = run(process.execPath, ["-e", 'for (const e of ["hybridlink", "hybridlink/pulumi", "hybridlink/testing", "hybridlink/providers/dynamic", "hybridlink/providers/cloud"]) require(e); console.log("ok")']);
  expect(cjs.out.trim()).toBe("ok");
  expect(run(process.execPath, ["esm-run.mjs"]).out.trim()).toBe("function function function");
});

test("`npx hybridlink synth` in the consumer type-checks and synthesizes its app with the installed package", () => {
  const result = run("npx", ["--no-install", "hybridlink", "synth", "app.ts", "-o", "manifest.json"]);
  expect(result.out).toContain("0 error(s)");
  expect(result.code).toBe(0);
  expect(JSON.parse(fs.readFileSync(path.join(project, "manifest.json"), "utf8")).resources.length).toBe(8);
  expect(run("npx", ["--no-install", "hybridlink", "--version"]).out.trim()).toBe(JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")).version);
});

test("`up --endpoint` without the cloud's SDK installed (an optional peer) says which package to install, exit 2, and creates nothing", () => {
  const env = { TENCENTCLOUD_SECRET_ID: "AKIDconsumer", TENCENTCLOUD_SECRET_KEY: "consumer-secret", CONSUMER_PSK: "consumer-psk-01", HYBRIDLINK_STATE: path.join(project, "endpoint-state.db") };
  // Nothing listens on port 9: the SDK is missing before any request could be sent.
  const result = run("npx", ["--no-install", "hybridlink", "up", "app.ts", "--yes", "--endpoint", "http://127.0.0.1:9", "--json"], env);
  expect(result.code).toBe(2);
  expect(JSON.parse(result.out).error).toEqual({ code: "SdkNotInstalled", message: expect.stringContaining("npm install tencentcloud-sdk-nodejs") });
  expect(result.out).not.toContain("consumer-secret");
  expect(fs.existsSync(env.HYBRIDLINK_STATE)).toBe(false);
});

(FULL ? test : test.skip)("the consumer's jest snapshot test passes twice; the second run matches the snapshot the first wrote", () => {
  const first = run("npx", ["--no-install", "jest", "--ci=false"]);
  expect(first.out).toContain("1 snapshot written");
  expect(first.code).toBe(0);
  const snapshot = fs.readFileSync(path.join(project, "__snapshots__", "app.test.ts.snap"), "utf8");
  expect(snapshot).toContain('"Vpn/Connection"');
  const second = run("npx", ["--no-install", "jest", "--ci"]);
  expect(second.out).toContain("1 passed");
  expect(second.code).toBe(0);
  expect(fs.readFileSync(path.join(project, "__snapshots__", "app.test.ts.snap"), "utf8")).toBe(snapshot);
});
