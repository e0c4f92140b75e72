import * as fs from "fs";
import * as path from "path";
import { CloudEngine } from "../../providers/cloud";
import { cloudParams, resourceInputs } from "../../providers/dynamic";
import { StackStore } from "../../lib/cli/stack/stack-store";
import { afterCreated, finished, json, REPO, runCli, spawnCli, tempState } from "./run-cli";

const HA = path.join(REPO, "examples", "ha-dual-customer-gateway");
const MANY = path.join(REPO, "test", "fixtures", "cli", "many-vpcs");
const ACCOUNT = "100000000001";

/** How many resources of each type the engine holds, as the app's account sees them. */
function engineCounts(state: string, actions: Record<string, string>): Record<string, number> {
  const engine = CloudEngine.open({ path: state });
  try {
    return Object.fromEntries(Object.entries(actions).map(([type, action]) => [type, Number(engine.request(action, {}, { account: ACCOUNT }).totalCount)]));
  } finally {
    engine.close();
  }
}

describe("hybridlink plan / up / destroy", () => {
  let t: ReturnType<typeof tempState>;
  beforeEach(() => {
    t = tempState();
  });
  afterEach(() => fs.rmSync(t.dir, { recursive: true, force: true }));

  test("up deploys the HA example: plan, progress with the gateway's wait, the matrix; a second up changes nothing", () => {
    const first = runCli(["up", "--yes", HA], { env: t.env });
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("plan: 11 to create, 0 to update, 0 to replace, 0 to delete, 0 unchanged");
    expect(first.stdout).toMatch(/\+ created VpnGateway\s+Ha\/VpnGateway\s+vpngw-\S+\s+AVAILABLE\s+after 107s on the engine clock/);
    expect(first.stdout).toContain("env:HL_HA_PSK_CGW1 is not set: up generates a random pre-shared key");
    // Each delivered cell with its bottleneck: the HA gateway's 100 Mbps.
    expect(first.stdout).toMatch(/VPC\s+—\s+ok 100M\nIDC\s+ok 100M\s+—/);

    const again = json(runCli(["up", "--yes", HA, "--json"], { env: t.env }));
    expect(again.plan.counts).toEqual({ create: 0, update: 0, replace: 0, delete: 0, same: 11 });
    expect(again.applied).toEqual([]);
    expect(again.exitCode).toBe(0);
    expect(again.matrix.pairs).toEqual([expect.objectContaining({ verdict: "REACHABLE" })]);
    expect(again.generatedSecrets).toEqual([
      { source: "env:HL_HA_PSK_CGW1", new: false },
      { source: "env:HL_HA_PSK_CGW2", new: false },
    ]);
    expect(engineCounts(t.state, { vpcs: "DescribeVpcs", connections: "DescribeVpnConnections" })).toEqual({ vpcs: 1, connections: 2 });
  });

  test("plan after a change shows exactly the changed resources: update in place, replace with its reason, delete", () => {
    const manifestFile = path.join(t.dir, "manifest.json");
    expect(runCli(["synth", HA, "--out", manifestFile]).code).toBe(0);
    expect(runCli(["up", "--yes", manifestFile, "--stack", "ha"], { env: t.env }).code).toBe(0);

    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
    const byId = (id: string) => manifest.resources.find((r: { logicalId: string }) => r.logicalId === id);
    byId("Ha/VpnGateway").props.bandwidthMbps = 200; // mutable: update
    byId("Vpc/VSwitch").props.cidr = "10.0.2.0/24"; // immutable: replace
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    const plan = json(runCli(["plan", manifestFile, "--stack", "ha", "--json"], { env: t.env }));
    expect(plan.changes.map((s: { action: string; logicalId: string }) => [s.action, s.logicalId])).toEqual([
      ["update", "Ha/VpnGateway"],
      ["replace", "Vpc/VSwitch"],
    ]);
    expect(plan.changes[1]).toMatchObject({ replaces: ["cidr"], reason: "cidr cannot change in place" });
    expect(plan.counts).toEqual({ create: 0, update: 1, replace: 1, delete: 0, same: 9 });

    const text = runCli(["plan", manifestFile, "--stack", "ha"], { env: t.env });
    expect(text.stdout).toMatch(/~ update\s+VpnGateway\s+Ha\/VpnGateway\s+\(bandwidthMbps change in place\)/);
    expect(text.stdout).toMatch(/± replace\s+Subnet\s+Vpc\/VSwitch\s+\(cidr cannot change in place\)/);

    // A removed resource is deleted; applying converges and the next plan is empty.
    manifest.resources = manifest.resources.filter((r: { logicalId: string }) => r.logicalId !== "Vpc/VSwitch");
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    const deletion = json(runCli(["plan", manifestFile, "--stack", "ha", "--json"], { env: t.env }));
    expect(deletion.changes.map((s: { action: string; logicalId: string }) => [s.action, s.logicalId])).toEqual([
      ["update", "Ha/VpnGateway"],
      ["delete", "Vpc/VSwitch"],
    ]);
    const applied = json(runCli(["up", "--yes", manifestFile, "--stack", "ha", "--json"], { env: t.env }));
    expect(applied.applied.map((a: { operation: string; logicalId: string }) => `${a.operation} ${a.logicalId}`)).toEqual([
      "delete Vpc/VSwitch",
      "update Ha/VpnGateway",
    ]);
    expect(json(runCli(["plan", manifestFile, "--stack", "ha", "--json"], { env: t.env })).changes).toEqual([]);
  });

  test("rotating a key is an update of exactly the connections that use it", () => {
    expect(runCli(["up", "--yes", HA], { env: t.env }).code).toBe(0);
    const plan = json(runCli(["plan", HA, "--json"], { env: { ...t.env, HL_HA_PSK_CGW1: "rotated-key-1" } }));
    expect(plan.changes.map((s: { action: string; logicalId: string; changed: string[] }) => [s.action, s.logicalId, s.changed])).toEqual([
      ["update", "Ha/IpsecConnection1", ["preSharedKey"]],
    ]);
  });

  test("a refused create stops up with exit 3 (refused by the cloud) and keeps what was done; the next up resumes with only the rest", () => {
    // Another customer gateway already holds the second device's address: the cloud refuses the duplicate.
    const engine = CloudEngine.open({ path: t.state, profile: "alibaba" });
    const squatter = String(engine.request("CreateCustomerGateway", { name: "squatter", ipAddress: "198.51.100.2" }, { account: ACCOUNT }).id);
    engine.close();

    const failed = runCli(["up", "--yes", HA], { env: t.env });
    expect(failed.code).toBe(3);
    expect(failed.stdout).toContain("up stopped: create Ha/CustomerGateway2 failed: [InvalidParameterValue.Duplicate]");
    expect(failed.stdout).toContain("fix the cause and run up again");
    const done = (failed.stdout.match(/ created /g) ?? []).length;
    expect(done).toBeGreaterThan(0);

    const cleanup = CloudEngine.open({ path: t.state });
    cleanup.request("DeleteCustomerGateway", { id: squatter }, { account: ACCOUNT });
    cleanup.close();
    const resumed = json(runCli(["up", "--yes", HA, "--json"], { env: t.env }));
    expect(resumed.exitCode).toBe(0);
    expect(resumed.plan.counts.create).toBe(11 - done);
    expect(resumed.plan.counts.same).toBe(done);
    expect(resumed.matrix.pairs).toEqual([expect.objectContaining({ verdict: "REACHABLE" })]);
    expect(engineCounts(t.state, { gateways: "DescribeCustomerGateways", connections: "DescribeVpnConnections" })).toEqual({ gateways: 2, connections: 2 });
  });

  test("an up killed half-way resumes: nothing is created twice, and a further up changes nothing", async () => {
    const child = spawnCli(["up", "--yes", MANY], { env: t.env });
    const done = finished(child);
    await afterCreated(child, 3);
    child.kill("SIGKILL");
    const killed = await done;
    expect(killed.signal).toBe("SIGKILL");

    const resumed = runCli(["up", "--yes", MANY, "--json"], { env: t.env });
    expect(resumed.code).toBe(0);
    const report = json(resumed);
    expect(report.plan.counts.same).toBeGreaterThanOrEqual(3);
    expect(report.plan.counts.create + report.plan.counts.same).toBe(300);
    expect(engineCounts(t.state, { vpcs: "DescribeVpcs", subnets: "DescribeSubnets", tables: "DescribeRouteTables" })).toEqual({
      vpcs: 100,
      subnets: 100,
      tables: 100,
    });
    expect(json(runCli(["plan", MANY, "--json"], { env: t.env })).counts).toEqual({ create: 0, update: 0, replace: 0, delete: 0, same: 300 });
  });

  test("a create the cloud made but the stack never recorded (a crash in between) is found again by its client token", async () => {
    // What a crash leaves: the stack says CREATING with a token, the cloud already has the VPC made with that token.
    const { app } = await import("../../examples/ha-dual-customer-gateway/app");
    const vpc = app.synth().resources.find((r) => r.logicalId === "Vpc")!;
    const engine = CloudEngine.open({ path: t.state, profile: "alibaba" });
    const params = cloudParams("Vpc", resourceInputs(vpc, { ref: () => undefined, secret: () => undefined }));
    const made = String(engine.request("CreateVpc", params, { account: vpc.account, clientToken: "hl-crashed-create" }).id);
    engine.close();
    const store = StackStore.open(t.state);
    store.putResource("ha-dual-customer-gateway", {
      logicalId: "Vpc", path: "Vpc", type: "Vpc", account: vpc.account, inputs: {}, outputs: {}, status: "CREATING", dependsOn: [], clientToken: "hl-crashed-create",
    });
    store.close();

    const plan = json(runCli(["plan", HA, "--json"], { env: t.env }));
    expect(plan.changes.find((s: { logicalId: string }) => s.logicalId === "Vpc")).toMatchObject({ action: "create", resumes: "create" });
    expect(runCli(["plan", HA], { env: t.env }).stdout).toMatch(/\+ create\s+Vpc\s+Vpc\s+\(resumes an interrupted create\)/);
    expect(runCli(["up", "--yes", HA], { env: t.env }).code).toBe(0);
    expect(engineCounts(t.state, { vpcs: "DescribeVpcs" })).toEqual({ vpcs: 1 });
    const after = StackStore.open(t.state);
    expect(after.resources("ha-dual-customer-gateway").find((r) => r.logicalId === "Vpc")).toMatchObject({ status: "READY", cloudId: made });
    after.close();
  });

  test("Ctrl-C stops after the step in flight with exit 130 and says how to resume", async () => {
    // 3,000 resources: an up long enough to be interrupted on an idle machine (300 finish before the signal arrives).
    t.env.HL_MANY_VPCS = "1000";
    const child = spawnCli(["up", "--yes", MANY], { env: t.env });
    const done = finished(child);
    await afterCreated(child, 3);
    child.kill("SIGINT");
    const stopped = await done;
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toContain("stopping after the current step");
    expect(stopped.stdout).toMatch(/interrupted: \d+ step\(s\) not started\. Everything done so far is recorded: run up again to resume\./);
    const resumed = json(runCli(["up", "--yes", MANY, "--json"], { env: t.env }));
    expect(resumed.exitCode).toBe(0);
    expect(resumed.plan.counts.create + resumed.plan.counts.same).toBe(3000);
    expect(engineCounts(t.state, { vpcs: "DescribeVpcs" })).toEqual({ vpcs: 1000 });
  });

  test("destroy deletes every resource, dependents first, and forgets the stack", () => {
    expect(runCli(["up", "--yes", HA], { env: t.env }).code).toBe(0);
    const destroyed = runCli(["destroy", "--yes", HA, "--json"], { env: t.env });
    expect(destroyed.code).toBe(0);
    const report = json(destroyed);
    expect(report.stackRemoved).toBe(true);
    expect(report.applied).toHaveLength(11);
    const order = report.applied.map((a: { logicalId: string }) => a.logicalId);
    expect(order.indexOf("Vpc/VSwitch")).toBeLessThan(order.indexOf("Vpc"));
    expect(order.indexOf("Ha/IpsecConnection1")).toBeLessThan(order.indexOf("Ha/VpnGateway"));
    expect(engineCounts(t.state, { vpcs: "DescribeVpcs", gateways: "DescribeCustomerGateways" })).toEqual({ vpcs: 0, gateways: 0 });
    const again = runCli(["destroy", "--yes", HA], { env: t.env });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("[UnknownStack]");
  });

  test("an app with synth errors: plan and up exit 1, name the rule, and deploy nothing", () => {
    const manifestFile = path.join(t.dir, "manifest.json");
    expect(runCli(["synth", HA, "--out", manifestFile]).code).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
    manifest.resources.find((r: { type: string }) => r.type === "Vpc").props.region = "mars-north-1";
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    for (const command of ["plan", "up"]) {
      const run = runCli([command, manifestFile], { env: t.env });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain("mars-north-1");
      expect(run.stdout).toContain("nothing was planned or deployed");
    }
    expect(fs.existsSync(t.state)).toBe(false);
  });
});
