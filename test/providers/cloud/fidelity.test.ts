import { provisioningSeconds } from "../../../providers/cloud/actions/vpn-gateway";
import { as, memoryEngine, World } from "./helpers";

type Json = Record<string, unknown>;

describe("engine fidelity to the seeds", () => {
  test("VPN gateways take 1–5 minutes each (seed 001: 一般需要1-5分钟), spread by ID and the same on every run", () => {
    const delays = Array.from({ length: 200 }, (_, i) => provisioningSeconds(`vpngw-${String(i + 1).padStart(8, "0")}`, [60, 300]));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(60);
    expect(Math.max(...delays)).toBeLessThanOrEqual(300);
    // Spread, not one fixed value: several distinct delays, reaching both ends' neighbourhoods.
    expect(new Set(delays).size).toBeGreaterThan(50);
    expect(Math.min(...delays)).toBeLessThan(90);
    expect(Math.max(...delays)).toBeGreaterThan(270);

    const availableAt = () => {
      const w = new World(memoryEngine(), "300000000003");
      const vpc = w.vpc(["172.28.0.0/16"], "ap-nanjing").vpc;
      return [1, 2, 3].map((n) => {
        const id = w.request("CreateVpnGateway", { name: `gw${n}`, region: "ap-nanjing", type: "VPC", vpc, bandwidthMbps: 50, ipsecEnabled: true, sslEnabled: false }).id as string;
        return (w.request("DescribeVpnGateways", { ids: [id] }).items as Json[])[0].availableAt;
      });
    };
    const first = availableAt();
    expect(new Set(first).size).toBe(3);
    expect(availableAt()).toEqual(first);
  });

  test("a second peering between the same two VPCs is accepted (seed 004: 不需要建立多个对等连接 — unnecessary, not forbidden)", () => {
    const engine = memoryEngine();
    const w = new World(engine, "300000000003");
    const a = w.vpc(["172.28.0.0/16"], "ap-nanjing").vpc;
    const b = w.vpc(["172.29.0.0/16"], "ap-nanjing").vpc;
    const peer = (requesterVpc: string, accepterVpc: string) =>
      engine.request("CreateVpcPeeringConnection", { name: "p", requesterVpc, accepterVpc, accepterAccount: w.account }, as(w.account));
    expect(peer(a, b).state).toBe("ACTIVE");
    expect(peer(b, a).state).toBe("ACTIVE");
  });
});
