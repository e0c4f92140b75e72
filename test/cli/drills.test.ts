import * as fs from "fs";
import * as path from "path";
import { StackStore } from "../../lib/cli/stack/stack-store";
import { json, REPO, runCli, tempState } from "./run-cli";

const example = (name: string) => path.join(REPO, "examples", name);

/** The connections a trace's packet went through, by name. */
const tunnelsOf = (trace: { hops: Array<{ at: { kind: string; name: string } }> }) =>
  trace.hops.filter((h) => h.at.kind === "VPN_CONNECTION").map((h) => h.at.name);

describe("drills on the HA example (seed 001): fail, clock advance, trace, recover", () => {
  const t = tempState();
  const cli = (...args: string[]) => runCli(args, { env: t.env });
  beforeAll(() => expect(cli("up", "--yes", example("ha-dual-customer-gateway")).code).toBe(0));
  afterAll(() => fs.rmSync(t.dir, { recursive: true, force: true }));

  test("everything up: VPC ↔ IDC both ways through customer gateway 1", () => {
    const pair = json(cli("trace", "VPC", "IDC", "--json", "--expect", "reachable"));
    expect(pair).toMatchObject({ verdict: "REACHABLE", expected: "REACHABLE", met: true });
    expect(tunnelsOf(pair.forward)).toEqual(["Ha-IpsecConnection1"]);
    expect(pair.forward.hops[0].at).toMatchObject({ kind: "SUBNET", name: "VSwitch" });
  });

  test("device 1 fails: lost until the health check notices (9 s), then via customer gateway 2; recovery fails back the same way", () => {
    const failed = json(cli("fail", "Ha/CustomerGateway1", "--json"));
    expect(failed).toMatchObject({ operation: "Fail", state: "DOWN", target: { type: "CustomerGateway", name: "Ha-CustomerGateway1" } });
    expect(failed.tunnels).toEqual([
      { id: expect.stringMatching(/^vpnx-/), name: "Ha-IpsecConnection1", tunnelUp: false, downReason: expect.stringMatching(/^customer gateway 'cgw-\S+' is down$/), detectionSeconds: 9 },
    ]);

    const before = cli("trace", "VPC", "IDC", "--json", "--expect", "reachable");
    expect(before.code).toBe(1);
    expect(json(before)).toMatchObject({ verdict: "ONE_WAY", met: false, forward: { verdict: "TUNNEL_DOWN" } });

    expect(json(cli("clock", "advance", "8s", "--json")).elapsedSeconds).toBeGreaterThan(0);
    expect(json(cli("trace", "VPC", "IDC", "--json")).forward.verdict).toBe("TUNNEL_DOWN");
    cli("clock", "advance", "1s");
    const after = json(cli("trace", "VPC", "IDC", "--json", "--expect", "reachable"));
    expect(after.verdict).toBe("REACHABLE");
    expect(tunnelsOf(after.forward)).toEqual(["Ha-IpsecConnection2"]);

    expect(json(cli("recover", "198.51.100.1", "--json"))).toMatchObject({ state: "UP", target: { name: "Ha-CustomerGateway1" }, tunnels: [{ tunnelUp: true }] });
    expect(tunnelsOf(json(cli("trace", "VPC", "IDC", "--json")).forward)).toEqual(["Ha-IpsecConnection2"]);
    cli("clock", "advance", "9s");
    expect(tunnelsOf(json(cli("trace", "VPC", "IDC", "--json")).forward)).toEqual(["Ha-IpsecConnection1"]);
  });

  test("the text of a drill says what is down, for how long routes stay, and what to run next", () => {
    const failed = cli("fail", "Ha-CustomerGateway2");
    expect(failed.code).toBe(0);
    expect(failed.stdout).toMatch(/customer gateway Ha-CustomerGateway2 \(cgw-\S+\) is DOWN since \S+ \(engine clock\)/);
    expect(failed.stdout).toContain("its health check notices after 9s of engine time, then routes fail over");
    expect(failed.stdout).toContain("next: hybridlink clock advance 9s");
    const twice = cli("fail", "Ha-CustomerGateway2");
    expect(twice.code).toBe(3);
    expect(twice.stderr).toContain("[UnsupportedOperation.AlreadyDown]");
    expect(cli("recover", "Ha-CustomerGateway2").code).toBe(0);
  });

  test("one tunnel fails on its own (its device stays up): failover once detected, failback once recovery is", () => {
    const failed = json(cli("fail", "Ha/IpsecConnection1", "--json"));
    expect(failed).toMatchObject({ operation: "Fail", state: "DOWN", target: { type: "VpnConnection", name: "Ha-IpsecConnection1" } });
    expect(failed.tunnels).toEqual([
      { id: failed.target.id, name: "Ha-IpsecConnection1", tunnelUp: false, downReason: expect.stringContaining("(FailVpnConnection)"), detectionSeconds: 9 },
    ]);
    const lost = json(cli("trace", "VPC", "IDC", "--json"));
    expect(lost.forward.verdict).toBe("TUNNEL_DOWN");
    expect(JSON.stringify(lost.forward)).toContain("the tunnel itself is down");
    cli("clock", "advance", "9s");
    expect(tunnelsOf(json(cli("trace", "VPC", "IDC", "--json")).forward)).toEqual(["Ha-IpsecConnection2"]);

    // The device was never failed, so failing it now is accepted; the recovered tunnel then stays down behind it.
    expect(cli("fail", "Ha/CustomerGateway1").code).toBe(0);
    const recovered = cli("recover", "Ha/IpsecConnection1");
    expect(recovered.code).toBe(0);
    expect(recovered.stdout).toMatch(/^VPN connection Ha-IpsecConnection1 \(vpnx-\S+\) is UP since \S+ \(engine clock\)\n  tunnel Ha-IpsecConnection1 \(vpnx-\S+\) stays down: customer gateway 'cgw-\S+' is down\n$/);
    expect(cli("recover", "Ha/CustomerGateway1").stdout).toContain("tunnel Ha-IpsecConnection1 (");
    cli("clock", "advance", "8s");
    expect(tunnelsOf(json(cli("trace", "VPC", "IDC", "--json")).forward)).toEqual(["Ha-IpsecConnection2"]);
    cli("clock", "advance", "1s");
    expect(tunnelsOf(json(cli("trace", "VPC", "IDC", "--json")).forward)).toEqual(["Ha-IpsecConnection1"]);
  });

  test("unknown targets and endpoints are usage errors naming what exists", () => {
    const fail = cli("fail", "NoSuchDevice");
    expect(fail.code).toBe(2);
    expect(fail.stderr).toContain("[UnknownTarget]");
    expect(fail.stderr).toContain("Ha-CustomerGateway1");
    const trace = cli("trace", "VPC", "Nowhere");
    expect(trace.code).toBe(2);
    expect(trace.stderr).toContain("[UnknownEndpoint]");
    expect(trace.stderr).toContain("or a logical ID of stack 'ha-dual-customer-gateway'");
  });

  test("the device configuration: strongSwan by default, JSON on request; the key only ever to a private file", () => {
    const swanctl = cli("config", "Ha/IpsecConnection1");
    expect(swanctl.code).toBe(0);
    expect(swanctl.stdout).toMatch(/connections \{[\s\S]*local_addrs = 198\.51\.100\.1[\s\S]*local_ts = 192\.168\.0\.0\/16[\s\S]*remote_ts = 10\.0\.0\.0\/16/);
    expect(json(cli("config", "Ha/IpsecConnection1", "--format", "json", "--json"))).toMatchObject({ format: "json", preSharedKeyIncluded: false });

    const toTerminal = cli("config", "Ha/IpsecConnection1", "--include-pre-shared-key");
    expect(toTerminal.code).toBe(2);
    expect(toTerminal.stderr).toContain("[SecretToTerminal]");

    const file = path.join(t.dir, "device1.conf");
    const written = cli("config", "Ha/IpsecConnection1", "--include-pre-shared-key", "--out", file);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain("with the pre-shared key: keep the file private");
    // The key as the store keeps it for the stack (sealed at rest; opened with the store's key).
    const stacks = StackStore.open(t.state);
    const key = stacks.tryGetGeneratedSecret("ha-dual-customer-gateway", "env:HL_HA_PSK_CGW1")!;
    stacks.close();
    // swanctl takes the secret as is or hex-encoded (0x…); the engine may write either.
    const secretLine = fs.readFileSync(file, "utf8").match(/secret = (\S+)/)?.[1];
    expect([key, `0x${Buffer.from(key).toString("hex")}`]).toContain(secretLine);
    expect(written.stdout).not.toContain(key);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  test("config --side cloud: the simulated gateway's own side (local = the gateway, its selectors)", () => {
    const cloud = cli("config", "Ha/IpsecConnection1", "--side", "cloud");
    expect(cloud.code).toBe(0);
    expect(cloud.stdout).toContain("simulated cloud VPN gateway's side");
    expect(cloud.stdout).toMatch(/remote_addrs = 198\.51\.100\.1/);
    expect(cloud.stdout).not.toMatch(/^secrets \{/m);
    const bad = cli("config", "Ha/IpsecConnection1", "--side", "gateway");
    expect(bad.code).toBe(2);
  });

  test("graph: SVG from Graphviz, DOT and Mermaid with the trace highlighted", () => {
    const svg = cli("graph");
    expect(svg.code).toBe(0);
    expect(svg.stdout).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*Ha&#45;IpsecConnection1 \(ROUTE, up\)[\s\S]*<\/svg>\n$/);
    const dot = cli("graph", "--format", "dot", "--from", "VPC", "--to", "IDC");
    expect(dot.stdout).toMatch(/-- "cgw-\S+" \[label="Ha-IpsecConnection1 \(ROUTE, up\)", color="#d62728"/);
    expect(dot.stdout).toMatch(/-- "cgw-\S+" \[label="Ha-IpsecConnection2 \(ROUTE, up\)"\];/);
    const mermaid = cli("graph", "--format", "mermaid", "--from", "VPC", "--to", "IDC");
    expect(mermaid.stdout.startsWith("flowchart LR\n")).toBe(true);
    expect(mermaid.stdout).toMatch(/linkStyle \d+(,\d+)* stroke:#d62728/);
    const summary = json(cli("graph", "--json", "--from", "VPC", "--to", "IDC", "--out", path.join(t.dir, "t.svg")));
    expect(summary).toMatchObject({ format: "svg", nodes: 6, edges: 6, trace: { verdict: "REACHABLE" } });
    expect(fs.readFileSync(path.join(t.dir, "t.svg"), "utf8")).toContain("<svg");
  });
});

describe("matrix", () => {
  const t = tempState();
  const cli = (...args: string[]) => runCli(args, { env: t.env });
  beforeAll(() => expect(cli("up", "--yes", example("s6-vpc-idcs-no-transit")).code).toBe(0));
  afterAll(() => fs.rmSync(t.dir, { recursive: true, force: true }));

  test("S6 (SPD, no transit): the whole matrix, and every declared intent holds on the live network", () => {
    const m = json(cli("matrix", "--json", "--check-intents"));
    const names = m.endpoints.map((e: { name: string }) => e.name);
    expect(names).toEqual(["VPC", "IDC-1", "IDC-2", "IDC-3"]);
    const cell = (a: string, b: string) => m.verdicts[names.indexOf(a)][names.indexOf(b)];
    for (const idc of ["IDC-1", "IDC-2", "IDC-3"]) {
      expect([cell("VPC", idc), cell(idc, "VPC")]).toEqual(["DELIVERED", "DELIVERED"]);
      for (const other of ["IDC-1", "IDC-2", "IDC-3"]) if (other !== idc) expect(cell(idc, other)).toBe("NO_TUNNEL");
    }
    expect(m.counts).toEqual({ REACHABLE: 3, ONE_WAY: 0, UNREACHABLE: 3 });
    expect(m.intents).toHaveLength(9);
    expect(m.intents.every((i: { holds: boolean }) => i.holds)).toBe(true);
    expect(m.endpoints[0]).toMatchObject({ kind: "VPC", logicalId: "Vpc" });
  });

  test("a broken intent on the live network exits 1 and says which", () => {
    expect(cli("fail", "Idc1").code).toBe(0);
    const run = cli("matrix", "--check-intents");
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/BROKEN\s+reachable\(Vpc, Idc1\)/);
    expect(cli("recover", "Idc1").code).toBe(0);
    expect(cli("matrix", "--check-intents").code).toBe(0);
  });

  test("colour only when asked for by a terminal or FORCE_COLOR, never with NO_COLOR alone", () => {
    expect(cli("matrix").stdout).not.toMatch(/\x1b\[/);
    const coloured = runCli(["matrix"], { env: { ...t.env, FORCE_COLOR: "1" } });
    // Delivered cells are green, with the path's bottleneck where the table has room for it.
    expect(coloured.stdout).toMatch(/\x1b\[32mok( \d+M)?\x1b\[39m/);
    expect(coloured.stdout).toContain("\x1b[31mNO_TUNNEL\x1b[39m");
  });

  test("chosen endpoints, by name, logical ID or address", () => {
    const m = json(cli("matrix", "Idc2", "10.0.1.9", "--json"));
    expect(m.endpoints.map((e: { kind: string; name: string }) => `${e.kind} ${e.name}`)).toEqual(["IDC_SITE IDC-2", "SUBNET App"]);
    expect(m.pairs).toEqual([expect.objectContaining({ verdict: "REACHABLE" })]);
  });
});

describe("cross-account peering (seed 003, P3): pending, accept, expiry, cost", () => {
  let t: ReturnType<typeof tempState>;
  const cli = (...args: string[]) => runCli(args, { env: t.env });
  beforeEach(() => {
    t = tempState();
  });
  afterEach(() => fs.rmSync(t.dir, { recursive: true, force: true }));

  test("PENDING until the partner accepts (the accepter's account is taken from the stack), then reachable", () => {
    const up = cli("up", "--yes", example("p3-cross-account-cross-region"));
    expect(up.code).toBe(0);
    expect(up.stdout).toMatch(/\+ create\s+PeeringConnection\s+Peering\S*\s+— stays PENDING until account 200000000002 accepts/);
    expect(json(cli("trace", "VPC-Guangzhou", "VPC-Beijing", "--json")).forward.verdict).toBe("PEERING_NOT_ACTIVE");

    const wrong = cli("peering", "accept", "Peering-Connection", "--account", "100000000001");
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toContain("[UnauthorizedOperation]");
    const accepted = cli("peering", "accept", "Peering-Connection");
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toMatch(/is ACTIVE, as account 200000000002/);
    expect(cli("trace", "VPC-Guangzhou", "VPC-Beijing", "--expect", "reachable").code).toBe(0);
  });

  test("not accepted in 7 days it EXPIRES; the requester's enable renews the request", () => {
    expect(cli("up", "--yes", example("p3-cross-account-cross-region")).code).toBe(0);
    const advanced = json(cli("clock", "advance", "7d", "--json"));
    expect(advanced.transitions).toEqual([expect.objectContaining({ type: "PeeringConnection", from: "PENDING", to: "EXPIRED" })]);
    expect(cli("peering", "accept", "Peering-Connection").code).toBe(3);
    const renewed = json(cli("peering", "enable", "Peering-Connection", "--account", "100000000001", "--json"));
    expect(renewed).toMatchObject({ state: "PENDING" });
  });

  test("rejected, the request is gone", () => {
    expect(cli("up", "--yes", example("p3-cross-account-cross-region")).code).toBe(0);
    const rejected = cli("peering", "reject", "Peering-Connection");
    expect(rejected.code).toBe(0);
    expect(rejected.stdout).toContain("rejected by account 200000000002: the request is gone");
  });

  test("cost of the deployed peering from measured samples named by logical ID: billed to the requester", () => {
    expect(cli("up", "--yes", example("p3-cross-account-cross-region"), "--accept-peerings").code).toBe(0);
    const recorded = json(cli("trace", "VPC-Guangzhou", "VPC-Beijing", "--json"));
    expect(recorded.verdict).toBe("REACHABLE");
    const samples = path.join(t.dir, "samples.json");
    const logicalId = json(cli("matrix", "--json")).endpoints.length && "Peering/Connection";
    fs.writeFileSync(
      samples,
      JSON.stringify([
        { peering: logicalId, at: "2025-01-01T10:00:00+08:00", outMbps: 12, inMbps: 3 },
        { peering: logicalId, at: "2025-01-01T10:05:00+08:00", outMbps: 4, inMbps: 9 },
      ]),
    );
    const bill = json(cli("cost", "--samples", samples, "--json"));
    expect(bill.bills).toHaveLength(1);
    expect(bill.bills[0]).toMatchObject({ payer: "100000000001", priceGroup: "mainland", total: 21 * 12 });
    expect(bill.bills[0].days[0]).toMatchObject({ date: "2025-01-01", peakOutMbps: 12, peakInMbps: 9, tier: "20–100 Mbps" });
    expect(bill.totals).toEqual({ "100000000001": { amount: 252, currency: "CNY" } });
    const unknown = path.join(t.dir, "unknown.json");
    fs.writeFileSync(unknown, JSON.stringify([{ peering: "pcx-nope", at: "2025-01-01T10:00:00+08:00", outMbps: 1, inMbps: 1 }]));
    const refused = cli("cost", "--samples", unknown);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("[UnknownPeering]");
  });
});

describe("usage", () => {
  const t = tempState();
  afterAll(() => fs.rmSync(t.dir, { recursive: true, force: true }));

  test.each([
    [["no-such-command"]],
    [["trace", "only-one"]],
    [["graph", "--format", "png"]],
    [["clock", "advance"]],
    [["peering", "approve", "pcx-1"]],
  ])("%j exits 2", (args) => {
    expect(runCli(args, { env: t.env }).code).toBe(2);
  });

  test("reporting commands on a folder with nothing deployed say so (exit 2) and create nothing", () => {
    for (const args of [["trace", "a", "b"], ["matrix"], ["fail", "x"], ["clock"], ["graph"], ["traffic", "record", "x", "--out", "1", "--in", "1"]]) {
      const run = runCli(args, { env: t.env });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("[NoState]");
    }
    expect(fs.existsSync(t.state)).toBe(false);
  });

  test("plan with nothing deployed lists every create and writes no store", () => {
    const run = runCli(["plan", example("s1-vpc-idc-spd"), "--json"], { env: t.env });
    expect(run.code).toBe(0);
    expect(json(run).counts).toEqual({ create: 8, update: 0, replace: 0, delete: 0, same: 0 });
    expect(json(run).generatedSecrets).toEqual([{ source: "env:HL_S1_PSK", new: true }]);
    expect(fs.existsSync(t.state)).toBe(false);
  });

  test("graph of a program needs no deployment", () => {
    const run = runCli(["graph", example("s4-ccn-idcs-cloud-networks"), "--format", "mermaid"], { env: t.env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("CCN-type VPN gateway");
    expect(fs.existsSync(t.state)).toBe(false);
  });
});
