import { NetworkApp, Vpc } from "../../../lib";
import { Scenario } from "./common";

/**
 * Seeds 003/004 "对等连接互通性不传递": VPC1 peers with VPC2 and with VPC3,
 * routes both ways on each peering; VPC2 and VPC3 even route each other's
 * CIDR toward VPC1, and still cannot talk.
 */
export function buildP1(): Scenario {
  const app = new NetworkApp({ profile: "tencent" });
  const [vpc1, vpc2, vpc3] = [1, 2, 3].map((n) => new Vpc(app, `Vpc${n}`, { region: "ap-guangzhou", cidrs: [`10.${n}.0.0/16`] }));
  const p12 = vpc1.peerWith("Peer12", vpc2);
  p12.routeBothWays();
  const p13 = vpc1.peerWith("Peer13", vpc3);
  p13.routeBothWays();
  vpc2.addRoute("ToVpc3ViaVpc1", { destinationCidr: "10.3.0.0/16", nextHop: p12 });
  vpc3.addRoute("ToVpc2ViaVpc1", { destinationCidr: "10.2.0.0/16", nextHop: p13 });
  return { app, endpoints: { VPC1: vpc1.logicalId, VPC2: vpc2.logicalId, VPC3: vpc3.logicalId } };
}

/** P1 must hold: 1 ↔ 2, 1 ↔ 3; 2 ↛ 3 (NON_TRANSITIVE at VPC1). */
export const P1_EXPECTED = `
     VPC1           VPC2           VPC3
VPC1 -              .              .
VPC2 .              -              NON_TRANSITIVE
VPC3 .              NON_TRANSITIVE -`;
