import { HubSpokeVpn, IdcSite, NetworkApp, SecretValue, Vpc } from "hybridlink";

/**
 * Seed 000 scenario 2 (场景二): IDC-1, IDC-2 and IDC-3 connect to one VPC-type
 * VPN gateway whose route table forwards between them, so the VPC and every
 * IDC reach each other.
 */
export const app = new NetworkApp({ profile: "tencent" });
// Seed 000: the VPN route table is in gray release and is enabled per account by ticket.
app.acknowledge("HL-VPN-015", "example: VPN route tables are enabled for this account by ticket, as seed 000 requires");

const vpc = new Vpc(app, "Vpc", { name: "VPC", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
vpc.addSubnet("App", { cidr: "10.0.1.0/24" });

/** The hub: a VPC-type gateway with a route table; its gateway routes are published to the VPC. */
export const hub = new HubSpokeVpn(app, "Hub", { vpc });

const idcs = [1, 2, 3].map((n) => {
  const idc = new IdcSite(app, `Idc${n}`, { name: `IDC-${n}`, cidrs: [`192.168.${n}.0/24`] });
  idc.addDevice("Device", { ipAddress: `203.0.113.${10 + n}` });
  hub.addSpoke(`Idc${n}`, { site: idc, preSharedKey: SecretValue.fromEnv(`HL_S2_PSK_IDC${n}`) });
  return idc;
});

// The scenario's matrix: every pair of {VPC, IDC-1, IDC-2, IDC-3} reachable.
const endpoints = [vpc, ...idcs];
endpoints.forEach((a, i) => endpoints.slice(i + 1).forEach((b) => app.intents.reachable(a, b)));

export default app;
