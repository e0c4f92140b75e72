import { findProfile } from "../../../lib";
import { ACCOUNT_FEATURE_NAMES } from "../../../providers/cloud";
import { as, asOperator, connectionParams, grantTickets, memoryEngine, refusal, storeDigest, World } from "./helpers";

/**
 * Tickets as account features (seed 000: VPN 的路由表功能当前处于灰度测试中，如需使用，请提交 [工单申请];
 * seed 003: 如果需更大带宽请提起工单). Accounts and regions other than the examples'.
 */
const OWNER = "420000000042";
const OTHER = "430000000043";

describe("account features: the tickets the seeds name", () => {
  test("Tencent refuses a route-based connection and a gateway route without the VPN route table's ticket, changing nothing; granted, both work", () => {
    const engine = memoryEngine("tencent", { tickets: [] });
    const w = new World(engine, OWNER);
    const { vpc } = w.vpc(["172.24.0.0/16"], "ap-chengdu");
    const gw = w.gateway(vpc, "ap-chengdu");
    const site = w.site(["10.96.0.0/16"]);
    const device = w.device("198.51.100.77", site);
    const before = storeDigest(engine);
    const err = refusal(() => w.request("CreateVpnConnection", connectionParams(gw, device, { routeType: "ROUTE", spdPolicies: [] })));
    expect(err.code).toBe("UnsupportedOperation.FeatureNotEnabled");
    expect(err.message).toContain("VPN 的路由表功能当前处于灰度测试中");
    expect(err.message).toContain(`hybridlink account feature grant vpn-route-table --account ${OWNER}`);
    expect(storeDigest(engine)).toBe(before);

    // An account cannot grant itself a ticket: the cloud's support (the operator) does.
    expect(refusal(() => engine.request("GrantAccountFeature", { feature: "vpn-route-table", ticket: "T-9" }, as(OWNER))).code).toBe("UnauthorizedOperation.OperatorOnly");
    grantTickets(engine, [OWNER]);
    expect(engine.request("DescribeAccountFeatures", {}, as(OWNER)).items).toEqual([expect.objectContaining({ account: OWNER, feature: "vpn-route-table", ticket: `test-ticket-${OWNER}` })]);
    // Another account sees only its own.
    expect(engine.request("DescribeAccountFeatures", {}, as(OTHER)).items).toEqual([]);
    const conn = w.request("CreateVpnConnection", connectionParams(gw, device, { routeType: "ROUTE", spdPolicies: [] }));
    w.request("CreateVpnGatewayRoute", { vpnGateway: gw, destinationCidr: "10.96.0.0/16", nextHop: conn.id, priority: 0, publishToVpc: false, enabled: true });

    // Revoked: existing resources stay (as on the cloud), new ones are refused again.
    engine.request("RevokeAccountFeature", { feature: "vpn-route-table" }, asOperator(OWNER));
    expect(refusal(() => w.request("CreateVpnGatewayRoute", { vpnGateway: gw, destinationCidr: "10.97.0.0/16", nextHop: conn.id, priority: 100, publishToVpc: false, enabled: true })).code).toBe(
      "UnsupportedOperation.FeatureNotEnabled",
    );
    expect(refusal(() => engine.request("RevokeAccountFeature", { feature: "vpn-route-table" }, asOperator(OWNER))).code).toBe("ResourceNotFound");
  });

  test("SPD connections need no ticket, and Alibaba gates nothing (the gray release is Tencent's)", () => {
    const tencent = new World(memoryEngine("tencent", { tickets: [] }), OWNER);
    const { vpc } = tencent.vpc(["172.25.0.0/16"], "ap-chengdu");
    const gw = tencent.gateway(vpc, "ap-chengdu");
    const device = tencent.device("198.51.100.78", tencent.site(["10.98.0.0/16"]));
    expect(tencent.request("CreateVpnConnection", connectionParams(gw, device, { spdPolicies: [{ localCidrs: ["172.25.0.0/16"], remoteCidrs: ["10.98.0.0/16"] }] })).id).toMatch(/^vpnx-/);

    const alibaba = new World(memoryEngine("alibaba", { tickets: [] }), OWNER);
    const a = alibaba.vpc(["172.26.0.0/16"], "cn-shanghai");
    const agw = alibaba.gateway(a.vpc, "cn-shanghai");
    const adev = alibaba.device("198.51.100.79", alibaba.site(["10.99.0.0/16"]));
    const { ike, ipsec } = findProfile("alibaba").ipsec.defaults;
    expect(alibaba.request("CreateVpnConnection", connectionParams(agw, adev, { routeType: "ROUTE", spdPolicies: [], ike, ipsec })).id).toMatch(/^vpnx-/);
  });

  test("cross-region peering above the 10 Gbps cap needs its ticket, then passes", () => {
    const engine = memoryEngine("tencent", { tickets: [] });
    const w = new World(engine, OWNER);
    const a = w.vpc(["172.27.0.0/16"], "ap-chengdu").vpc;
    const b = w.vpc(["172.28.0.0/16"], "ap-nanjing").vpc;
    const peer = (bandwidthMbps: number) => w.request("CreateVpcPeeringConnection", { name: "big", requesterVpc: a, accepterVpc: b, accepterAccount: OWNER, bandwidthMbps });
    const err = refusal(() => peer(20000));
    expect(err.code).toBe("InvalidParameterValue.Bandwidth");
    expect(err.message).toContain("如果需更大带宽请提起工单");
    expect(err.message).toContain(`hybridlink account feature grant peering-bandwidth-above-cap --account ${OWNER}`);
    grantTickets(engine, [OWNER], ["peering-bandwidth-above-cap"]);
    expect(peer(20000).id).toMatch(/^pcx-/);
  });

  test("bad grants are clear errors that change nothing", () => {
    const engine = memoryEngine("tencent", { tickets: [] });
    const before = storeDigest(engine);
    const unknown = refusal(() => engine.request("GrantAccountFeature", { feature: "bgp", ticket: "T-1" }, asOperator(OWNER)));
    expect(unknown.code).toBe("InvalidParameterValue.Feature");
    for (const name of ACCOUNT_FEATURE_NAMES) expect(unknown.message).toContain(name);
    expect(refusal(() => engine.request("GrantAccountFeature", { feature: "vpn-route-table", ticket: "" }, asOperator(OWNER))).code).toBe("InvalidParameterValue.Ticket");
    expect(refusal(() => engine.request("GrantAccountFeature", { feature: "vpn-route-table", ticket: "line\nbreak" }, asOperator(OWNER))).code).toBe("InvalidParameterValue.Ticket");
    expect(refusal(() => engine.request("GrantAccountFeature", { feature: "vpn-route-table", ticket: "T-1" }, asOperator("not-an-account"))).code).toBe("InvalidParameterValue.Account");
    expect(storeDigest(engine)).toBe(before);
  });
});
