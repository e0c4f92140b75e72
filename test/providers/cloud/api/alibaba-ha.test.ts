import { $alibaba as $, alibabaClient, AlibabaVpc, SdkCloud, startSdkCloud } from "./sdk-harness";

const A = "1234567890";
const R = "cn-hangzhou";

/**
 * Seed 001 through @alicloud/vpc20160428: one VPN gateway, two customer
 * gateways of one IDC, a health-checked connection to each, destination
 * routes weighted 100/0 published to the VPC, the configuration downloaded
 * with local and remote subnets swapped; failover read on the admin path.
 */
describe("seed 001 HA through the official Alibaba SDK", () => {
  let cloud: SdkCloud;
  let vpc: AlibabaVpc;
  beforeAll(async () => {
    cloud = await startSdkCloud("alibaba");
    vpc = alibabaClient(cloud, A);
  });
  afterAll(() => cloud.close());

  test("two connections with health checks, weights 100/0, publish, download with subnets swapped, failover", async () => {
    const { vpcId } = (await vpc.createVpc(new $.CreateVpcRequest({ regionId: R, cidrBlock: "10.0.0.0/16", vpcName: "app" }))).body!;
    await vpc.createVSwitch(new $.CreateVSwitchRequest({ regionId: R, vpcId, zoneId: "cn-hangzhou-h", cidrBlock: "10.0.1.0/24", vSwitchName: "app" }));
    const gw = (await vpc.createVpnGateway(new $.CreateVpnGatewayRequest({ regionId: R, vpcId, bandwidth: 10, enableIpsec: true, enableSsl: false, name: "gw" }))).body!;
    expect((await vpc.describeVpnGateway(new $.DescribeVpnGatewayRequest({ regionId: R, vpnGatewayId: gw.vpnGatewayId }))).body!.status).toBe("provisioning");
    await cloud.admin("AdvanceClock", A, { duration: "5m" });
    expect((await vpc.describeVpnGateway(new $.DescribeVpnGatewayRequest({ regionId: R, vpnGatewayId: gw.vpnGatewayId }))).body!.status).toBe("active");

    const idc = (await cloud.admin("CreateIdcSite", A, { name: "idc", cidrs: ["192.168.0.0/16"] })) as { id: string };
    const tag = new $.CreateCustomerGatewayRequestTags({ key: "hybridlink:idc-site", value: idc.id });
    const connections: string[] = [];
    const devices: string[] = [];
    for (const n of [1, 2]) {
      const cgw = (await vpc.createCustomerGateway(new $.CreateCustomerGatewayRequest({ regionId: R, ipAddress: `203.0.113.${n}`, name: `cgw${n}`, tags: [tag] }))).body!;
      devices.push(cgw.customerGatewayId!);
      const conn = (
        await vpc.createVpnConnection(
          new $.CreateVpnConnectionRequest({
            regionId: R, vpnGatewayId: gw.vpnGatewayId, customerGatewayId: cgw.customerGatewayId, name: `ipsec${n}`,
            localSubnet: "10.0.0.0/16", remoteSubnet: "192.168.0.0/16", effectImmediately: true,
            ikeConfig: JSON.stringify({ Psk: "seed001-psk", IkeVersion: "ikev2" }),
            healthCheckConfig: JSON.stringify({ enable: "true", sip: "10.0.1.9", dip: `192.168.0.${n}`, interval: "3", retry: "3" }),
          }),
        )
      ).body!;
      connections.push(conn.vpnConnectionId!);
    }
    const described = (await vpc.describeVpnConnection(new $.DescribeVpnConnectionRequest({ regionId: R, vpnConnectionId: connections[0] }))).body!;
    expect(described.vcoHealthCheck).toMatchObject({ enable: "true", sip: "10.0.1.9", dip: "192.168.0.1", interval: 3, retry: 3 });
    expect(JSON.stringify(described)).not.toContain("seed001-psk");

    for (const [i, weight] of [[0, 100], [1, 0]]) {
      await vpc.createVpnRouteEntry(new $.CreateVpnRouteEntryRequest({ regionId: R, vpnGatewayId: gw.vpnGatewayId, routeDest: "192.168.0.0/16", nextHop: connections[i], weight, publishVpc: false }));
    }
    const reach = async () => ((await cloud.admin("DescribeReachability", A, { from: vpcId, to: idc.id })).pair as { verdict: string; forward: { hops: Array<Record<string, unknown>> } });
    expect((await reach()).verdict).not.toBe("REACHABLE");
    for (const i of [0, 1]) {
      await vpc.publishVpnRouteEntry(new $.PublishVpnRouteEntryRequest({ regionId: R, vpnGatewayId: gw.vpnGatewayId, routeDest: "192.168.0.0/16", nextHop: connections[i], routeType: "dbr", publishVpc: true }));
    }
    const entries = (await vpc.describeVpnRouteEntries(new $.DescribeVpnRouteEntriesRequest({ regionId: R, vpnGatewayId: gw.vpnGatewayId }))).body!;
    expect(entries.vpnRouteEntries!.vpnRouteEntry!.map((e) => `${e.nextHop} ${e.weight} ${e.state}`)).toEqual([`${connections[0]} 100 published`, `${connections[1]} 0 published`]);
    expect((await reach()).verdict).toBe("REACHABLE");
    expect(JSON.stringify((await reach()).forward)).toContain(connections[0]);

    const config = (await vpc.downloadVpnConnectionConfig(new $.DownloadVpnConnectionConfigRequest({ regionId: R, vpnConnectionId: connections[0] }))).body!.vpnConnectionConfig!;
    expect(config).toMatchObject({ localSubnet: "192.168.0.0/16", remoteSubnet: "10.0.0.0/16", local: "203.0.113.1" });
    expect(config.ikeConfig!.psk).toBe("");

    // Customer gateway 1 fails; its health check notices after 3 × 3 s of engine time, then the weight-0 route carries traffic.
    await cloud.admin("FailCustomerGateway", A, { id: devices[0] });
    expect((await reach()).verdict).not.toBe("REACHABLE");
    await cloud.admin("AdvanceClock", A, { duration: "9s" });
    expect((await reach()).verdict).toBe("REACHABLE");
    expect(JSON.stringify((await reach()).forward)).toContain(connections[1]);
    expect((await vpc.describeVpnConnection(new $.DescribeVpnConnectionRequest({ regionId: R, vpnConnectionId: connections[0] }))).body!.vcoHealthCheck!.status).toBe("failed");
  });
});

describe("requests the Alibaba API refuses", () => {
  let cloud: SdkCloud;
  beforeAll(async () => {
    cloud = await startSdkCloud("alibaba");
  });
  afterAll(() => cloud.close());

  test("a wrong secret is SignatureDoesNotMatch (HTTP 400), a foreign key InvalidAccessKeyId.NotFound (404); nothing is created", async () => {
    const key = cloud.engine.createApiKey(A, "alibaba");
    const wrong = alibabaClient(cloud, A, R, { ...key, secret: `${key.secret.slice(0, -1)}${key.secret.endsWith("x") ? "y" : "x"}` });
    await expect(wrong.createVpc(new $.CreateVpcRequest({ regionId: R, cidrBlock: "10.0.0.0/16" }))).rejects.toMatchObject({ code: "SignatureDoesNotMatch", statusCode: 400 });
    const tencentKey = cloud.engine.createApiKey(A, "tencent");
    await expect(alibabaClient(cloud, A, R, tencentKey).describeVpcs(new $.DescribeVpcsRequest({ regionId: R }))).rejects.toMatchObject({ code: "InvalidAccessKeyId.NotFound", statusCode: 404 });
    expect((await alibabaClient(cloud, A, R, key).describeVpcs(new $.DescribeVpcsRequest({ regionId: R }))).body!.totalCount).toBe(0);
  });

  test("another account's key does not find A's resources; bad input is a 4xx with the code", async () => {
    const a = alibabaClient(cloud, A);
    const other = alibabaClient(cloud, "999");
    const { vpcId } = (await a.createVpc(new $.CreateVpcRequest({ regionId: R, cidrBlock: "10.1.0.0/16" }))).body!;
    await expect(other.deleteVpc(new $.DeleteVpcRequest({ regionId: R, vpcId }))).rejects.toMatchObject({ code: "ResourceNotFound", statusCode: 404 });
    expect((await other.describeVpcs(new $.DescribeVpcsRequest({ regionId: R }))).body!.totalCount).toBe(0);
    await expect(a.createVpc(new $.CreateVpcRequest({ regionId: R, cidrBlock: "10.1.0.0/33" }))).rejects.toMatchObject({ statusCode: 400 });
    await expect(a.createVpc(new $.CreateVpcRequest({ regionId: "moon-1", cidrBlock: "10.2.0.0/16" }))).rejects.toMatchObject({ code: "InvalidRegionId.NotFound" });
    await expect(
      a.createVpnConnection(new $.CreateVpnConnectionRequest({ regionId: R, vpnGatewayId: "vpngw-00000009", customerGatewayId: "cgw-00000009", localSubnet: "10.1.0.0/16", remoteSubnet: "192.168.0.0/16", ikeConfig: "{not json" })),
    ).rejects.toMatchObject({ code: "InvalidParameter", statusCode: 400 });
  });
});
