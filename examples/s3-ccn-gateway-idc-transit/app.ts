import { HubSpokeVpn, NetworkApp, SecretValue, Vpc } from "hybridlink";

/**
 * Seed 000 scenario 3 (场景三): IDC-1, IDC-2 and IDC-3 connect to a CCN-type
 * VPN gateway that is not attached to any CCN; the gateway's route table
 * forwards between the IDCs, and no IDC reaches the cloud.
 */
export const app = new NetworkApp({ profile: "tencent" });
app.acknowledge("HL-VPN-015", "example: VPN route tables are enabled for this account by ticket, as seed 000 requires");

// A VPC of the same account that the IDCs must not reach: the gateway is not attached to it.
const vpc = new Vpc(app, "Vpc", { name: "VPC", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
vpc.addSubnet("App", { cidr: "10.0.1.0/24" });

/** The hub: a CCN-type gateway, joined to no CCN. */
export const hub = new HubSpokeVpn(app, "Hub", { vpnGateway: { type: "CCN", region: "ap-guangzhou" } });

const idcs = [1, 2, 3].map(
  (n) =>
    hub.addSpoke(`Idc${n}`, {
      site: { name: `IDC-${n}`, cidrs: [`192.168.${n}.0/24`] },
      device: `203.0.113.${10 + n}`,
      preSharedKey: SecretValue.fromEnv(`HL_S3_PSK_IDC${n}`),
    }).site,
);

// The scenario's matrix: IDC↔IDC for every pair; no IDC reaches the VPC.
idcs.forEach((a, i) => idcs.slice(i + 1).forEach((b) => app.intents.reachable(a, b)));
for (const idc of idcs) app.intents.isolated(idc, vpc).isolated(vpc, idc);

export default app;
