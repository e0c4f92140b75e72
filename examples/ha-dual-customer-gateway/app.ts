import { HaDualCustomerGateway, IdcSite, NetworkApp, SecretValue, Vpc } from "hybridlink";

/**
 * Seed 001 (高可用-双用户网关), Alibaba Cloud: one VPN gateway, two customer
 * gateways of one data centre, an IPsec connection to each with a health
 * check, destination routes with weight 100 (connection 1) and 0
 * (connection 2), published to the VPC.
 */
export const app = new NetworkApp({ profile: "alibaba" });

const vpc = new Vpc(app, "Vpc", { name: "VPC", region: "cn-hangzhou", cidrs: ["10.0.0.0/16"] });
vpc.addSubnet("VSwitch", { cidr: "10.0.1.0/24" });
const idc = new IdcSite(app, "Idc", { name: "IDC", cidrs: ["192.168.0.0/16"] });

/** The HA pair; `ha.renderDeviceConfiguration(ha.customerGateway1)` is step 4's configuration download. */
export const ha = new HaDualCustomerGateway(app, "Ha", {
  vpc,
  site: idc,
  primary: { device: "198.51.100.1", preSharedKey: SecretValue.fromEnv("HL_HA_PSK_CGW1") },
  standby: { device: "198.51.100.2", preSharedKey: SecretValue.fromEnv("HL_HA_PSK_CGW2") },
});

// The scenario's matrix: VPC ↔ IDC, through customer gateway 1, and through 2 when 1 fails.
app.intents.reachable(vpc, idc, { underSingleFailure: true });

export default app;
