import { IdcSite, NetworkApp, RoutePreference } from "../../../lib";
import { buildCcnCloud, PSK } from "./common";
import { ActiveStandbyOptions, ActiveStandbyScenario } from "./s5a";

/**
 * Seed 000 scenario 5, description 2: as S5a, but the gateway is CCN-type and
 * attached to a CCN with two VPCs (two regions) and a direct-connect network;
 * the same failover must hold for every cloud network.
 */
export function buildS5b(options: ActiveStandbyOptions = {}): ActiveStandbyScenario {
  const app = new NetworkApp({ profile: "tencent" });
  const { gateway, endpoints: cloud } = buildCcnCloud(app);
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
    endpoints: { ...cloud, IDC: idc.logicalId },
    devices: [devices[0].logicalId, devices[1].logicalId],
    tunnels: [tunnels[0].logicalId, tunnels[1].logicalId],
    idc: idc.logicalId,
  };
}
