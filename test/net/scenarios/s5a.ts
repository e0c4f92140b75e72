import { IdcSite, NetworkApp, RoutePreference, VpnGateway, Vpc } from "../../../lib";
import { PSK, Scenario } from "./common";

export interface ActiveStandbyScenario extends Scenario {
  /** Logical IDs of the two customer-gateway devices (1 = active path, 2 = standby). */
  readonly devices: readonly [string, string];
  /** Logical IDs of the two connections. */
  readonly tunnels: readonly [string, string];
  /** Logical ID of the IDC site. */
  readonly idc: string;
}

export interface ActiveStandbyOptions {
  /**
   * Health checks on both connections; without them routes never fail over.
   *
   * @default true
   */
  readonly healthChecks?: boolean;
}

/**
 * Seed 000 scenario 5, description 1: one VPC; the IDC has two devices, each
 * with its own tunnel to a VPC-type gateway; two gateway routes to the IDC's
 * CIDR, priority 0 (tunnel 1) and 100 (tunnel 2), published to the VPC.
 */
export function buildS5a(options: ActiveStandbyOptions = {}): ActiveStandbyScenario {
  const app = new NetworkApp({ profile: "tencent" });
  const vpc = new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
  vpc.addSubnet("App", { cidr: "10.0.1.0/24" });
  const gateway = new VpnGateway(app, "Gateway", { vpc });
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
    endpoints: { VPC: vpc.logicalId, IDC: idc.logicalId },
    devices: [devices[0].logicalId, devices[1].logicalId],
    tunnels: [tunnels[0].logicalId, tunnels[1].logicalId],
    idc: idc.logicalId,
  };
}
