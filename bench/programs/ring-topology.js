/**
 * The bench workload of issue 14, built through whichever hybridlink module
 * is passed in (the package for the whole-process programs, the sources for
 * in-process benches): N VPCs (distinct /16s) in a same-region ring of N
 * peerings routed both ways, and N/10 route-based VPN connections with
 * pre-shared keys (gateway, IDC site and its device, connection, gateway
 * route). 5.5 × N resources. Keys come from PSK_<j>, else up generates them.
 *
 * Plain CommonJS so that node runs it with no compile step; ring.ts is the
 * same program compiled on the fly (tsx), as a user's program is.
 */
module.exports = function buildRing(hybridlink, n) {
  const { IdcSite, NetworkApp, SecretValue, Vpc, VpnGateway } = hybridlink;
  const app = new NetworkApp({ profile: "tencent" });
  const region = "ap-guangzhou";
  const vpcs = [];
  for (let i = 0; i < n; i++) {
    // Distinct /16s from 10.0.0.0 upwards, spilling into 11.x, 12.x… past 256 VPCs.
    vpcs.push(new Vpc(app, `Vpc${i}`, { region, cidrs: [`${10 + Math.floor(i / 256)}.${i % 256}.0.0/16`] }));
  }
  for (let i = 0; i < n; i++) vpcs[i].peerWith(`Peer${i}`, vpcs[(i + 1) % n]).routeBothWays();
  for (let j = 0; j < Math.floor(n / 10); j++) {
    const gateway = new VpnGateway(app, `Gateway${j}`, { vpc: vpcs[j * 10] });
    // IDC sites in 172.16.0.0/12 as /24s, disjoint from every VPC; device IPs in 1.0.0.0/8 (not reserved).
    const site = new IdcSite(app, `Idc${j}`, { cidrs: [`172.${16 + (j >> 8)}.${j & 255}.0/24`] });
    const device = site.addDevice("Device", { ipAddress: `1.${(j >> 8) & 255}.${j & 255}.1` });
    const connection = gateway.addConnection("Tunnel", { customerGateway: device, preSharedKey: SecretValue.fromEnv(`PSK_${j}`) });
    gateway.addRoute("ToIdc", { destinationCidr: site.cidrs[0], connection });
  }
  return app;
};
