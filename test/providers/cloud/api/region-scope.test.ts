import { $alibaba, alibabaClient, SdkCloud, startSdkCloud, tencentClient } from "./sdk-harness";

const OWNER = "300000000007";

/**
 * Requests are regional (X-TC-Region, RegionId): a write naming a resource of
 * another region is refused exactly as one naming a resource that does not
 * exist, and changes nothing. Cross-region peering names its far end through
 * DestinationRegion and stays allowed; CCN attaches instances of any region.
 */
describe("region scoping through the official SDKs", () => {
  describe("Tencent", () => {
    let cloud: SdkCloud;
    beforeAll(async () => (cloud = await startSdkCloud("tencent")));
    afterAll(() => cloud.close());

    test("a VPC in ap-chengdu is not found from ap-nanjing, with the same error as a missing one", async () => {
      const key = cloud.engine.createApiKey(OWNER, "tencent");
      const chengdu = tencentClient(cloud, OWNER, "ap-chengdu", key);
      const nanjing = tencentClient(cloud, OWNER, "ap-nanjing", key);
      const vpc = (await chengdu.CreateVpc({ VpcName: "far", CidrBlock: "172.18.0.0/16" })).Vpc!;
      const refusal = async (call: Promise<unknown>) => call.then(() => undefined, (e: { code: string; message: string }) => ({ code: e.code, message: e.message }));

      const foreign = await refusal(nanjing.CreateSubnet({ VpcId: vpc.VpcId!, SubnetName: "s", CidrBlock: "172.18.1.0/24", Zone: "ap-nanjing-1" }));
      const missing = await refusal(nanjing.CreateSubnet({ VpcId: "vpc-0000zzzz", SubnetName: "s", CidrBlock: "172.18.1.0/24", Zone: "ap-nanjing-1" }));
      expect(foreign?.code).toBe("ResourceNotFound");
      expect(foreign?.message).toBe(missing?.message.replace("vpc-0000zzzz", vpc.VpcId!));
      expect(await refusal(nanjing.DeleteVpc({ VpcId: vpc.VpcId! }))).toMatchObject({ code: "ResourceNotFound" });
      expect(await refusal(nanjing.CreateVpnGateway({ VpcId: vpc.VpcId!, VpnGatewayName: "g", InternetMaxBandwidthOut: 10, Type: "IPSEC" }))).toMatchObject({ code: "ResourceNotFound" });

      // Nothing changed, and from its own region the VPC works as before.
      expect((await chengdu.DescribeVpcs({ VpcIds: [vpc.VpcId!] })).VpcSet).toHaveLength(1);
      expect((await chengdu.DescribeSubnets({})).SubnetSet).toEqual([]);
      await chengdu.CreateSubnet({ VpcId: vpc.VpcId!, SubnetName: "s", CidrBlock: "172.18.1.0/24", Zone: "ap-chengdu-1" });
    });

    test("cross-region peering still names its far end through DestinationRegion, and either end's region accepts and deletes", async () => {
      const key = cloud.engine.createApiKey("300000000008", "tencent");
      const here = tencentClient(cloud, "300000000008", "ap-chengdu", key);
      const there = tencentClient(cloud, "300000000008", "ap-beijing", key);
      const a = (await here.CreateVpc({ VpcName: "a", CidrBlock: "172.20.0.0/16" })).Vpc!;
      const b = (await there.CreateVpc({ VpcName: "b", CidrBlock: "172.21.0.0/16" })).Vpc!;
      const { PeeringConnectionId } = await here.CreateVpcPeeringConnection({
        SourceVpcId: a.VpcId!, DestinationVpcId: b.VpcId!, DestinationRegion: "ap-beijing", DestinationUin: "300000000008", PeeringConnectionName: "x", Bandwidth: 10,
      });
      // The source VPC must be in the request's region.
      await expect(there.CreateVpcPeeringConnection({ SourceVpcId: a.VpcId!, DestinationVpcId: b.VpcId!, DestinationRegion: "ap-chengdu", DestinationUin: "300000000008", PeeringConnectionName: "y", Bandwidth: 10 }))
        .rejects.toMatchObject({ code: "ResourceNotFound" });
      await there.DeleteVpcPeeringConnection({ PeeringConnectionId: PeeringConnectionId! });
    });
  });

  describe("Alibaba", () => {
    let cloud: SdkCloud;
    beforeAll(async () => (cloud = await startSdkCloud("alibaba")));
    afterAll(() => cloud.close());

    test("a VPC in cn-shanghai is not found through RegionId cn-beijing", async () => {
      const key = cloud.engine.createApiKey(OWNER, "alibaba");
      const client = alibabaClient(cloud, OWNER, "cn-shanghai", key);
      const vpc = (await client.createVpc(new $alibaba.CreateVpcRequest({ regionId: "cn-shanghai", vpcName: "far", cidrBlock: "172.22.0.0/16" }))).body!;
      await expect(client.createVSwitch(new $alibaba.CreateVSwitchRequest({ regionId: "cn-beijing", vpcId: vpc.vpcId, cidrBlock: "172.22.1.0/24", zoneId: "cn-beijing-a" })))
        .rejects.toMatchObject({ code: "ResourceNotFound" });
      await expect(client.deleteVpc(new $alibaba.DeleteVpcRequest({ regionId: "cn-beijing", vpcId: vpc.vpcId }))).rejects.toMatchObject({ code: "ResourceNotFound" });
      expect((await client.describeVSwitches(new $alibaba.DescribeVSwitchesRequest({ regionId: "cn-shanghai", vpcId: vpc.vpcId }))).body!.totalCount).toBe(0);
    });
  });
});
