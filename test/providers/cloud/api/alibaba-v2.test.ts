import * as crypto from "crypto";
import { $OpenApiUtil } from "@alicloud/openapi-core";
import { rfc3986 } from "../../../../providers/cloud/api/alibaba/signing";
import { $alibaba as $, AlibabaVpc, SdkCloud, startSdkCloud } from "./sdk-harness";

const A = "1234567890";
const R = "cn-hangzhou";

/** The old RPC signature (`signatureAlgorithm: "v2"`): HMAC-SHA1 in a Signature parameter, through @alicloud/vpc20160428. */
describe("Alibaba RPC v2 signature through the official SDK", () => {
  let cloud: SdkCloud;
  let key: { keyId: string; secret: string };
  beforeAll(async () => {
    cloud = await startSdkCloud("alibaba");
    key = cloud.engine.createApiKey(A, "alibaba");
  });
  afterAll(() => cloud.close());

  const client = (secret = key.secret): AlibabaVpc =>
    new $.default(new $OpenApiUtil.Config({ accessKeyId: key.keyId, accessKeySecret: secret, regionId: R, endpoint: cloud.endpoint, protocol: "http", signatureAlgorithm: "v2" }));

  test("a create, a describe and a structured create (list parameters, JSON-string parameters)", async () => {
    const v2 = client();
    const { vpcId } = (await v2.createVpc(new $.CreateVpcRequest({ regionId: R, cidrBlock: "10.0.0.0/16", vpcName: "v2 (test)*" }))).body!;
    const found = (await v2.describeVpcs(new $.DescribeVpcsRequest({ regionId: R, vpcId }))).body!;
    expect(found.vpcs!.vpc!.map((v) => [v.vpcId, v.vpcName])).toEqual([[vpcId, "v2 (test)*"]]);
    const gw = (await v2.createVpnGateway(new $.CreateVpnGatewayRequest({ regionId: R, vpcId, bandwidth: 10, name: "gw" }))).body!.vpnGatewayId!;
    await cloud.admin("AdvanceClock", A, { duration: "5m" });
    const tag = new $.CreateCustomerGatewayRequestTags({ key: "team", value: "net ops" });
    const cgw = (await v2.createCustomerGateway(new $.CreateCustomerGatewayRequest({ regionId: R, ipAddress: "203.0.113.7", tags: [tag] }))).body!.customerGatewayId!;
    const conn = await v2.createVpnConnection(
      new $.CreateVpnConnectionRequest({
        regionId: R, vpnGatewayId: gw, customerGatewayId: cgw, localSubnet: "10.0.0.0/16", remoteSubnet: "192.168.0.0/16",
        ikeConfig: JSON.stringify({ Psk: "v2-psk-0123456789", IkeVersion: "ikev2" }),
      }),
    );
    expect(conn.body!.vpnConnectionId).toMatch(/^vpnx-/);
  });

  test("a wrong secret is SignatureDoesNotMatch and creates nothing", async () => {
    const before = (await client().describeVpcs(new $.DescribeVpcsRequest({ regionId: R }))).body!.totalCount;
    const wrong = client(`${key.secret.slice(0, -1)}${key.secret.endsWith("x") ? "y" : "x"}`);
    await expect(wrong.createVpc(new $.CreateVpcRequest({ regionId: R, cidrBlock: "10.9.0.0/16" }))).rejects.toMatchObject({ code: "SignatureDoesNotMatch", statusCode: 400 });
    expect((await client().describeVpcs(new $.DescribeVpcsRequest({ regionId: R }))).body!.totalCount).toBe(before);
  });

  /** A v2 request signed here as the SDK signs it, so a test can replay it or change its time. */
  function signed(params: Record<string, string>): string {
    const all = new Map(Object.entries({ Format: "json", Version: "2016-04-28", SignatureMethod: "HMAC-SHA1", SignatureVersion: "1.0", AccessKeyId: key.keyId, ...params }));
    const canonical = [...all.keys()].sort().map((k) => `${rfc3986(k)}=${rfc3986(all.get(k)!)}`).join("&");
    const signature = crypto.createHmac("sha1", `${key.secret}&`).update(`POST&%2F&${rfc3986(canonical)}`).digest("base64");
    return `${cloud.server.url}/?${canonical}&Signature=${rfc3986(signature)}`;
  }
  const post = async (url: string) => {
    const res = await fetch(url, { method: "POST", headers: { "x-acs-action": "DescribeVpcs", "x-acs-version": "2016-04-28" } });
    return { status: res.status, code: ((await res.json()) as { Code?: string }).Code };
  };
  const now = () => new Date().toISOString().replace(/\.\d+Z$/, "Z");

  test("a replayed SignatureNonce is SignatureNonceUsed; a Timestamp 16 minutes off is InvalidTimeStamp.Expired", async () => {
    const url = signed({ Action: "DescribeVpcs", RegionId: R, Timestamp: now(), SignatureNonce: crypto.randomUUID() });
    expect(await post(url)).toEqual({ status: 200, code: undefined });
    expect(await post(url)).toEqual({ status: 400, code: "SignatureNonceUsed" });
    const stale = new Date(Date.now() - 16 * 60 * 1000).toISOString().replace(/\.\d+Z$/, "Z");
    expect(await post(signed({ Action: "DescribeVpcs", RegionId: R, Timestamp: stale, SignatureNonce: crypto.randomUUID() }))).toEqual({ status: 400, code: "InvalidTimeStamp.Expired" });
    expect(await post(signed({ Action: "DescribeVpcs", RegionId: R, Timestamp: now(), SignatureNonce: crypto.randomUUID(), SignatureMethod: "HMAC-MD5" }))).toMatchObject({ code: "IncompleteSignature" });
  });
});
