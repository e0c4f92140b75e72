import { clientFor, closeEngines, create, deleteResource, read, update } from "../../providers/dynamic";
import type { ProviderSettings } from "../../providers/dynamic";
import { serveCloud, ServedCloud } from "./served-cloud";

/**
 * The providers' one CRUD (what Pulumi's dynamic providers call) over the
 * endpoint path: the same functions, settings naming an endpoint instead of a
 * store. The server is a child process: this thread blocks on each SDK call.
 */
describe("provider CRUD through the official SDK", () => {
  let cloud: ServedCloud;
  let settings: ProviderSettings;
  const saved = { ...process.env };
  beforeAll(async () => {
    cloud = await serveCloud(["300000000003"]);
    Object.assign(process.env, { HYBRIDLINK_CREDENTIALS: cloud.env.HYBRIDLINK_CREDENTIALS, http_proxy: "", HTTP_PROXY: "" });
    settings = { endpoint: cloud.url, adminToken: cloud.env.HYBRIDLINK_ADMIN_TOKEN, profile: "tencent" };
  });
  afterAll(async () => {
    closeEngines();
    process.env = saved;
    await cloud.stop();
  });

  test("create, read, update what Tencent can change, delete; a gateway waits on the served clock", () => {
    const vpc = create("Vpc", { name: "crud-vpc", region: "ap-shanghai", cidrs: ["172.20.0.0/16"], account: "300000000003" }, settings);
    expect(vpc.id).toMatch(/^vpc-/);
    expect(vpc.item).toMatchObject({ name: "crud-vpc", region: "ap-shanghai", cidrs: ["172.20.0.0/16"] });

    const gw = create("VpnGateway", { name: "crud-gw", region: "ap-shanghai", type: "VPC", vpc: vpc.id, bandwidthMbps: 50, account: "300000000003" }, settings);
    // Provisioning takes minutes (seed 001); the provider advanced the server's clock through the admin path.
    expect(gw.item.state).toBe("AVAILABLE");
    expect(gw.item.publicIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);

    const found = read("Vpc", vpc.id, { account: "300000000003" }, settings);
    expect(found?.inputs).toMatchObject({ name: "crud-vpc", region: "ap-shanghai", cidrs: ["172.20.0.0/16"], account: "300000000003" });

    // Tencent's API has no rename on this path yet: refused with the reason, nothing changed.
    expect(() => update("Vpc", vpc.id, found!.inputs, { ...found!.inputs, name: "renamed" }, settings)).toThrow(/not mapped on the endpoint path/);
    expect(read("Vpc", vpc.id, { account: "300000000003" }, settings)?.item.name).toBe("crud-vpc");

    deleteResource("VpnGateway", gw.id, { account: "300000000003" }, settings);
    deleteResource("Vpc", vpc.id, { account: "300000000003" }, settings);
    expect(read("Vpc", vpc.id, { account: "300000000003" }, settings)).toBeUndefined();
    // Deleting what is already gone is success (as in process).
    expect(() => deleteResource("Vpc", vpc.id, { account: "300000000003" }, settings)).not.toThrow();
  });

  test("a refusal is the cloud's code and message, through the SDK", () => {
    expect(() => create("Vpc", { name: "bad", region: "ap-shanghai", cidrs: ["300.0.0.0/16"], account: "300000000003" }, settings)).toThrow(
      expect.objectContaining({ code: expect.stringMatching(/^InvalidParameter/) }),
    );
    expect(clientFor(settings).profile.name).toBe("tencent");
  });
});

/**
 * Seed 001's fields travel over the wire: a VPN gateway's billing terms and a
 * customer gateway's region and description reach the served cloud's records
 * in each cloud's own vocabulary, and come back in the engine's.
 */
describe.each(["tencent", "alibaba"] as const)("seed 001's fields through the %s SDK", (profile) => {
  const account = "300000000013";
  const region = profile === "tencent" ? "ap-nanjing" : "cn-shenzhen";
  let cloud: ServedCloud;
  let settings: ProviderSettings;
  const saved = { ...process.env };
  beforeAll(async () => {
    cloud = await serveCloud([account], profile);
    Object.assign(process.env, { HYBRIDLINK_CREDENTIALS: cloud.env.HYBRIDLINK_CREDENTIALS, http_proxy: "", HTTP_PROXY: "" });
    settings = { endpoint: cloud.url, adminToken: cloud.env.HYBRIDLINK_ADMIN_TOKEN, profile };
  });
  afterAll(async () => {
    closeEngines();
    process.env = saved;
    await cloud.stop();
  });

  test("a PREPAID gateway bought for 24 months is recorded so; a customer gateway keeps the region it names", () => {
    const vpc = create("Vpc", { name: "terms-vpc", region, cidrs: ["172.26.0.0/16"], account }, settings);
    const gw = create("VpnGateway", { name: "terms-gw", region, type: "VPC", vpc: vpc.id, bandwidthMbps: 100, chargeType: "PREPAID", periodMonths: 24, account }, settings);
    expect(gw.item).toMatchObject({ chargeType: "PREPAID", periodMonths: 24 });
    // Read back as a real cloud says it: no period field, but the expiry 24 months on.
    expect(read("VpnGateway", gw.id, { account }, settings)?.item).toMatchObject({ chargeType: "PREPAID", periodMonths: 24 });

    const cgwProps = { name: "terms-cgw", ipAddress: "203.0.113.61", region, ...(profile === "alibaba" ? { description: "rack 7, second floor" } : {}), account };
    const cgw = create("CustomerGateway", cgwProps, settings);
    expect(cgw.item).toMatchObject({ region, ...(profile === "alibaba" ? { description: "rack 7, second floor" } : {}) });

    deleteResource("CustomerGateway", cgw.id, { account }, settings);
    deleteResource("VpnGateway", gw.id, { account }, settings);
    deleteResource("Vpc", vpc.id, { account }, settings);
  });
});
