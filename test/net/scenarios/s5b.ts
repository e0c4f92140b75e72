import { Ccn, DirectConnectGateway, IdcSite, NetworkApp, RoutePreference, VpnGateway, Vpc } from "../../../lib";
import { PSK } from "./common";
import { ActiveStandbyOptions, ActiveStandbyScenario } from "./s5a";

/**
 * Seed 000 scenario 5, description 2: as S5a, but the gateway is CCN-type and
 * attached to a CCN with two VPCs (two regions) and a direct-connect network;
 * the same failover must hold for every cloud network.
 */
export function buildS5b(options: ActiveStandbyOptions = {}): ActiveStandbyScenario {
  const app = new NetworkApp({ profile: "tencent" });
  const ccn = new Ccn(app, "Ccn");
  const vpcA = new Vpc(app, "VpcA", { region: "ap-guangzhou", cidrs: ["10.1.0.0/16"] });
  vpcA.addSubnet("App", { cidr: "10.1.1.0/24" });
  const vpcB = new Vpc(app, "VpcB", { region: "ap-shanghai", cidrs: ["10.2.0.0/16"] });
  vpcB.addSubnet("App", { cidr: "10.2.1.0/24" });
  const dc = new DirectConnectGateway(app, "DirectConnect", { region: "ap-guangzhou", onPremPrefixes: ["192.168.0.0/16"] });
  const gateway = new VpnGateway(app, "Gateway", { type: "CCN", region: "ap-guangzhou" });
  ccn.attach("AttachVpcA", vpcA);
  ccn.attach("AttachVpcB", vpcB);
  ccn.attach("AttachDirectConnect", dc);
  ccn.attach("AttachGateway", gateway);
  const idc = new IdcSite(app, "Idc", { cidrs: ["172.16.0.0/16"] });
  const devices = [1, 2].map((n) => idc.addDevice(`Device${n}`, { ipAddress: `203.0.113.${20 + n}` }));
  const tunnels = devices.map((device, i) =>
    gateway.addConnection(`Tunnel${i + 1}`, {
      customerGateway: device,
      preSharedKey: PSK,
      routeType: "ROUTE",
      healthCheck: options.healthChecks === false ? undefined : { localIp: "169.254.128.1", remoteIp: "172.16.0.254" },
    }),
  );
  gateway.addRoute("ToIdcActive", { destinationCidr: "172.16.0.0/16", connection: tunnels[0], preference: RoutePreference.ACTIVE });
  gateway.addRoute("ToIdcStandby", { destinationCidr: "172.16.0.0/16", connection: tunnels[1], preference: RoutePreference.STANDBY });
  return {
    app,
    endpoints: { "VPC-A": vpcA.logicalId, "VPC-B": vpcB.logicalId, DC: dc.logicalId, IDC: idc.logicalId },
    devices: [devices[0].logicalId, devices[1].logicalId],
    tunnels: [tunnels[0].logicalId, tunnels[1].logicalId],
    idc: idc.logicalId,
  };
}
