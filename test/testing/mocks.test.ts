/**
 * GIVEN the S1 example deployed under hybridlink/testing's setEngineMocks
 * THEN the outputs are the simulated cloud's (IDs, gateway IP, states), the pre-shared key stays a
 * Pulumi secret, and a rule failure at check fails the registration.
 */
import * as pulumi from "@pulumi/pulumi";
import { setEngineMocks, EngineMocks } from "hybridlink/testing";

let mocks: EngineMocks;

beforeAll(async () => {
  mocks = await setEngineMocks({ project: "s1", stack: "test" });
});

afterAll(() => mocks.dispose());

function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise<T>((resolve) => output.apply((v) => resolve(v)));
}

test("outputs come from the engine and secrets stay secret", async () => {
  process.env.HL_S1_PSK = "mock-psk-value-42";
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { app } = require("../../examples/s1-vpc-idc-spd/app");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { deploy } = require("hybridlink/pulumi");
  const deployment = deploy(app);
  const outputs = await valueOf(pulumi.output(deployment.outputs));
  delete process.env.HL_S1_PSK;
  const gateway = Object.values(outputs.vpnGateways)[0] as { id: string; publicIp: string; state: string };
  expect(gateway.id).toMatch(/^vpngw-/);
  expect(gateway.publicIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(gateway.state).toBe("AVAILABLE");
  const connection = mocks.registrations.find((r) => r.type === "pulumi-nodejs:dynamic/hybridlink:VpnConnection")!;
  expect(connection.id).toMatch(/^vpnx-/);
  // The program sent the key as a Pulumi secret, and the provider's outputs wrap it as one again.
  const SECRET = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "mock-psk-value-42" };
  expect(connection.inputs.preSharedKey).toEqual(SECRET);
  expect(connection.outputs!.preSharedKey).toEqual(SECRET);
  expect(mocks.statePath).toMatch(/state\.db$/);
});
