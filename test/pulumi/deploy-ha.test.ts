/**
 * GIVEN the seed-001 HA example's Pulumi program (examples/ha-dual-customer-gateway/index.ts)
 * WHEN it runs under Pulumi's mock runtime, whose mocks execute each serialized provider as
 *      Pulumi's provider host does, against one in-memory engine
 * THEN the engine holds exactly the manifest's resources, the stack outputs match the engine,
 *      every child has its component parent, and the keys never leave their secret slots.
 */
import * as pulumi from "@pulumi/pulumi";
import * as path from "path";
import { enableTypeScriptInHost, hostProcess, hostProviders, isSecret, ProviderHostMocks, valueOf } from "./host";

const PSK_1 = "Ha-Mock-Key-One-1";
const PSK_2 = "Ha-Mock-Key-Two-2";
const EXAMPLE = path.resolve(__dirname, "../../examples/ha-dual-customer-gateway");
const mocks = new ProviderHostMocks();

let program: { outputs: import("../../lib/pulumi").DeploymentOutputs };
let outputs: {
  vpnGateways: Record<string, { id: string; publicIp: string; state: string }>;
  vpnConnections: Record<string, { id: string; state: string }>;
  peeringConnections: Record<string, unknown>;
};
let engine: { request(action: string, params: object, ctx: { account: string }): Record<string, any> };
const ACCOUNT = "100000000001";

function describe_(action: string): Array<Record<string, any>> {
  return engine.request(action, {}, { account: ACCOUNT }).items as Array<Record<string, any>>;
}

beforeAll(async () => {
  enableTypeScriptInHost();
  hostProcess.env.HYBRIDLINK_STATE = ":memory:";
  process.env.HL_HA_PSK_CGW1 = PSK_1;
  process.env.HL_HA_PSK_CGW2 = PSK_2;
  await pulumi.runtime.setMocks(mocks, "hybridlink-ha-dual-customer-gateway", "test", false);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  program = require(path.join(EXAMPLE, "index.ts"));
  outputs = (await valueOf(pulumi.output(program.outputs))) as typeof outputs;
  await pulumi.runtime.disconnect();
  engine = hostProviders().engineFor({ statePath: ":memory:" });
});

afterAll(() => {
  hostProviders().closeEngines();
  delete hostProcess.env.HYBRIDLINK_STATE;
});

test("the engine holds exactly the manifest's resources, in the app's account", () => {
  const counts = {
    Vpc: describe_("DescribeVpcs").length,
    RouteTable: describe_("DescribeRouteTables").length,
    Subnet: describe_("DescribeSubnets").length,
    IdcSite: describe_("DescribeIdcSites").length,
    CustomerGateway: describe_("DescribeCustomerGateways").length,
    VpnGateway: describe_("DescribeVpnGateways").length,
    VpnConnection: describe_("DescribeVpnConnections").length,
    VpnGatewayRoute: describe_("DescribeVpnGatewayRoutes").length,
  };
  // Describe as the app's account lists what it owns (and only that).
  expect(counts).toEqual({ Vpc: 1, RouteTable: 1, Subnet: 1, IdcSite: 1, CustomerGateway: 2, VpnGateway: 1, VpnConnection: 2, VpnGatewayRoute: 2 });
  const routes = describe_("DescribeVpnGatewayRoutes").map((r) => [r.destinationCidr, r.weight, r.publishToVpc]);
  expect(routes.sort()).toEqual([
    ["192.168.0.0/16", 0, true],
    ["192.168.0.0/16", 100, true],
  ]);
});

test("create waited for the gateway on the engine clock: it is AVAILABLE", () => {
  const [gateway] = describe_("DescribeVpnGateways");
  expect(gateway.state).toBe("AVAILABLE");
  const clock = engine.request("DescribeClock", {}, { account: ACCOUNT });
  // seed 001: a gateway takes 1–5 minutes to create.
  expect(clock.elapsedSeconds).toBeGreaterThanOrEqual(60);
});

test("the stack outputs are the engine's gateway IP, connection IDs and states, keyed by construct path", () => {
  const [gateway] = describe_("DescribeVpnGateways");
  expect(outputs.vpnGateways).toEqual({ "Ha/VpnGateway": { id: gateway.id, publicIp: gateway.publicIp, state: "AVAILABLE" } });
  const connections = Object.fromEntries(describe_("DescribeVpnConnections").map((c) => [c.name, c]));
  expect(outputs.vpnConnections).toEqual({
    "Ha/IpsecConnection1": { id: connections["Ha-IpsecConnection1"].id, state: connections["Ha-IpsecConnection1"].state },
    "Ha/IpsecConnection2": { id: connections["Ha-IpsecConnection2"].id, state: connections["Ha-IpsecConnection2"].state },
  });
  expect(outputs.peeringConnections).toEqual({});
  // Nobody configured the IDC devices' tunnels end here, yet the engine reports a state for each.
  for (const c of Object.values(outputs.vpnConnections)) expect(typeof c.state).toBe("string");
});

test("references became Outputs: each connection names the gateway and customer gateway the engine created", () => {
  const [gateway] = describe_("DescribeVpnGateways");
  const devices = Object.fromEntries(describe_("DescribeCustomerGateways").map((d) => [d.ipAddress, d.id]));
  const connections = Object.fromEntries(describe_("DescribeVpnConnections").map((c) => [c.name, c]));
  expect(connections["Ha-IpsecConnection1"]).toMatchObject({ vpnGateway: gateway.id, customerGateway: devices["198.51.100.1"] });
  expect(connections["Ha-IpsecConnection2"]).toMatchObject({ vpnGateway: gateway.id, customerGateway: devices["198.51.100.2"] });
});

test("one ComponentResource per high-level construct, and every resource under it is its child", () => {
  const components = mocks.registrations.filter((r) => !r.custom);
  expect(components.map((c) => [c.type, c.name])).toEqual([["hybridlink:vpn:HaDualCustomerGateway", "Ha"]]);
  const dynamic = mocks.registrations.filter((r) => r.custom);
  expect(dynamic).toHaveLength(11);
  expect(new Set(dynamic.map((r) => r.type))).toEqual(
    new Set(["Vpc", "RouteTable", "Subnet", "IdcSite", "CustomerGateway", "VpnGateway", "VpnConnection", "VpnGatewayRoute"].map((t) => `pulumi-nodejs:dynamic/hybridlink:${t}`)),
  );
});

test("children carry the component as parent: their URNs name its type first", async () => {
  // An Output knows the resources it came from; the mocks build URNs as the engine does (parent type $ child type).
  const resourcesOf = (o: pulumi.Output<unknown>) => [...(o as unknown as { resources(): Set<pulumi.CustomResource> }).resources()];
  const [connection] = resourcesOf(program.outputs.vpnConnections["Ha/IpsecConnection1"].id);
  const [gateway] = resourcesOf(program.outputs.vpnGateways["Ha/VpnGateway"].publicIp);
  const parentType = "hybridlink:vpn:HaDualCustomerGateway";
  expect(await valueOf(connection.urn)).toBe(
    `urn:pulumi:test::hybridlink-ha-dual-customer-gateway::${parentType}$pulumi-nodejs:dynamic/hybridlink:VpnConnection::Ha/IpsecConnection1`,
  );
  expect(await valueOf(gateway.urn)).toBe(
    `urn:pulumi:test::hybridlink-ha-dual-customer-gateway::${parentType}$pulumi-nodejs:dynamic/hybridlink:VpnGateway::Ha/VpnGateway`,
  );
});

test("the pre-shared keys are secret inputs, and the providers return them only as secrets", async () => {
  const connection = mocks.registrations.find((r) => r.name === "Ha/IpsecConnection1")!;
  // The inputs the engine received: the key wrapped as a secret, never plain.
  expect(JSON.stringify(connection.inputs)).not.toContain(`"preSharedKey":"${PSK_1}"`);
  expect((connection.inputs.preSharedKey as Record<string, unknown>)["4dabf18193072939515e22adb298388d"]).toBe("1b47061264138c4ac30d75fd1eb44270");
  // The provider's outputs keep the key, as a secret (encrypted in the stack state).
  expect(connection.outputs!.preSharedKey).toEqual({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: PSK_1 });
  // Stack outputs (ids and states) are not secret and hold no key.
  expect(JSON.stringify(outputs)).not.toContain(PSK_1);
  expect(await isSecret(program.outputs.vpnConnections["Ha/IpsecConnection1"].state)).toBe(false);
  // Describe never returns a key.
  expect(JSON.stringify(describe_("DescribeVpnConnections"))).not.toMatch(/Ha-Mock-Key/);
});

test("the serialized providers capture a module path and the app's profile, no engine handle and no key", () => {
  const text = mocks.serializedProviders.get("pulumi-nodejs:dynamic/hybridlink:VpnConnection")!;
  expect(text).toContain(JSON.stringify(path.resolve(__dirname, "../../providers/dynamic")));
  expect(text).toContain('profile: "alibaba"');
  expect(text).toContain(`__target.type = "VpnConnection"`);
  expect(text).not.toMatch(/Ha-Mock-Key|CloudEngine|better-sqlite3|statePath/);
});
