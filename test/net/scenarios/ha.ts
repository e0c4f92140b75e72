import { IdcSite, NetworkApp, VpnGateway, Vpc } from "../../../lib";
import { PSK } from "./common";
import { ActiveStandbyOptions, ActiveStandbyScenario } from "./s5a";

/**
 * Seed 001 (Alibaba, 高可用-双用户网关): one VPN gateway, two customer gateways
 * of the same IDC, an IPsec connection with health check to each, destination
 * routes to the IDC's private block with weight 100 (CGW-1) and 0 (CGW-2),
 * both published to the VPC.
 */
export function buildHa(options: ActiveStandbyOptions = {}): ActiveStandbyScenario {
  const app = new NetworkApp({ profile: "alibaba" });
  const vpc = new Vpc(app, "Vpc", { region: "cn-hangzhou", cidrs: ["10.0.0.0/16"] });
  vpc.addSubnet("VSwitch", { cidr: "10.0.1.0/24" });
  const gateway = new VpnGateway(app, "VpnGateway", { vpc });
  const idc = new IdcSite(app, "Idc", { cidrs: ["192.168.0.0/16"] });
  const devices = [1, 2].map((n) => idc.addDevice(`Cgw${n}`, { ipAddress: `198.51.100.${n}` }));
  const tunnels = devices.map((device, i) =>
    gateway.addConnection(`IpsecConnection${i + 1}`, {
      customerGateway: device,
      preSharedKey: PSK,
      routeType: "ROUTE",
      healthCheck: options.healthChecks === false ? undefined : { localIp: "10.0.1.254", remoteIp: "192.168.0.254" },
    }),
  );
  gateway.addRoute("ToIdcWeight100", { destinationCidr: "192.168.0.0/16", connection: tunnels[0], weight: 100, publishToVpc: true });
  gateway.addRoute("ToIdcWeight0", { destinationCidr: "192.168.0.0/16", connection: tunnels[1], weight: 0, publishToVpc: true });
  return {
    app,
    endpoints: { VPC: vpc.logicalId, IDC: idc.logicalId },
    devices: [devices[0].logicalId, devices[1].logicalId],
    tunnels: [tunnels[0].logicalId, tunnels[1].logicalId],
    idc: idc.logicalId,
  };
}
