import { NetworkApp, Vpc } from "../../../lib";
import { Scenario } from "./common";

export interface P2Options {
  /**
   * Add the return route in VPC2, as the seed's worked example does (routes on both ends).
   *
   * @default false
   */
  readonly returnRoute?: boolean;
}

/**
 * Seed 004's worked example (Wuhan, ccb): subnet A 192.168.1.0/24 in VPC1 and
 * subnet B 10.0.1.0/24 in VPC2, peered. The seed routes both ends; without
 * `returnRoute` only VPC1 routes to the peer (the failure the seed's FAQ is
 * about), so the pair is one-way until VPC2 gets its route too.
 */
export function buildP2(options: P2Options = {}): Scenario & { readonly vpc2MainRouteTable: string } {
  const app = new NetworkApp({ profile: "ccb" });
  const vpc1 = new Vpc(app, "Vpc1", { region: "wuhan", cidrs: ["192.168.0.0/16"] });
  const subnetA = vpc1.addSubnet("SubnetA", { cidr: "192.168.1.0/24" });
  const vpc2 = new Vpc(app, "Vpc2", { region: "wuhan", cidrs: ["10.0.0.0/16"] });
  const subnetB = vpc2.addSubnet("SubnetB", { cidr: "10.0.1.0/24" });
  const peering = vpc1.peerWith("PeerConn", vpc2);
  vpc1.addRoute("ToSubnetB", { destinationCidr: "10.0.1.0/24", nextHop: peering });
  if (options.returnRoute) vpc2.addRoute("ToSubnetA", { destinationCidr: "192.168.1.0/24", nextHop: peering });
  return {
    app,
    endpoints: { "Subnet-A": subnetA.logicalId, "Subnet-B": subnetB.logicalId },
    vpc2MainRouteTable: vpc2.mainRouteTable.logicalId,
  };
}

/** P2 as the FAQ's failure case (one end routed): A reaches B, B's replies have no route back. */
export const P2_EXPECTED = `
         Subnet-A Subnet-B
Subnet-A -        .
Subnet-B NO_ROUTE -`;

/** P2 with the return route added: reachable. */
export const P2_FIXED_EXPECTED = `
         Subnet-A Subnet-B
Subnet-A -        .
Subnet-B .        -`;
