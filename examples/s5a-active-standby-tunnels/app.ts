import { ActiveStandbyVpn, IdcSite, NetworkApp, SecretValue, Vpc } from "hybridlink";

/**
 * Seed 000 scenario 5, description 1 (场景五·描述一): one IDC with two VPN
 * devices, two tunnels to one VPC-type gateway, two gateway routes to the IDC
 * with priorities 0 (tunnel 1) and 100 (tunnel 2), both health-checked.
 */
export const app = new NetworkApp({ profile: "tencent" });
app.acknowledge("HL-VPN-015", "example: VPN route tables are enabled for this account by ticket, as seed 000 requires");

const vpc = new Vpc(app, "Vpc", { name: "VPC", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
vpc.addSubnet("App", { cidr: "10.0.1.0/24" });

const idc = new IdcSite(app, "Idc", { name: "IDC", cidrs: ["192.168.0.0/16"] });
const device1 = idc.addDevice("Device1", { name: "IDC-Device-1", ipAddress: "203.0.113.21" });
const device2 = idc.addDevice("Device2", { name: "IDC-Device-2", ipAddress: "203.0.113.22" });

/** The pair; `vpn.renderDeviceConfigurations()` gives each device its configuration and role. */
export const vpn = new ActiveStandbyVpn(app, "Vpn", {
  vpc,
  site: idc,
  primary: { device: device1, preSharedKey: SecretValue.fromEnv("HL_S5A_PSK_TUNNEL1") },
  standby: { device: device2, preSharedKey: SecretValue.fromEnv("HL_S5A_PSK_TUNNEL2") },
});

// The scenario's matrix: VPC ↔ IDC, and it must survive any one device or tunnel failing.
app.intents.reachable(vpc, idc, { underSingleFailure: true });

export default app;
