import { SdkCloud, startSdkCloud, TencentVpc, TencentVpcClient } from "./sdk-harness";

const A = "100001";

/**
 * The other request forms tencentcloud-sdk-nodejs sends: TC3 with the parameters flattened into a GET
 * query (`httpProfile.reqMethod: "GET"`), and the legacy v1 signature (`signMethod: "HmacSHA256" |
 * "HmacSHA1"`), by POST form and by GET.
 */
describe("Tencent GET and legacy signatures through the official SDK", () => {
  let cloud: SdkCloud;
  let key: { keyId: string; secret: string };
  beforeAll(async () => {
    cloud = await startSdkCloud("tencent");
    key = cloud.engine.createApiKey(A, "tencent");
  });
  afterAll(() => cloud.close());

  type Form = { reqMethod?: "GET" | "POST"; signMethod?: "HmacSHA256" | "HmacSHA1" };
  const client = (form: Form, secret = key.secret): TencentVpc =>
    new TencentVpcClient({
      credential: { secretId: key.keyId, secretKey: secret },
      region: "ap-guangzhou",
      profile: {
        ...(form.signMethod ? { signMethod: form.signMethod } : {}),
        httpProfile: { endpoint: cloud.endpoint, protocol: "http://", ...(form.reqMethod ? { reqMethod: form.reqMethod } : {}) },
      },
    });
  const wrongSecret = () => `${key.secret.slice(0, -1)}${key.secret.endsWith("x") ? "y" : "x"}`;

  const forms: Array<[string, Form, number]> = [
    ["TC3 by GET", { reqMethod: "GET" }, 1],
    ["v1 HmacSHA256 by POST", { signMethod: "HmacSHA256" }, 2],
    ["v1 HmacSHA1 by GET", { signMethod: "HmacSHA1", reqMethod: "GET" }, 3],
  ];

  test.each(forms)("%s: a create, a describe with nested filters and IDs, a nested create", async (_name, form, n) => {
    const c = client(form);
    const vpc = (await c.CreateVpc({ VpcName: `form ${n} & co`, CidrBlock: `10.${n}.0.0/16` })).Vpc!;
    expect(vpc).toMatchObject({ VpcName: `form ${n} & co`, CidrBlock: `10.${n}.0.0/16` });
    const found = await c.DescribeVpcs({ Filters: [{ Name: "vpc-name", Values: ["nope", `form ${n} & co`] }], Offset: "0", Limit: "10" });
    expect(found.VpcSet!.map((v) => v.VpcId)).toEqual([vpc.VpcId]);
    expect((await c.DescribeVpcs({ VpcIds: [vpc.VpcId!] })).TotalCount).toBe(1);
    // Lists of objects with booleans and numbers inside: Routes.0.Enabled=false must come back typed.
    const [table] = (await c.DescribeRouteTables({ Filters: [{ Name: "vpc-id", Values: [vpc.VpcId!] }] })).RouteTableSet!;
    const gw = (await c.CreateVpnGateway({ VpcId: vpc.VpcId!, VpnGatewayName: "gw", InternetMaxBandwidthOut: 10, Type: "IPSEC" })).VpnGateway!.VpnGatewayId!;
    const routes = await c.CreateRoutes({ RouteTableId: table.RouteTableId!, Routes: [{ DestinationCidrBlock: "192.168.0.0/16", GatewayType: "VPN", GatewayId: gw, Enabled: false }] });
    expect(routes.RouteTableSet![0].RouteSet![0]).toMatchObject({ GatewayId: gw, Enabled: false });
  });

  test.each(forms)("%s: a wrong signature is AuthFailure.SignatureFailure and creates nothing", async (_name, form) => {
    const before = (await client({}).DescribeVpcs({})).TotalCount;
    await expect(client(form, wrongSecret()).CreateVpc({ VpcName: "x", CidrBlock: "10.99.0.0/16" })).rejects.toMatchObject({ code: "AuthFailure.SignatureFailure" });
    await expect(client(form, wrongSecret()).DescribeVpcs({})).rejects.toMatchObject({ code: "AuthFailure.SignatureFailure" });
    expect((await client({}).DescribeVpcs({})).TotalCount).toBe(before);
  });

  test("flat parameters the model does not declare are UnknownParameter; a stale v1 Timestamp is SignatureExpire", async () => {
    await expect(client({ reqMethod: "GET" }).request("DescribeVpcs", { Colour: "red" })).rejects.toMatchObject({ code: "UnknownParameter" });
    await expect(client({ signMethod: "HmacSHA256" }).request("DescribeVpcs", { Filters: [{ Shade: "x" }] })).rejects.toMatchObject({ code: "UnknownParameter" });
    const res = await fetch(`${cloud.server.url}/?Action=DescribeVpcs&Version=2017-03-12&Region=ap-guangzhou&SecretId=${key.keyId}&Timestamp=1000000000&Nonce=1&SignatureMethod=HmacSHA256&Signature=x`);
    expect(((await res.json()) as { Response: { Error: { Code: string } } }).Response.Error.Code).toBe("AuthFailure.SignatureExpire");
  });
});
