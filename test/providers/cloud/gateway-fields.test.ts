import { ConstructPropsError, CustomerGateway, IdcSite, NetworkApp, VpnGateway, Vpc } from "../../../lib";
import { trace } from "../../../lib/net";
import { FIELD_TABLES } from "../../../providers/dynamic/fields";
import { ACCOUNT_B, memoryEngine, refusal, World } from "./helpers";

/**
 * Seed 001's fields as data: a customer gateway's region (地域) and
 * description (描述), a VPN gateway's billing terms (计费周期) and bandwidth
 * (带宽规格), from the construct through the manifest to the engine's
 * Describe and the data plane. Values differ from the examples' on purpose.
 */

function propsError(build: () => unknown): ConstructPropsError {
  try {
    build();
  } catch (err) {
    if (ConstructPropsError.isConstructPropsError(err)) return err;
    throw err;
  }
  throw new Error("expected a ConstructPropsError");
}

describe("constructs and the manifest", () => {
  test("a customer gateway's region and description reach the manifest; left out, they are absent", () => {
    const app = new NetworkApp({ profile: "alibaba" });
    const site = new IdcSite(app, "Depot", { cidrs: ["172.22.0.0/16"] });
    new CustomerGateway(app, "Firewall", { ipAddress: "198.51.100.77", site, region: "cn-shanghai", description: "Depot firewall, rack 4" });
    new CustomerGateway(app, "Plain", { ipAddress: "198.51.100.78" });
    const { manifest } = app.synthesize({ throwOnError: false });
    const props = (id: string) => manifest.resources.find((r) => r.logicalId === id)!.props as unknown as Record<string, unknown>;
    expect(props("Firewall")).toMatchObject({ region: "cn-shanghai", description: "Depot firewall, rack 4" });
    expect(props("Plain")).not.toHaveProperty("region");
    expect(props("Plain")).not.toHaveProperty("description");
  });

  test("a prepaid VPN gateway's charge type and period reach the manifest", () => {
    const app = new NetworkApp({ profile: "tencent" });
    const vpc = new Vpc(app, "Ledger", { region: "ap-chengdu", cidrs: ["10.91.0.0/16"] });
    new VpnGateway(app, "Gw", { vpc, bandwidthMbps: 200, chargeType: "PREPAID", periodMonths: 24 });
    const { manifest } = app.synthesize({ throwOnError: false });
    expect(manifest.resources.find((r) => r.logicalId === "Gw")!.props).toMatchObject({ bandwidthMbps: 200, chargeType: "PREPAID", periodMonths: 24 });
  });

  test.each([
    ["a description of 101 characters", () => ({ description: "x".repeat(101) }), "description", /1 to 100 characters/],
    ["a description that is a link", () => ({ description: "https://wiki.example/fw" }), "description", /does not start with http/],
    ["a region that is a number", () => ({ region: 7 }), "region", /region of the app's cloud profile/],
  ])("fails when a customer gateway gets %s", (_what, extra, prop, allowed) => {
    const app = new NetworkApp({ profile: "alibaba" });
    const err = propsError(() => new CustomerGateway(app, "Cgw", { ipAddress: "198.51.100.9", ...(extra() as object) }));
    expect(err.message).toContain("[Cgw] [HL-PROPS-001] CustomerGateway");
    expect(err.problems).toEqual([expect.objectContaining({ prop, allowed: expect.stringMatching(allowed) })]);
  });

  test.each([
    ["PREPAID without a period", { chargeType: "PREPAID" }, "periodMonths", "nothing (the prop is missing)", /a whole number of months from 1, 2, .*36/],
    ["a period of 10 months", { chargeType: "PREPAID", periodMonths: 10 }, "periodMonths", "10", /from 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36/],
    ["a period while billed by the hour", { periodMonths: 6 }, "periodMonths", "6", /no period: a gateway billed by the hour/],
    ["an unknown charge type", { chargeType: "MONTHLY" }, "chargeType", '"MONTHLY"', /one of "PREPAID", "POSTPAID_BY_HOUR"/],
  ])("fails when a VPN gateway gets %s", (_what, terms, prop, received, allowed) => {
    const app = new NetworkApp({ profile: "tencent" });
    const vpc = new Vpc(app, "Ledger", { region: "ap-chengdu", cidrs: ["10.91.0.0/16"] });
    const err = propsError(() => new VpnGateway(app, "Gw", { vpc, ...(terms as object) }));
    expect(err.message).toContain("[Gw] [HL-PROPS-001] VpnGateway");
    expect(err.problems).toEqual([{ prop, received, allowed: expect.stringMatching(allowed) }]);
  });

  test("the providers' field tables carry the new inputs: description changes in place, the rest replace", () => {
    expect(FIELD_TABLES.CustomerGateway.inputs).toEqual(expect.arrayContaining(["region", "description"]));
    expect(FIELD_TABLES.CustomerGateway.mutable).toContain("description");
    expect(FIELD_TABLES.CustomerGateway.immutable).toContain("region");
    expect(FIELD_TABLES.VpnGateway.immutable).toEqual(expect.arrayContaining(["chargeType", "periodMonths"]));
  });
});

describe("the engine stores and describes them", () => {
  test("CreateCustomerGateway with region and description; Describe returns them; Modify changes the description", () => {
    // Alibaba's API has the description (seed 001 is Alibaba's); Tencent's has none (below).
    const w = new World(memoryEngine("alibaba"), ACCOUNT_B);
    const id = w.request("CreateCustomerGateway", { name: "fw", ipAddress: "198.51.100.90", region: "cn-shenzhen", description: "branch 12" }).id as string;
    const [item] = w.request("DescribeCustomerGateways", { ids: [id] }).items as Array<Record<string, unknown>>;
    expect(item).toMatchObject({ region: "cn-shenzhen", description: "branch 12" });
    w.request("ModifyCustomerGatewayAttribute", { id, description: "branch 12, moved" });
    expect((w.request("DescribeCustomerGateways", { ids: [id] }).items as Array<Record<string, unknown>>)[0].description).toBe("branch 12, moved");
  });

  test("the engine refuses a region of another cloud and a description the API would refuse, saying what is allowed", () => {
    const w = new World(memoryEngine("tencent"), ACCOUNT_B);
    const region = refusal(() => w.request("CreateCustomerGateway", { name: "fw", ipAddress: "198.51.100.91", region: "cn-hangzhou" }));
    expect(region.code).toBe("InvalidParameterValue.Region");
    expect(region.message).toMatch(/'region' is 'cn-hangzhou', which is not a Tencent Cloud region\. Use one of: ap-beijing, ap-shanghai/);
    const ali = new World(memoryEngine("alibaba"), ACCOUNT_B);
    const text = refusal(() => ali.request("CreateCustomerGateway", { name: "fw", ipAddress: "198.51.100.91", description: "http://x" }));
    expect(text.code).toBe("InvalidParameterValue.Description");
    expect(text.message).toContain("'description' is 'http://x'; allowed: a description of 1 to 100 characters");
  });

  test("Tencent's customer gateway has no description: UnknownParameter, citing the API, nothing created", () => {
    const w = new World(memoryEngine("tencent"), ACCOUNT_B);
    const create = refusal(() => w.request("CreateCustomerGateway", { name: "fw", ipAddress: "198.51.100.92", description: "branch 12" }));
    expect(create.code).toBe("UnknownParameter");
    expect(create.message).toMatch(/not a field of Tencent Cloud's customer gateway \(Tencent Cloud API CreateCustomerGateway: CustomerGatewayName, IpAddress, Tags, BgpAsn\)/);
    expect(w.request("DescribeCustomerGateways", {}).items).toEqual([]);
    const id = w.request("CreateCustomerGateway", { name: "fw", ipAddress: "198.51.100.92" }).id as string;
    expect(refusal(() => w.request("ModifyCustomerGatewayAttribute", { id, description: "later" })).code).toBe("UnknownParameter");
  });

  test("CreateVpnGateway stores the billing terms and refuses inconsistent ones", () => {
    const w = new World(memoryEngine("tencent"), ACCOUNT_B);
    const { vpc } = w.vpc(["10.91.0.0/16"], "ap-chengdu");
    const base = { name: "gw", region: "ap-chengdu", type: "VPC", vpc, bandwidthMbps: 50, ipsecEnabled: true, sslEnabled: false };
    const id = w.request("CreateVpnGateway", { ...base, chargeType: "PREPAID", periodMonths: 36 }).id as string;
    expect((w.request("DescribeVpnGateways", { ids: [id] }).items as Array<Record<string, unknown>>)[0]).toMatchObject({ chargeType: "PREPAID", periodMonths: 36, bandwidthMbps: 50 });
    const missing = refusal(() => w.request("CreateVpnGateway", { ...base, chargeType: "PREPAID" }));
    expect(missing.code).toBe("InvalidParameterValue.BillingTerms");
    expect(missing.message).toMatch(/'periodMonths' is missing; allowed: a whole number of months from 1, 2/);
    const hourly = refusal(() => w.request("CreateVpnGateway", { ...base, chargeType: "POSTPAID_BY_HOUR", periodMonths: 1 }));
    expect(hourly.message).toMatch(/'periodMonths' is 1; allowed: no period/);
  });

  test("the engine's data plane carries a cross-region peering's cap as stored now: a trace reports the new cap after a Modify", () => {
    const engine = memoryEngine("tencent");
    const w = new World(engine, ACCOUNT_B);
    const { vpc, table } = w.vpc(["10.91.0.0/16"], "ap-chengdu");
    const { vpc: far, table: farTable } = w.vpc(["10.92.0.0/16"], "ap-nanjing", "far");
    const pcx = w.request("CreateVpcPeeringConnection", { name: "cd-cq", requesterVpc: vpc, accepterVpc: far, accepterAccount: ACCOUNT_B, bandwidthMbps: 300 }).id as string;
    w.request("CreateRoute", { routeTable: table, destinationCidr: "10.92.0.0/16", nextHopType: "PEERING", nextHop: pcx, enabled: true });
    w.request("CreateRoute", { routeTable: farTable, destinationCidr: "10.91.0.0/16", nextHopType: "PEERING", nextHop: pcx, enabled: true });
    expect(trace(engine.networkModel(), "10.91.0.5", "10.92.0.5").bottleneck).toMatchObject({ bandwidthMbps: 300, at: { kind: "PEERING", id: pcx } });
    w.request("ModifyVpcPeeringConnection", { id: pcx, bandwidthMbps: 150 });
    expect(trace(engine.networkModel(), "10.92.0.5", "10.91.0.5").bottleneck?.bandwidthMbps).toBe(150);
  });
});
