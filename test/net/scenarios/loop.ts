import { IdcSite, NetworkApp, RoutePreference, VpnGateway, Vpc } from "../../../lib";
import { PSK, Scenario } from "./common";

/**
 * A routing loop: S2's gateway with IDC-2's active route pointed at IDC-1's
 * tunnel by mistake (the standby one is right). IDC-1's device, configured
 * from the gateway's routes, sends 172.17.0.0/16 back into its tunnel, and the
 * gateway sends it to IDC-1 again.
 */
export function buildLoop(): Scenario {
  const app = new NetworkApp({ profile: "tencent" });
  const vpc = new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
  vpc.addSubnet("App", { cidr: "10.0.1.0/24" });
  const gateway = new VpnGateway(app, "Gateway", { vpc });
  const sites = [1, 2].map((n) => new IdcSite(app, `Idc${n}`, { cidrs: [`172.${15 + n}.0.0/16`] }));
  const tunnels = sites.map((idc, i) =>
    gateway.addConnection(`Tunnel${i + 1}`, {
      customerGateway: idc.addDevice("Device", { ipAddress: `203.0.113.${11 + i}` }),
      preSharedKey: PSK,
      routeType: "ROUTE",
    }),
  );
  gateway.addRoute("ToIdc1", { destinationCidr: "172.16.0.0/16", connection: tunnels[0] });
  gateway.addRoute("ToIdc2Wrong", { destinationCidr: "172.17.0.0/16", connection: tunnels[0], preference: RoutePreference.ACTIVE });
  gateway.addRoute("ToIdc2", { destinationCidr: "172.17.0.0/16", connection: tunnels[1], preference: RoutePreference.STANDBY });
  return { app, endpoints: { VPC: vpc.logicalId, "IDC-1": sites[0].logicalId, "IDC-2": sites[1].logicalId } };
}

/** Everything toward IDC-2 loops between the gateway and IDC-1; IDC-2's own traffic out still works. */
export const LOOP_EXPECTED = `
      VPC   IDC-1 IDC-2
VPC   -     .     LOOP
IDC-1 .     -     LOOP
IDC-2 .     .     -`;
