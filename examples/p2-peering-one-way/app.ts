import { NetworkApp, Vpc, VpcPeering } from "hybridlink";

export interface P2Options {
  /**
   * Add the return route in route table B, as the seed's worked example does
   * (对端路由表的配置同上。); without it the app is the FAQ's failure case.
   *
   * @default false
   */
  readonly returnRoute?: boolean;
}

/**
 * Seed 004's worked example (武汉, CCB cloud): subnet A 192.168.1.0/24 in VPC1
 * and subnet B 10.0.1.0/24 in VPC2, same account, peered as "PeerConn". The
 * seed routes both ends (本端网络、对端网络均需配置路由策略): that is
 * `returnRoute: true`. Without it only route table A routes to the peer, so
 * A's packets reach B and B's replies have no way back (ONE_WAY): not the
 * seed's setup but the failure its FAQ is about (建立了对等连接但是无法进行通信。),
 * built here to show what the analysis reports.
 */
export function buildP2App(options: P2Options = {}): NetworkApp {
  const app = new NetworkApp({ profile: "ccb" });
  const vpc1 = new Vpc(app, "Vpc1", { name: "VPC1", region: "wuhan", cidrs: ["192.168.0.0/16"] });
  const routeTableA = vpc1.addRouteTable("RouteTableA");
  const subnetA = vpc1.addSubnet("SubnetA", { name: "Subnet-A", cidr: "192.168.1.0/24", routeTable: routeTableA });
  const vpc2 = new Vpc(app, "Vpc2", { name: "VPC2", region: "wuhan", cidrs: ["10.0.0.0/16"] });
  const routeTableB = vpc2.addRouteTable("RouteTableB");
  const subnetB = vpc2.addSubnet("SubnetB", { name: "Subnet-B", cidr: "10.0.1.0/24", routeTable: routeTableB });

  new VpcPeering(app, "PeerConn", {
    name: "PeerConn",
    requester: vpc1,
    accepter: vpc2,
    requesterRoutes: { routeTables: [routeTableA], destinations: ["10.0.1.0/24"] },
    accepterRoutes: options.returnRoute
      ? { routeTables: [routeTableB], destinations: ["192.168.1.0/24"] }
      : { addRoutes: false },
  });

  // The scenario's matrix: in the failure case B cannot start a conversation with A (and A's
  // packets reach B, but the replies are lost: ONE_WAY); routed as the seed does, both ways.
  if (options.returnRoute) app.intents.reachable(subnetA, subnetB);
  else app.intents.isolated(subnetB, subnetA);
  return app;
}

/** The FAQ's failure case: routes on one end only, one way. */
export const app = buildP2App();

/** As the seed's worked example configures it, routes on both ends: reachable. */
export const fixedApp = buildP2App({ returnRoute: true });

export default app;
