/**
 * The baseline of the synth bench: the same topology as ring-topology.js in
 * aws-cdk-lib L1 constructs (CloudFormation resources, one per hybridlink
 * resource: VPC, route table, peering, two routes, VPN gateway, customer
 * gateway, VPN connection with its pre-shared keys from a parameter,
 * connection route; an IDC site has no CloudFormation counterpart, so its
 * gateway attachment stands in), synthesized to a cloud assembly with CDK's
 * validation off: construct validation (`skipValidation`) and the built-in
 * CloudFormation template validator (`builtinCloudFormationValidation`).
 * aws-cdk-lib is a devDependency used only here.
 */
const cdk = require("aws-cdk-lib");
const ec2 = require("aws-cdk-lib/aws-ec2");

const n = Number(process.env.HL_BENCH_N || 1000);
// No 500-resource cap per stack (CloudFormation's limit, not what is measured here).
const app = new cdk.App({ outdir: process.env.HL_BENCH_OUT || "cdk.out", analyticsReporting: false, builtinCloudFormationValidation: false, context: { "@aws-cdk/core:stackResourceLimit": 0 } });
const stack = new cdk.Stack(app, "Ring", { env: { account: "100000000001", region: "us-east-1" } });
const vpcs = [];
const tables = [];
for (let i = 0; i < n; i++) {
  const vpc = new ec2.CfnVPC(stack, `Vpc${i}`, { cidrBlock: `${10 + Math.floor(i / 256)}.${i % 256}.0.0/16` });
  vpcs.push(vpc);
  tables.push(new ec2.CfnRouteTable(stack, `Vpc${i}Main`, { vpcId: vpc.ref }));
}
for (let i = 0; i < n; i++) {
  const j = (i + 1) % n;
  const peering = new ec2.CfnVPCPeeringConnection(stack, `Peer${i}`, { vpcId: vpcs[i].ref, peerVpcId: vpcs[j].ref });
  new ec2.CfnRoute(stack, `Peer${i}ToPeer`, { routeTableId: tables[i].ref, destinationCidrBlock: vpcs[j].cidrBlock, vpcPeeringConnectionId: peering.ref });
  new ec2.CfnRoute(stack, `Peer${i}FromPeer`, { routeTableId: tables[j].ref, destinationCidrBlock: vpcs[i].cidrBlock, vpcPeeringConnectionId: peering.ref });
}
const psk = new cdk.CfnParameter(stack, "Psk", { noEcho: true, type: "String" });
for (let j = 0; j < Math.floor(n / 10); j++) {
  const gateway = new ec2.CfnVPNGateway(stack, `Gateway${j}`, { type: "ipsec.1" });
  new ec2.CfnVPCGatewayAttachment(stack, `Gateway${j}Attachment`, { vpcId: vpcs[j * 10].ref, vpnGatewayId: gateway.ref });
  const device = new ec2.CfnCustomerGateway(stack, `Idc${j}Device`, { type: "ipsec.1", ipAddress: `1.${(j >> 8) & 255}.${j & 255}.1`, bgpAsn: 65000 });
  const connection = new ec2.CfnVPNConnection(stack, `Gateway${j}Tunnel`, {
    type: "ipsec.1",
    vpnGatewayId: gateway.ref,
    customerGatewayId: device.ref,
    staticRoutesOnly: true,
    vpnTunnelOptionsSpecifications: [{ preSharedKey: psk.valueAsString }],
  });
  new ec2.CfnVPNConnectionRoute(stack, `Gateway${j}ToIdc`, { vpnConnectionId: connection.ref, destinationCidrBlock: `172.${16 + (j >> 8)}.${j & 255}.0/24` });
}
app.synth({ skipValidation: true });
