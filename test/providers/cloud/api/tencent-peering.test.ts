import { SdkCloud, startSdkCloud, tencentClient, TencentVpc } from "./sdk-harness";

/** Seed 003 through tencentcloud-sdk-nodejs: cross-account, cross-region peering, accepted with B's own key. */
describe("seed 003 peering through the official Tencent SDK", () => {
  const A = "100001";
  const B = "100002";
  const C = "100003";
  let cloud: SdkCloud;
  let a: TencentVpc;
  let b: TencentVpc;
  let c: TencentVpc;
  let vpcA: string;
  let vpcB: string;
  let vpcB2: string;

  beforeAll(async () => {
    cloud = await startSdkCloud("tencent");
    a = tencentClient(cloud, A, "ap-guangzhou");
    b = tencentClient(cloud, B, "ap-shanghai");
    c = tencentClient(cloud, C, "ap-shanghai");
    vpcA = (await a.CreateVpc({ VpcName: "a", CidrBlock: "10.0.0.0/16" })).Vpc!.VpcId!;
    vpcB = (await b.CreateVpc({ VpcName: "b", CidrBlock: "10.1.0.0/16" })).Vpc!.VpcId!;
    vpcB2 = (await b.CreateVpc({ VpcName: "b2", CidrBlock: "10.2.0.0/16" })).Vpc!.VpcId!;
  });
  afterAll(() => cloud.close());

  const stateOf = async (client: TencentVpc, id: string) =>
    (await client.DescribeVpcPeeringConnections({ PeeringConnectionIds: [id] })).PeerConnectionSet![0].State;

  test("A requests with DestinationRegion, a third key is refused, B accepts with its own key", async () => {
    const { PeeringConnectionId: id } = await a.CreateVpcPeeringConnection({
      SourceVpcId: vpcA,
      DestinationVpcId: vpcB,
      DestinationUin: B,
      DestinationRegion: "ap-shanghai",
      Bandwidth: 100,
      PeeringConnectionName: "a-b",
    });
    expect(await stateOf(b, id!)).toBe("PENDING");
    const seen = (await b.DescribeVpcPeeringConnections({ PeeringConnectionIds: [id!] })).PeerConnectionSet![0];
    expect(seen).toMatchObject({ SourceVpcId: vpcA, PeerVpcId: vpcB, SourceRegion: "ap-guangzhou", DestinationRegion: "ap-shanghai", Bandwidth: 100, SourceUin: 100001 });

    // Account C is neither side: the peering does not exist for it.
    await expect(c.AcceptVpcPeeringConnection({ PeeringConnectionId: id! })).rejects.toMatchObject({ code: "ResourceNotFound" });
    // The requester cannot accept its own request.
    await expect(a.AcceptVpcPeeringConnection({ PeeringConnectionId: id! })).rejects.toMatchObject({ code: "UnauthorizedOperation" });
    await b.AcceptVpcPeeringConnection({ PeeringConnectionId: id! });
    expect(await stateOf(a, id!)).toBe("ACTIVE");
  });

  test("an unaccepted request expires after 7 days of engine time; the accepter re-enables it", async () => {
    const { PeeringConnectionId: id } = await a.CreateVpcPeeringConnection({
      SourceVpcId: vpcA, DestinationVpcId: vpcB2, DestinationUin: B, DestinationRegion: "ap-shanghai", Bandwidth: 50, PeeringConnectionName: "a-b2",
    });
    await cloud.admin("AdvanceClock", A, { duration: "6d" });
    expect(await stateOf(b, id!)).toBe("PENDING");
    await cloud.admin("AdvanceClock", A, { duration: "1d" });
    expect(await stateOf(b, id!)).toBe("EXPIRED");
    await expect(b.AcceptVpcPeeringConnection({ PeeringConnectionId: id! })).rejects.toMatchObject({ code: "UnsupportedOperation.VpcPeerInvalidStateChange" });
    // EnableVpcPeeringConnection (seed 003) has no SDK method: the generic request reaches it.
    await b.request("EnableVpcPeeringConnection", { PeeringConnectionId: id! });
    expect(await stateOf(a, id!)).toBe("ACTIVE");
    await a.DeleteVpcPeeringConnection({ PeeringConnectionId: id! });
    await expect(b.DescribeVpcPeeringConnections({ PeeringConnectionIds: [id!] })).rejects.toMatchObject({ code: "ResourceNotFound" });
  });

  test("the cross-region …Ex flow through client.request, and Ex refuses a same-region pair", async () => {
    const d = tencentClient(cloud, "100004", "ap-beijing");
    const vpcD = (await d.CreateVpc({ VpcName: "d", CidrBlock: "10.4.0.0/16" })).Vpc!.VpcId!;
    const vpcB3 = (await b.CreateVpc({ VpcName: "b3", CidrBlock: "10.3.0.0/16" })).Vpc!.VpcId!;
    const created = (await d.request("CreateVpcPeeringConnectionEx", {
      SourceVpcId: vpcD, DestinationVpcId: vpcB3, DestinationUin: B, DestinationRegion: "ap-shanghai", Bandwidth: 200, PeeringConnectionName: "d-b3",
    })) as { PeeringConnectionId: string };
    await expect(c.request("AcceptVpcPeeringConnectionEx", { PeeringConnectionId: created.PeeringConnectionId })).rejects.toMatchObject({ code: "ResourceNotFound" });
    await b.request("AcceptVpcPeeringConnectionEx", { PeeringConnectionId: created.PeeringConnectionId });
    expect(await stateOf(d, created.PeeringConnectionId)).toBe("ACTIVE");
    await d.request("ModifyVpcPeeringConnectionEx", { PeeringConnectionId: created.PeeringConnectionId, Bandwidth: 300 });
    expect((await d.DescribeVpcPeeringConnections({ PeeringConnectionIds: [created.PeeringConnectionId] })).PeerConnectionSet![0].Bandwidth).toBe(300);
    await b.request("DeleteVpcPeeringConnectionEx", { PeeringConnectionId: created.PeeringConnectionId });

    const vpcD2 = (await d.CreateVpc({ VpcName: "d2", CidrBlock: "10.5.0.0/16" })).Vpc!.VpcId!;
    await expect(
      d.request("CreateVpcPeeringConnectionEx", { SourceVpcId: vpcD, DestinationVpcId: vpcD2, PeeringConnectionName: "same" }),
    ).rejects.toMatchObject({ code: "UnsupportedOperation.NotCrossRegionPeering" });
    expect((await d.DescribeVpcPeeringConnections({})).PeerConnectionSet).toHaveLength(0);
  });

  test("a wrong DestinationRegion names the wire field and creates nothing", async () => {
    const err = await a
      .CreateVpcPeeringConnection({ SourceVpcId: vpcA, DestinationVpcId: vpcB2, DestinationUin: B, DestinationRegion: "ap-beijing", Bandwidth: 10, PeeringConnectionName: "x" })
      .catch((e: { code: string; message: string }) => e);
    expect(err).toMatchObject({ code: "ResourceNotFound" });
    expect((err as Error).message).toContain("'DestinationRegion'");
  });
});
