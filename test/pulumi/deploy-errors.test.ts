/**
 * Bad input changes nothing: a synth violation or an unreadable pre-shared key stops `deploy`
 * before a single resource is registered with Pulumi.
 */
import * as pulumi from "@pulumi/pulumi";
import { IdcSite, NetworkApp, SecretValue, SynthError, Vpc, VpnGateway } from "../../lib";
import { deploy } from "../../lib/pulumi";
import { ProviderHostMocks } from "./host";

const mocks = new ProviderHostMocks();

beforeAll(() => pulumi.runtime.setMocks(mocks, "errors", "test", false));

function vpnApp(cidr: string, keys: readonly string[]): NetworkApp {
  const app = new NetworkApp({ profile: "tencent" });
  const vpc = new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: [cidr] });
  const gateway = new VpnGateway(app, "Gateway", { vpc });
  const idc = new IdcSite(app, "Idc", { cidrs: ["192.168.0.0/16"] });
  keys.forEach((key, i) => {
    const device = idc.addDevice(`Device${i}`, { ipAddress: `203.0.113.${10 + i}` });
    gateway.addConnection(`Tunnel${i}`, {
      customerGateway: device,
      preSharedKey: SecretValue.fromEnv(key),
      spdPolicies: [{ localCidrs: [cidr], remoteCidrs: ["192.168.0.0/16"] }],
    });
  });
  return app;
}

test("fails when synth finds a violation: a SynthError naming path and rule, nothing registered", () => {
  let error: unknown;
  try {
    deploy(vpnApp("10.0.0.1/16", []));
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(SynthError);
  expect((error as Error).message).toMatch(/\[Vpc\] \[HL-ADDR-002\]/);
  expect(mocks.registrations).toEqual([]);
});

test("fails when a pre-shared key cannot be read: every missing source and who needs it, nothing registered", () => {
  delete process.env.HL_ERR_PSK_A;
  delete process.env.HL_ERR_PSK_B;
  expect(() => deploy(vpnApp("10.0.0.0/16", ["HL_ERR_PSK_A", "HL_ERR_PSK_B"]))).toThrow(
    expect.objectContaining({
      code: "SecretMissing",
      message: expect.stringMatching(
        /2 pre-shared keys cannot be read\.\n {2}environment variable HL_ERR_PSK_A is not set; needed by Gateway\/Tunnel0 \(preSharedKey\)\n {2}environment variable HL_ERR_PSK_B is not set; needed by Gateway\/Tunnel1 \(preSharedKey\)/,
      ),
    }),
  );
  expect(mocks.registrations).toEqual([]);
});

test("a Pulumi config secret is read from the stack's config, as a secret", async () => {
  pulumi.runtime.setConfig("errors:vpnPsk", "Config-Key-0001");
  const { readSecret } = await import("../../lib/pulumi");
  const value = readSecret({ source: "pulumi-config", key: "vpnPsk" })!;
  expect(await (value as unknown as { isSecret: Promise<boolean> }).isSecret).toBe(true);
  expect(readSecret({ source: "pulumi-config", key: "absent" })).toBeUndefined();
});
