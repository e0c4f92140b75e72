import { Ccn, DirectConnectGateway, HubSpokeVpn, IdcSite, NetworkApp, SecretValue, Vpc } from "hybridlink";

/**
 * Seed 000 scenario 4 (场景四): IDC-1, IDC-2 and IDC-3 connect to a CCN-type
 * VPN gateway attached to a CCN that also holds a VPC in Guangzhou, a VPC in
 * Shanghai and a direct-connect network; everything reaches everything.
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
const ccn = new Ccn(app, "Ccn", { name: "CCN" });

/** The hub: a CCN-type gateway that joins the CCN and attaches both VPCs and the direct-connect gateway to it. */
export const hub = new HubSpokeVpn(app, "Hub", {
  vpnGateway: { type: "CCN", region: "ap-guangzhou" },
  ccn: { ccn, vpcs: [guangzhou, shanghai], directConnectGateways: [directConnect] },
});

const idcs = [1, 2, 3].map((n) => {
  const idc = new IdcSite(app, `Idc${n}`, { name: `IDC-${n}`, cidrs: [`192.168.${n}.0/24`] });
  hub.addSpoke(`Idc${n}`, {
    site: idc,
    device: `203.0.113.${10 + n}`,
    preSharedKey: SecretValue.fromEnv(`HL_S4_PSK_IDC${n}`),
  });
  return idc;
});

// The scenario's matrix: every pair of {IDCs, VPCs, DC network} reachable.
const endpoints = [...idcs, guangzhou, shanghai, directConnect];
endpoints.forEach((a, i) => endpoints.slice(i + 1).forEach((b) => app.intents.reachable(a, b)));

export default app;
