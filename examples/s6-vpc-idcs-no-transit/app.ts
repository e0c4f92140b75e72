import { IdcSite, NetworkApp, SecretValue, SiteToSiteVpn, Vpc, VpnGateway } from "hybridlink";

/**
 * Seed 000 scenario 6 (场景六): one VPC, one VPC-type gateway, three IDCs each
 * over its own SPD tunnel. Each IDC reaches the VPC; the IDCs cannot reach
 * each other, because an SPD connection only admits its own policy's traffic.
 */
export const app = new NetworkApp({ profile: "tencent" });

const vpc = new Vpc(app, "Vpc", { name: "VPC", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
vpc.addSubnet("App", { cidr: "10.0.1.0/24" });
const gateway = new VpnGateway(app, "VpnGateway", { vpc });

const idcs = [1, 2, 3].map((n) => {
  const idc = new IdcSite(app, `Idc${n}`, { name: `IDC-${n}`, cidrs: [`192.168.${n}.0/24`] });
  new SiteToSiteVpn(app, `VpnIdc${n}`, {
    vpnGateway: gateway,
    site: idc,
    device: `203.0.113.${10 + n}`,
    preSharedKey: SecretValue.fromEnv(`HL_S6_PSK_IDC${n}`),
  });
  return idc;
});

// The scenario's matrix: each IDC ↔ VPC; no IDC reaches another.
for (const idc of idcs) app.intents.reachable(vpc, idc);
for (const a of idcs) for (const b of idcs) if (a !== b) app.intents.isolated(a, b);

export default app;
