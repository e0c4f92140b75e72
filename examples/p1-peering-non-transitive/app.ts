import { Acknowledgements, NetworkApp, Vpc, VpcPeering } from "hybridlink";

/**
 * Seeds 003/004 (对等连接互通性不传递): VPC1 peers with VPC2 and with VPC3,
 * routes both ways on each. VPC2 and VPC3 also route each other's CIDR
 * toward VPC1 — and still cannot talk, because peering is not transitive.
 */
export const app = new NetworkApp({ profile: "tencent" });

const [vpc1, vpc2, vpc3] = [1, 2, 3].map((n) => {
  const vpc = new Vpc(app, `Vpc${n}`, { name: `VPC${n}`, region: "ap-guangzhou", cidrs: [`10.${n}.0.0/16`] });
  vpc.addSubnet("App", { cidr: `10.${n}.1.0/24` });
  return vpc;
});

export const peering12 = new VpcPeering(app, "Peering12", { requester: vpc1, accepter: vpc2 });
export const peering13 = new VpcPeering(app, "Peering13", { requester: vpc1, accepter: vpc3 });

// The attempt the seed warns about: reaching VPC3 from VPC2 "through" VPC1. The patterns refuse such
// routes (HL-PAT-023), so they are written low-level here, and the rule's warning acknowledged.
const reason = "demonstrates seed 003: a route through a peering to a third VPC's CIDR carries nothing";
Acknowledgements.of(vpc2.addRoute("ToVpc3ViaVpc1", { destinationCidr: "10.3.0.0/16", nextHop: peering12.peeringConnection })).add(
  "HL-PEER-012",
  reason,
);
Acknowledgements.of(vpc3.addRoute("ToVpc2ViaVpc1", { destinationCidr: "10.2.0.0/16", nextHop: peering13.peeringConnection })).add(
  "HL-PEER-012",
  reason,
);

// The scenario's matrix: 1 ↔ 2, 1 ↔ 3, and 2 ↛ 3 either way.
app.intents.reachable(vpc1, vpc2).reachable(vpc1, vpc3).isolated(vpc2, vpc3).isolated(vpc3, vpc2);

export default app;
