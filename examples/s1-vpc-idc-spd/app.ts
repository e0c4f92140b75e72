import { IdcSite, NetworkApp, SecretValue, SiteToSiteVpn, Vpc } from "hybridlink";

/**
 * Seed 000 scenario 1 (场景一): one VPC and one IDC over a policy-based (SPD)
 * IPsec tunnel. The SPD policy is derived from the CIDRs: VPC → IDC.
 */
export const app = new NetworkApp({ profile: "tencent" });

const vpc = new Vpc(app, "Vpc", { name: "VPC", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
vpc.addSubnet("App", { cidr: "10.0.1.0/24" });

const idc = new IdcSite(app, "Idc", { name: "IDC", cidrs: ["192.168.0.0/16"] });
idc.addDevice("Device", { ipAddress: "203.0.113.10" });

/** The tunnel; `vpn.renderDeviceConfiguration()` is what goes on the IDC's VPN device. */
export const vpn = new SiteToSiteVpn(app, "Vpn", {
  vpc,
  site: idc,
  preSharedKey: SecretValue.fromEnv("HL_S1_PSK"),
});

// The scenario's matrix: the VPC and the IDC reach each other.
app.intents.reachable(vpc, idc);

export default app;
