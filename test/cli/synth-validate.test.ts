import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO, runCli } from "./run-cli";

const FIXTURE = path.join(REPO, "test", "fixtures", "cli", "small-app.ts");

describe("hybridlink synth / validate", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "hl-cli-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("synth runs a TypeScript program with no build step and writes the manifest", () => {
    const out = path.join(dir, "manifest.json");
    const run = runCli(["synth", FIXTURE, "--out", out]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(out, "utf8"));
    expect(manifest.formatVersion).toBe("hybridlink.manifest/v1");
    expect(manifest.resources.map((r: { type: string }) => r.type).sort()).toEqual(
      ["CustomerGateway", "IdcSite", "RouteTable", "Subnet", "Vpc", "VpnConnection", "VpnGateway", "VpnGatewayRoute"].sort(),
    );
    // The pre-shared key is a reference to its source, never a value.
    expect(fs.readFileSync(out, "utf8")).toContain('"name": "HL_PSK_TUNNEL1"');
  });

  test("synth then validate agree, and --json prints the findings shape", () => {
    const out = path.join(dir, "manifest.json");
    expect(runCli(["synth", FIXTURE, "--out", out]).code).toBe(0);
    const run = runCli(["validate", out, "--json"]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ ok: true, errors: 0 });
    expect(Array.isArray(json.findings)).toBe(true);
  });

  test("validate exits 1 and names rule, path and value for a broken manifest", () => {
    const out = path.join(dir, "manifest.json");
    expect(runCli(["synth", FIXTURE, "--out", out]).code).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(out, "utf8"));
    const vpc = manifest.resources.find((r: { type: string }) => r.type === "Vpc");
    vpc.props.region = "mars-north-1";
    fs.writeFileSync(out, JSON.stringify(manifest));
    const run = runCli(["validate", out, "--json"]);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    const finding = json.findings.find((f: { path: string; severity: string }) => f.path === "Vpc" && f.severity === "error");
    expect(finding).toBeDefined();
    expect(finding.message).toContain("mars-north-1");
  });

  test("usage and input errors exit 2", () => {
    expect(runCli(["no-such-command"]).code).toBe(2);
    expect(runCli(["validate", path.join(dir, "missing.json")]).code).toBe(2);
    const notJson = path.join(dir, "bad.json");
    fs.writeFileSync(notJson, "{ nope");
    const run = runCli(["validate", notJson]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("ManifestNotJson");
  });
});
