import { ResourceType } from "../../../lib/core/manifest";
import { check, closeEngines, JsonObject, UNKNOWN } from "../../../providers/dynamic";
import { ACCOUNT_A, MEMORY, WORLD } from "./world";

afterAll(() => closeEngines());

function fakeIds(inputs: JsonObject): JsonObject {
  return JSON.parse(JSON.stringify(inputs).replace(/"\$([a-zA-Z]+)"/g, (_m, name: string) => `"id-${name}"`)) as JsonObject;
}

const GATEWAY = { name: "gw", region: "ap-guangzhou", type: "VPC", vpc: "vpc-1", bandwidthMbps: 100, ipsecEnabled: true, sslEnabled: false, account: ACCOUNT_A };
const ROUTE = { vpnGateway: "vpngw-1", destinationCidr: "192.168.0.0/16", nextHop: "vpnx-1", priority: 0, publishToVpc: true, enabled: true, account: ACCOUNT_A };
const CONNECTION = fakeIds(WORLD.find((w) => w.type === "VpnConnection")!.inputs);

test.each(WORLD.map((w) => [w.type, w.name] as const))("%s (%s): valid inputs have no failure", (type, name) => {
  expect(check(type, fakeIds(WORLD.find((w) => w.name === name)!.inputs), MEMORY)).toEqual([]);
});

/** [type, inputs, expected [property, rule ID] pairs] */
const REFUSED: ReadonlyArray<readonly [string, ResourceType, JsonObject, ReadonlyArray<readonly [string, string]>]> = [
  ["CIDR syntax, host bits and region", "Vpc", { name: "v", region: "mars-1", cidrs: ["10.0.0.1/16", "300.0.0.0/8"], account: ACCOUNT_A }, [["cidrs[1]", "HL-ADDR-001"], ["cidrs[0]", "HL-ADDR-002"], ["region", "HL-ADDR-005"]]],
  ["private customer-gateway IP", "CustomerGateway", { name: "c", ipAddress: "192.168.1.1", account: ACCOUNT_A }, [["ipAddress", "HL-VPN-002"]]],
  ["default route and a preference outside the profile", "VpnGatewayRoute", { ...ROUTE, destinationCidr: "0.0.0.0/0", priority: 50 }, [["destinationCidr", "HL-ADDR-006"], ["priority", "HL-VPN-018"]]],
  ["bandwidth, SSL count without SSL, VPC-type without VPC", "VpnGateway", { ...GATEWAY, vpc: undefined, bandwidthMbps: 7, sslConnections: 5 }, [["bandwidthMbps", "HL-VPN-005"], ["sslConnections", "HL-VPN-007"], ["vpc", "HL-VPN-016"]]],
  ["a key outside the charset", "VpnConnection", { ...CONNECTION, preSharedKey: "has spaces in it" }, [["preSharedKey", "HL-VPN-008"]]],
  ["a missing key", "VpnConnection", { ...CONNECTION, preSharedKey: undefined }, [["preSharedKey", "HL-MAN-003"], ["preSharedKey", "HL-VPN-008"]]],
  ["no account at all", "Ccn", { name: "c" }, [["account", "AuthFailure"]]],
  ["an account that is not an account ID", "Ccn", { name: "c", account: "not-an-account" }, [["account", "HL-MAN-008"]]],
];

test.each(REFUSED)("refuses %s, each failure with its property and rule ID", (_what, type, inputs, expected) => {
  const failures = check(type, inputs, MEMORY);
  expect(failures.map((f) => [f.property, f.reason.match(/^\[([^\]]+)\]/)?.[1]])).toEqual(expected);
  for (const f of failures) expect(f.reason).toMatch(/^\[[A-Za-z0-9-]+\] \S/);
});

test("a refused key is never echoed: the reason gives its length only", () => {
  const key = "bad key with spaces";
  const [failure] = check("VpnConnection", { ...CONNECTION, preSharedKey: key }, MEMORY);
  expect(failure.reason).not.toContain(key);
  expect(failure.reason).toContain(`a key of ${key.length} characters was received (not shown)`);
});

test("values not known yet (preview) are not judged", () => {
  expect(check("Vpc", { name: "v", region: UNKNOWN, cidrs: [UNKNOWN], account: ACCOUNT_A }, MEMORY)).toEqual([]);
  expect(check("VpnConnection", { ...CONNECTION, preSharedKey: UNKNOWN }, MEMORY)).toEqual([]);
});

test("the profile decides: weight is alibaba's vocabulary, refused on tencent with the allowed field named", () => {
  const failures = check("VpnGatewayRoute", { ...ROUTE, priority: undefined, weight: 100 }, MEMORY);
  expect(failures.map((f) => f.reason.slice(0, 12))).toEqual(["[HL-VPN-018]"]);
  expect(check("VpnGatewayRoute", { ...ROUTE, priority: undefined, weight: 100 }, { ...MEMORY, profile: "alibaba" })).toEqual([]);
});
