import { CloudEngine } from "../../../../providers/cloud";
import { IDC_SITE_TAG } from "../../../../providers/cloud";
import { SdkCloud, startSdkCloud, tencentClient, TencentVpc } from "./sdk-harness";

const A = "100001";
const PSK = "sdk-Psk-0123456789";

/** Seed 000 S1 (SPD) and S4 (CCN) built through tencentcloud-sdk-nodejs; reachability read on the admin path. */
describe("seed 000 through the official Tencent SDK", () => {
  let cloud: SdkCloud;
  let a: TencentVpc;
  beforeAll(async () => {
    cloud = await startSdkCloud("tencent");
    a = tencentClient(cloud, A);
  });
  afterAll(() => cloud.close());

  const verdict = async (from: string, to: string) =>
    ((await cloud.admin("DescribeReachability", A, { from, to })).pair as { verdict: string }).verdict;

  test("S1: one VPC and one IDC over an SPD connection; the key never comes back", async () => {
    const vpc = (await a.CreateVpc({ VpcName: "s1", CidrBlock: "10.0.0.0/16" })).Vpc!;
    await a.CreateSubnet({ VpcId: vpc.VpcId!, SubnetName: "app", CidrBlock: "10.0.1.0/24", Zone: "ap-guangzhou-3" });
    const gw = (await a.CreateVpnGateway({ VpcId: vpc.VpcId!, VpnGatewayName: "gw", InternetMaxBandwidthOut: 100, Type: "IPSEC" })).VpnGateway!;
    expect(gw.State).toBe("PENDING");
    await cloud.admin("AdvanceClock", A, { duration: "5m" });
    expect((await a.DescribeVpnGateways({ VpnGatewayIds: [gw.VpnGatewayId!] })).VpnGatewaySet![0].State).toBe("AVAILABLE");
    const idc = (await cloud.admin("CreateIdcSite", A, { name: "idc", cidrs: ["192.168.0.0/16"] })) as { id: string };
    const cgw = (await a.CreateCustomerGateway({ CustomerGatewayName: "dev", IpAddress: "203.0.113.10", Tags: [{ Key: IDC_SITE_TAG, Value: idc.id }] })).CustomerGateway!;
    const conn = (
      await a.CreateVpnConnection({
        VpcId: vpc.VpcId!, VpnGatewayId: gw.VpnGatewayId!, CustomerGatewayId: cgw.CustomerGatewayId!, VpnConnectionName: "t1", PreShareKey: PSK,
        RouteType: "Policy", SecurityPolicyDatabases: [{ LocalCidrBlock: "10.0.0.0/16", RemoteCidrBlock: ["192.168.0.0/16"] }],
      })
    ).VpnConnection!;
    expect(conn.SecurityPolicyDatabaseSet).toEqual([{ LocalCidrBlock: "10.0.0.0/16", RemoteCidrBlock: ["192.168.0.0/16"] }]);
    const [table] = (await a.DescribeRouteTables({ Filters: [{ Name: "vpc-id", Values: [vpc.VpcId!] }] })).RouteTableSet!;
    expect(table.Main).toBe(true);
    expect(await verdict(vpc.VpcId!, idc.id)).not.toBe("REACHABLE");
    await a.CreateRoutes({ RouteTableId: table.RouteTableId!, Routes: [{ DestinationCidrBlock: "192.168.0.0/16", GatewayType: "VPN", GatewayId: gw.VpnGatewayId! }] });
    expect(await verdict(vpc.VpcId!, idc.id)).toBe("REACHABLE");

    const described = await a.DescribeVpnConnections({ VpnConnectionIds: [conn.VpnConnectionId!] });
    expect(JSON.stringify(described)).not.toContain(PSK);
    const config = await a.DownloadCustomerGatewayConfiguration({
      VpnGatewayId: gw.VpnGatewayId!, VpnConnectionId: conn.VpnConnectionId!, CustomerGatewayVendor: { Platform: "linux", SoftwareVersion: "5", VendorName: "strongswan" }, InterfaceName: "eth0",
    });
    expect(config.CustomerGatewayConfiguration).toContain("192.168.0.0/16");
    expect(config.CustomerGatewayConfiguration).not.toContain(PSK);
  });

  test("S4: a CCN-type gateway on a CCN with two VPCs in two regions and a direct-connect network", async () => {
    const sh = tencentClient(cloud, A, "ap-shanghai");
    const vpc1 = (await a.CreateVpc({ VpcName: "v1", CidrBlock: "10.1.0.0/16" })).Vpc!.VpcId!;
    const vpc2 = (await sh.CreateVpc({ VpcName: "v2", CidrBlock: "10.2.0.0/16" })).Vpc!.VpcId!;
    const dc = (await cloud.admin("CreateDirectConnectGateway", A, { name: "dc", region: "ap-guangzhou", onPremPrefixes: ["192.169.0.0/16"] })) as { id: string };
    const gw = (await a.CreateVpnGateway({ VpcId: "", VpnGatewayName: "ccn-gw", InternetMaxBandwidthOut: 100, Type: "CCN" })).VpnGateway!.VpnGatewayId!;
    await cloud.admin("AdvanceClock", A, { duration: "5m" });
    const ccn = (await a.CreateCcn({ CcnName: "hub" })).Ccn!.CcnId!;
    await a.AttachCcnInstances({
      CcnId: ccn,
      Instances: [
        { InstanceId: vpc1, InstanceRegion: "ap-guangzhou", InstanceType: "VPC" },
        { InstanceId: vpc2, InstanceRegion: "ap-shanghai", InstanceType: "VPC" },
        { InstanceId: gw, InstanceRegion: "ap-guangzhou", InstanceType: "VPNGW" },
        { InstanceId: dc.id, InstanceRegion: "ap-guangzhou", InstanceType: "DIRECTCONNECT" },
      ],
    });
    const idcs: string[] = [];
    for (const n of [1, 2]) {
      const idc = (await cloud.admin("CreateIdcSite", A, { name: `idc${n}`, cidrs: [`172.1${n}.0.0/16`] })) as { id: string };
      const cgw = (await a.CreateCustomerGateway({ CustomerGatewayName: `d${n}`, IpAddress: `203.0.113.2${n}`, Tags: [{ Key: IDC_SITE_TAG, Value: idc.id }] })).CustomerGateway!;
      const conn = (await a.CreateVpnConnection({ VpnGatewayId: gw, CustomerGatewayId: cgw.CustomerGatewayId!, VpnConnectionName: `t${n}`, PreShareKey: PSK, RouteType: "StaticRoute" })).VpnConnection!;
      await a.CreateVpnGatewayRoutes({ VpnGatewayId: gw, Routes: [{ DestinationCidrBlock: `172.1${n}.0.0/16`, InstanceType: "VPNCONN", InstanceId: conn.VpnConnectionId!, Priority: 0, Status: "ENABLE" }] });
      idcs.push(idc.id);
    }
    const routes = (await a.DescribeCcnRoutes({ CcnId: ccn })).RouteSet!.map((r) => `${r.DestinationCidrBlock} ${r.InstanceType}`).sort();
    expect(routes).toEqual(["10.1.0.0/16 VPC", "10.2.0.0/16 VPC", "172.11.0.0/16 VPNGW", "172.12.0.0/16 VPNGW", "192.169.0.0/16 DIRECTCONNECT"]);
    for (const [from, to] of [[idcs[0], vpc2], [idcs[1], vpc1], [idcs[0], idcs[1]], [idcs[0], dc.id], [vpc1, vpc2]]) {
      expect(`${from}→${to} ${await verdict(from, to)}`).toBe(`${from}→${to} REACHABLE`);
    }
  });
});

describe("requests the Tencent API refuses", () => {
  let cloud: SdkCloud;
  beforeAll(async () => {
    cloud = await startSdkCloud("tencent");
  });
  afterAll(() => cloud.close());

  test("a wrong SecretKey is AuthFailure.SignatureFailure and creates nothing", async () => {
    const key = cloud.engine.createApiKey(A, "tencent");
    const wrong = tencentClient(cloud, A, "ap-guangzhou", { ...key, secret: `${key.secret.slice(0, -1)}${key.secret.endsWith("x") ? "y" : "x"}` });
    await expect(wrong.CreateVpc({ VpcName: "x", CidrBlock: "10.9.0.0/16" })).rejects.toMatchObject({ code: "AuthFailure.SignatureFailure" });
    expect((await tencentClient(cloud, A, "ap-guangzhou", key).DescribeVpcs({})).TotalCount).toBe(0);
  });

  test("a foreign key (another cloud's store, or the other cloud's API) is AuthFailure.SecretIdNotFound", async () => {
    const other = CloudEngine.open({ path: ":memory:", profile: "tencent" });
    const foreign = other.createApiKey(A, "tencent");
    other.close();
    await expect(tencentClient(cloud, A, "ap-guangzhou", foreign).DescribeVpcs({})).rejects.toMatchObject({ code: "AuthFailure.SecretIdNotFound" });
    const alibabaKey = cloud.engine.createApiKey(A, "alibaba");
    await expect(tencentClient(cloud, A, "ap-guangzhou", alibabaKey).DescribeVpcs({})).rejects.toMatchObject({ code: "AuthFailure.SecretIdNotFound" });
  });

  test("another account's key sees nothing of A's, and cannot delete it", async () => {
    const a = tencentClient(cloud, A);
    const other = tencentClient(cloud, "100009");
    const vpc = (await a.CreateVpc({ VpcName: "mine", CidrBlock: "10.8.0.0/16" })).Vpc!.VpcId!;
    expect((await other.DescribeVpcs({})).VpcSet).toEqual([]);
    await expect(other.DeleteVpc({ VpcId: vpc })).rejects.toMatchObject({ code: "ResourceNotFound" });
    expect((await a.DescribeVpcs({ VpcIds: [vpc] })).TotalCount).toBe(1);
  });

  test("fields outside the SDK model, wrong types and unknown actions are refused with the documented codes", async () => {
    const a = tencentClient(cloud, A);
    await expect(a.request("CreateVpc", { VpcName: "x", CidrBlock: "10.7.0.0/16", Colour: "red" })).rejects.toMatchObject({ code: "UnknownParameter" });
    await expect(a.request("CreateVpc", { VpcName: 7, CidrBlock: "10.7.0.0/16" })).rejects.toMatchObject({ code: "InvalidParameter" });
    await expect(a.request("CreateVpc", { VpcName: "x" })).rejects.toMatchObject({ code: "MissingParameter" });
    await expect(a.request("RunInstances", {})).rejects.toMatchObject({ code: "InvalidAction" });
    await expect(tencentClient(cloud, A, "mars-1").DescribeVpcs({})).rejects.toMatchObject({ code: "UnsupportedRegion" });
    expect((await a.DescribeVpcs({ Filters: [{ Name: "vpc-name", Values: ["x"] }] })).TotalCount).toBe(0);
  });

  test("a stale timestamp is AuthFailure.SignatureExpire; the admin path needs its token", async () => {
    const res = await fetch(cloud.server.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-tc-action": "DescribeVpcs", "x-tc-version": "2017-03-12", "x-tc-region": "ap-guangzhou", "x-tc-timestamp": "1000000000",
        authorization: `TC3-HMAC-SHA256 Credential=AKIDx/2001-09-09/vpc/tc3_request, SignedHeaders=content-type;host, Signature=${"0".repeat(64)}` },
      body: "{}",
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { Response: { Error: { Code: string } } }).Response.Error.Code).toBe("AuthFailure.SignatureExpire");
    const admin = await fetch(`${cloud.server.url}/_hybridlink/admin/AdvanceClock`, { method: "POST", body: JSON.stringify({ Account: A, Params: { duration: "1d" } }) });
    expect(admin.status).toBe(401);
    expect((await cloud.admin("DescribeClock", A)).elapsedSeconds).toBe(0);
  });
  test("a prepaid gateway through the SDK: InstanceChargeType and InstanceChargePrepaid.Period are stored, described and checked", async () => {
    const cd = tencentClient(cloud, A, "ap-chengdu");
    const vpc = (await cd.CreateVpc({ VpcName: "billing", CidrBlock: "10.93.0.0/16" })).Vpc!.VpcId!;
    const gw = (
      await cd.CreateVpnGateway({ VpcId: vpc, VpnGatewayName: "prepaid", InternetMaxBandwidthOut: 20, Type: "IPSEC", InstanceChargeType: "PREPAID", InstanceChargePrepaid: { Period: 6 } })
    ).VpnGateway!;
    expect(gw.InstanceChargeType).toBe("PREPAID");
    const stored = cloud.engine.request("DescribeVpnGateways", { ids: [gw.VpnGatewayId!] }, { account: A }) as { items: Array<Record<string, unknown>> };
    expect(stored.items[0]).toMatchObject({ chargeType: "PREPAID", periodMonths: 6, bandwidthMbps: 20, region: "ap-chengdu" });
    await expect(cd.CreateVpnGateway({ VpcId: vpc, VpnGatewayName: "no-period", InternetMaxBandwidthOut: 20, Type: "IPSEC", InstanceChargeType: "PREPAID" })).rejects.toThrow(
      /InstanceChargePrepaid\.Period.*allowed: a whole number of months/,
    );
    const device = (await cd.CreateCustomerGateway({ CustomerGatewayName: "chengdu-dev", IpAddress: "198.51.100.93" })).CustomerGateway!;
    const devices = cloud.engine.request("DescribeCustomerGateways", { ids: [device.CustomerGatewayId!] }, { account: A }) as { items: Array<Record<string, unknown>> };
    expect(devices.items[0].region).toBe("ap-chengdu");
  });
});
