import { ActiveStandbyVpn, DirectConnectGateway, IdcSite, NetworkApp, SecretValue, Vpc } from "hybridlink";

/**
 * Seed 000 scenario 5, description 2 (场景五·描述二): as scenario 5a, but the
 * gateway is CCN-type and the IDC reaches, through the CCN, a VPC in
 * Guangzhou, a VPC in Shanghai and a direct-connect network.
 */
export const app = new NetworkApp({ profile: "tencent" });
app.acknowledge("HL-VPN-015", "example: VPN route tables are enabled for this account by ticket, as seed 000 requires");

const guangzhou = new Vpc(app, "VpcGuangzhou", { name: "VPC-Guangzhou", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
guangzhou.addSubnet("App", { cidr: "10.0.1.0/24" });
const shanghai = new Vpc(app, "VpcShanghai", { name: "VPC-Shanghai", region: "ap-shanghai", cidrs: ["10.1.0.0/16"] });
shanghai.addSubnet("App", { cidr: "10.1.1.0/24" });
const directConnect = new DirectConnectGateway(app, "DirectConnect", {
  name: "DC-Network",
  region: "ap-guangzhou",
  onPremPrefixes: ["172.16.0.0/16"],
});

const idc = new IdcSite(app, "Idc", { name: "IDC", cidrs: ["192.168.0.0/16"] });
const device1 = idc.addDevice("Device1", { name: "IDC-Device-1", ipAddress: "203.0.113.21" });
const device2 = idc.addDevice("Device2", { name: "IDC-Device-2", ipAddress: "203.0.113.22" });

/** The pair on a CCN-type gateway; it creates the CCN and attaches the gateway, both VPCs and the DC gateway. */
export const vpn = new ActiveStandbyVpn(app, "Vpn", {
  vpnGateway: { type: "CCN", region: "ap-guangzhou" },
  ccn: { vpcs: [guangzhou, shanghai], directConnectGateways: [directConnect] },
  site: idc,
  primary: { device: device1, preSharedKey: SecretValue.fromEnv("HL_S5B_PSK_TUNNEL1") },
  standby: { device: device2, preSharedKey: SecretValue.fromEnv("HL_S5B_PSK_TUNNEL2") },
});

// The scenario's matrix: every pair reachable; the IDC's pairs survive any one failure.
const cloud = [guangzhou, shanghai, directConnect];
for (const network of cloud) app.intents.reachable(idc, network, { underSingleFailure: true });
cloud.forEach((a, i) => cloud.slice(i + 1).forEach((b) => app.intents.reachable(a, b)));

export default app;
