import * as fs from "fs";
import * as path from "path";
import { findProfile } from "../../../lib";
import { ACCOUNT_FEATURE_NAMES, CloudEngine } from "../../../providers/cloud";
import { MIGRATIONS, openDatabase } from "../../../providers/cloud/store";
import { as, asOperator, connectionParams, grantTickets, memoryEngine, refusal, storeDigest, tempDir, World } from "./helpers";

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

  test("a grant is one cloud's: refused where the cloud gates nothing (naming the cloud that does), kept per cloud in a shared store", () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, "clouds.db");
      const alibaba = CloudEngine.open({ path: file, profile: "alibaba" });
      const before = storeDigest(alibaba);
      const err = refusal(() => alibaba.request("GrantAccountFeature", { feature: "vpn-route-table", ticket: "ALI-2231" }, asOperator(OTHER)));
      expect(err.code).toBe("InvalidParameterValue.Feature");
      expect(err.message).toContain("Alibaba Cloud (cloud 'alibaba') does not gate 'vpn-route-table'");
      expect(err.message).toContain("Tencent Cloud ('tencent')");
      expect(err.message).toContain("--cloud tencent");
      expect(storeDigest(alibaba)).toBe(before);
      alibaba.close();

      // The same store, as Tencent: the grant is Tencent's, and revoking it on another cloud says where it is.
      const tencent = CloudEngine.open({ path: file, profile: "tencent" });
      expect(tencent.request("GrantAccountFeature", { feature: "vpn-route-table", ticket: "TC-88" }, asOperator(OTHER))).toMatchObject({ account: OTHER, cloud: "tencent", ticket: "TC-88" });
      tencent.close();
      const ccb = CloudEngine.open({ path: file, profile: "ccb" });
      expect(ccb.request("DescribeAccountFeatures", {}, as(OTHER)).items).toEqual([]);
      const revoke = refusal(() => ccb.request("RevokeAccountFeature", { feature: "vpn-route-table" }, asOperator(OTHER)));
      expect(revoke.code).toBe("ResourceNotFound");
      expect(revoke.message).toContain("it holds it on 'tencent'");
      ccb.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("DescribeAccountFeatures: an account sees its own, the operator every account's (allAccounts), an account asking for all is refused", () => {
    const engine = memoryEngine("tencent", { tickets: [] });
    engine.request("GrantAccountFeature", { feature: "vpn-route-table", ticket: "Q-1" }, asOperator(OWNER));
    engine.request("GrantAccountFeature", { feature: "peering-bandwidth-above-cap", ticket: "Q-2" }, asOperator(OTHER));
    expect(engine.request("DescribeAccountFeatures", {}, as(OWNER))).toMatchObject({ account: OWNER, cloud: "tencent", items: [{ account: OWNER, feature: "vpn-route-table", ticket: "Q-1" }] });
    const all = engine.request("DescribeAccountFeatures", { allAccounts: true }, asOperator(OWNER)).items as Array<{ account: string; cloud: string; feature: string }>;
    expect(all.map((f) => `${f.account}/${f.cloud}/${f.feature}`)).toEqual([`${OWNER}/tencent/vpn-route-table`, `${OTHER}/tencent/peering-bandwidth-above-cap`]);
    const err = refusal(() => engine.request("DescribeAccountFeatures", { allAccounts: true }, as(OWNER)));
    expect(err.code).toBe("UnauthorizedOperation.OperatorOnly");
    expect(err.message).toContain("leave 'allAccounts' out");
  });

  test("migration 12 keeps migration 11's grants as Tencent's (the only cloud gating either feature then)", () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, "v11.db");
      const v11 = openDatabase(file, MIGRATIONS.filter((m) => m.version <= 11));
      v11.prepare("INSERT INTO account_features (account, feature, ticket, granted_at) VALUES (?, ?, ?, ?)").run(OWNER, "vpn-route-table", "OLD-11", 1_700_000_000_000);
      v11.close();
      const engine = CloudEngine.open({ path: file, profile: "tencent" });
      expect(engine.request("DescribeAccountFeatures", {}, as(OWNER)).items).toEqual([expect.objectContaining({ cloud: "tencent", feature: "vpn-route-table", ticket: "OLD-11" })]);
      const w = new World(engine, OWNER);
      const { vpc } = w.vpc(["172.29.0.0/16"], "ap-beijing");
      const gw = w.gateway(vpc, "ap-beijing");
      const device = w.device("198.51.100.80", w.site(["10.100.0.0/16"]));
      expect(w.request("CreateVpnConnection", connectionParams(gw, device, { routeType: "ROUTE", spdPolicies: [] })).id).toMatch(/^vpnx-/);
      engine.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
