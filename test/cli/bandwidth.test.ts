import * as fs from "fs";
import * as path from "path";
import { json, runCli, tempState } from "./run-cli";

/**
 * Seed 001's fields end to end through the `hybridlink` command: `describe`
 * shows a customer gateway's region (Tencent's has no description: HL-VPN-027) and a VPN gateway's
 * billing terms and bandwidth; `trace` and `matrix` report the path's
 * bottleneck (the VPN gateway's bandwidth). A program of its own, with values
 * unlike the examples' (ap-chengdu, 10.91/16, 172.23/16, 50 Mbps).
 */
const PROGRAM = `
const { IdcSite, NetworkApp, SecretValue, SiteToSiteVpn, VpnGateway, Vpc } = require("hybridlink");
const app = new NetworkApp({ profile: "tencent" });
const vpc = new Vpc(app, "Ledger", { name: "Ledger", region: "ap-chengdu", cidrs: ["10.91.0.0/16"] });
const idc = new IdcSite(app, "Branch", { name: "Branch", cidrs: ["172.23.0.0/16"] });
const device = idc.addDevice("Router", { ipAddress: "198.51.100.61", region: "ap-chengdu" });
const gateway = new VpnGateway(app, "Gateway", { vpc, bandwidthMbps: 50, chargeType: "PREPAID", periodMonths: 12 });
new SiteToSiteVpn(app, "Vpn", { vpc, vpnGateway: gateway, site: idc, device, preSharedKey: SecretValue.fromEnv("HL_BW_PSK") });
module.exports = { app };
`;

describe("hybridlink describe, trace and matrix: seed 001's fields and the bottleneck", () => {
  const t = tempState();
  const env = { ...t.env, HL_BW_PSK: "bandwidth-test-key-9" };
  const cli = (...args: string[]) => runCli(args, { env });
  const program = path.join(t.dir, "bandwidth.js");
  beforeAll(() => {
    fs.writeFileSync(program, PROGRAM);
    const up = cli("up", "--yes", program, "--stack", "bw");
    expect({ code: up.code, stderr: up.stderr }).toEqual({ code: 0, stderr: "" });
    // Past the gateway's provisioning time, so the tunnel negotiates and carries packets.
    expect(cli("clock", "advance", "10m").code).toBe(0);
  });
  afterAll(() => fs.rmSync(t.dir, { recursive: true, force: true }));

  test("describe shows the customer gateway's region, as JSON and as text", () => {
    const d = json(cli("describe", "Branch/Router", "--json"));
    expect(d.fields).toMatchObject({ region: "ap-chengdu", ipAddress: "198.51.100.61" });
    expect(d.fields).not.toHaveProperty("description");
    expect(cli("describe", "Branch/Router").stdout).toMatch(/\n {2}region +ap-chengdu\n/);
  });

  test("a description on a Tencent customer gateway stops synth (HL-VPN-027), before anything is created", () => {
    const described = path.join(t.dir, "described.js");
    fs.writeFileSync(described, PROGRAM.replace('region: "ap-chengdu" });', 'region: "ap-chengdu", description: "branch edge router" });'));
    const run = cli("up", "--yes", described, "--stack", "described");
    expect(run.code).not.toBe(0);
    expect(run.stdout + run.stderr).toMatch(/HL-VPN-027/);
    expect(run.stdout + run.stderr).toMatch(/no description field/);
    expect(json(cli("ls", "--stack", "described", "--json")).resources ?? []).toEqual([]);
  });

  test("describe shows the VPN gateway's billing terms and bandwidth", () => {
    const d = json(cli("describe", "Gateway", "--json"));
    expect(d.fields).toMatchObject({ chargeType: "PREPAID", periodMonths: 12, bandwidthMbps: 50 });
    expect(cli("describe", "Gateway").stdout).toMatch(/\n {2}chargeType +PREPAID\n {2}periodMonths +12\n/);
  });

  test("trace --json gives each direction's bottleneck: the gateway's 50 Mbps", () => {
    const run = cli("trace", "Ledger", "Branch", "--json");
    expect(run.code).toBe(0);
    const pair = json(run);
    expect(pair.verdict).toBe("REACHABLE");
    const gatewayId = json(cli("describe", "Gateway", "--json")).id;
    for (const direction of [pair.forward, pair.reverse]) {
      expect(direction.bottleneck).toEqual({ bandwidthMbps: 50, at: { kind: "VPN_GATEWAY", id: gatewayId, name: "Gateway" }, limit: "VPN_GATEWAY_BANDWIDTH" });
    }
    const text = cli("trace", "Ledger", "Branch").stdout;
    expect(text).toContain(`bottleneck: 50 Mbps at ${gatewayId} (VPN gateway bandwidth, Gateway)`);
  });

  test("matrix --json gives each delivered pair's bottleneck; the text table shows it where it fits", () => {
    const m = json(cli("matrix", "--json"));
    const [ledger, branch] = ["Ledger", "Branch"].map((n) => m.endpoints.findIndex((e: { name: string }) => e.name === n));
    expect(m.bottlenecks[ledger][branch]).toMatchObject({ bandwidthMbps: 50, limit: "VPN_GATEWAY_BANDWIDTH" });
    expect(m.bottlenecks[ledger][ledger]).toBeNull();
    expect(m.pairs[0]).toMatchObject({ verdict: "REACHABLE", forwardBottleneck: { bandwidthMbps: 50 }, reverseBottleneck: { bandwidthMbps: 50 } });
    const text = cli("matrix").stdout;
    expect(text).toContain("ok 50M");
    expect(text).toContain("ok 100M = delivered, at most 100 Mbps");
    expect(Math.max(...text.split("\n").map((l) => [...l].length))).toBeLessThanOrEqual(100);
  });
});
