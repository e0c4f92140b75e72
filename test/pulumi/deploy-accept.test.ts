/**
 * GIVEN the P3 app deployed with `acceptPeerings: true` (the program holds the partner account too)
 * THEN the peering is accepted as the partner right after it is created: ACTIVE in the stack outputs.
 */
import * as pulumi from "@pulumi/pulumi";
import { enableTypeScriptInHost, hostProcess, hostProviders, ProviderHostMocks, valueOf } from "./host";

const mocks = new ProviderHostMocks();

beforeAll(async () => {
  enableTypeScriptInHost();
  hostProcess.env.HYBRIDLINK_STATE = ":memory:";
  await pulumi.runtime.setMocks(mocks, "p3-accepted", "test", false);
});

afterAll(() => {
  hostProviders().closeEngines();
  delete hostProcess.env.HYBRIDLINK_STATE;
});

test("the cross-account peering is ACTIVE at once, and only the peering carries `accept`", async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { app } = require("../../examples/p3-cross-account-cross-region/app");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { deploy } = require("hybridlink/pulumi");
  const outputs = await valueOf(pulumi.output(deploy(app, { acceptPeerings: true }).outputs));
  await pulumi.runtime.disconnect();
  expect(Object.values((outputs as { peeringConnections: Record<string, { state: string }> }).peeringConnections)).toEqual([
    { id: expect.stringMatching(/^pcx-/), state: "ACTIVE" },
  ]);
  expect(mocks.registrations.filter((r) => r.inputs.accept !== undefined).map((r) => [r.name, r.inputs.accept])).toEqual([["Peering/Connection", true]]);
});
