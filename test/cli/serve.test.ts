import * as fs from "fs";
import * as tencentcloud from "tencentcloud-sdk-nodejs";
import { finished, json, runCli, spawnCli, tempState } from "./run-cli";

/** `hybridlink serve` and `credentials create` as a user runs them: child processes sharing one store with the CLI. */
describe("hybridlink serve", () => {
  const t = tempState();
  afterAll(() => fs.rmSync(t.dir, { recursive: true, force: true }));

  test("serves the Tencent SDK a key made by credentials create, shares the store with clock advance, stops on SIGTERM", async () => {
    for (const name of ["http_proxy", "HTTP_PROXY"]) delete process.env[name];
    const key = json(runCli(["credentials", "create", "--account", "100001", "--cloud", "tencent", "--json"], { env: t.env }));
    expect(key).toMatchObject({ account: "100001", cloud: "tencent", SecretId: expect.stringMatching(/^AKID/) });
    // The secret is shown once and never stored in clear.
    expect(fs.readFileSync(t.state).includes(Buffer.from(key.SecretKey))).toBe(false);

    const child = spawnCli(["serve", "--port", "0", "--json"], { env: t.env });
    const done = finished(child);
    const started = await new Promise<{ url: string; adminToken: string }>((resolve) => {
      let out = "";
      child.stdout!.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("\n")) resolve(JSON.parse(out.split("\n")[0]));
      });
    });
    const client = new tencentcloud.vpc.v20170312.Client({
      credential: { secretId: key.SecretId, secretKey: key.SecretKey },
      region: "ap-guangzhou",
      profile: { httpProfile: { endpoint: started.url.replace("http://", ""), protocol: "http://" } },
    });
    const vpc = (await client.CreateVpc({ VpcName: "served", CidrBlock: "10.0.0.0/16" })).Vpc!;
    const gw = (await client.CreateVpnGateway({ VpcId: vpc.VpcId!, VpnGatewayName: "gw", InternetMaxBandwidthOut: 10, Type: "IPSEC" })).VpnGateway!;
    expect(gw.State).toBe("PENDING");
    // The CLI advances the same store's clock while serve runs.
    expect(runCli(["clock", "advance", "5m", "--account", "100001"], { env: t.env }).code).toBe(0);
    expect((await client.DescribeVpnGateways({ VpnGatewayIds: [gw.VpnGatewayId!] })).VpnGatewaySet![0].State).toBe("AVAILABLE");

    child.kill("SIGTERM");
    const result = await done;
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).not.toContain(key.SecretKey);
  });

  test("refuses a bad account and a bad port with a clear error and creates nothing", () => {
    const bad = runCli(["credentials", "create", "--account", "not an id", "--json"], { env: t.env });
    expect(bad.code).not.toBe(0);
    expect(bad.stdout + bad.stderr).toContain("not an id");
    const port = runCli(["serve", "--port", "70000"], { env: t.env });
    expect(port.code).not.toBe(0);
    expect(port.stdout + port.stderr).toContain("--port");
  });
});
