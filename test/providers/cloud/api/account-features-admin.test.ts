import { SdkCloud, startSdkCloud } from "./sdk-harness";

/**
 * Tickets on serve's admin path (the operator's, with its token): grant, the
 * operator's view of every grant, revoke, and a bad grant's coded refusal.
 * Accounts other than the examples'.
 */
describe("account features on serve's admin path", () => {
  let cloud: SdkCloud;
  beforeAll(async () => {
    cloud = await startSdkCloud("tencent");
  });
  afterAll(() => cloud.close());

  const refusal = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (err) {
      return err as Error & { code: string; status: number };
    }
    throw new Error("expected a refusal");
  };

  test("grant, describe (one account, every account), revoke; an unknown feature is refused with the allowed ones", async () => {
    expect(await cloud.admin("GrantAccountFeature", "710000000071", { feature: "vpn-route-table", ticket: "SR-71" })).toMatchObject({ cloud: "tencent", feature: "vpn-route-table", ticket: "SR-71" });
    await cloud.admin("GrantAccountFeature", "720000000072", { feature: "peering-bandwidth-above-cap", ticket: "SR-72" });
    expect(((await cloud.admin("DescribeAccountFeatures", "710000000071")).items as unknown[]).length).toBe(1);
    const all = (await cloud.admin("DescribeAccountFeatures", "710000000071", { allAccounts: true })).items as Array<{ account: string }>;
    expect(all.map((f) => f.account)).toEqual(["710000000071", "720000000072"]);

    const bad = await refusal(cloud.admin("GrantAccountFeature", "710000000071", { feature: "bgp-routing", ticket: "SR-73" }));
    expect(bad.code).toBe("InvalidParameterValue.Feature");
    expect(bad.message).toContain("vpn-route-table, peering-bandwidth-above-cap");

    expect(await cloud.admin("RevokeAccountFeature", "710000000071", { feature: "vpn-route-table" })).toMatchObject({ revoked: true });
    expect(((await cloud.admin("DescribeAccountFeatures", "710000000071", { allAccounts: true })).items as unknown[]).length).toBe(1);
  });
});
