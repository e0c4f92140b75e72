import { ResourceType } from "../../../lib/core/manifest";
import { scryptSync } from "crypto";
import { diff, digestSecret, FIELD_TABLES, JsonObject, UNKNOWN } from "../../../providers/dynamic";
import { TEST_PSK, WORLD } from "./world";

/** A store's digest key (any 32 bytes: the engine derives its own from the sealing key). */
const DIGEST_KEY = Buffer.alloc(32, 7);

/**
 * What each input of each type does when it alone changes: the list
 * (immutable: VPC CIDR and region, customer-gateway IP, gateway type and VPC,
 * peering ends, route destination…; in place: route preference,
 * publish-to-VPC, peering bandwidth, pre-shared key, health check, names).
 */
const EXPECTED: Readonly<Record<ResourceType, { readonly update: readonly string[]; readonly replace: readonly string[] }>> = {
  Vpc: { update: ["name"], replace: ["region", "cidrs", "account"] },
  Subnet: { update: ["name", "routeTable"], replace: ["vpc", "cidr", "zone", "account"] },
  RouteTable: { update: ["name"], replace: ["vpc", "main", "account"] },
  Route: { update: ["enabled"], replace: ["routeTable", "destinationCidr", "nextHopType", "nextHop", "account"] },
  VpnGateway: {
    update: ["name", "bandwidthMbps"],
    // The billing terms replace: the cloud converts only PREPAID → POSTPAID_BY_HOUR in place, which is not modelled.
    replace: ["region", "type", "vpc", "ipsecEnabled", "sslEnabled", "sslConnections", "chargeType", "periodMonths", "account"],
  },
  CustomerGateway: { update: ["name", "description"], replace: ["ipAddress", "site", "region", "account"] },
  VpnConnection: {
    update: ["name", "preSharedKey", "healthCheck", "customerDevice"],
    replace: ["vpnGateway", "customerGateway", "vpc", "routeType", "spdPolicies", "ike", "ipsec", "account"],
  },
  VpnGatewayRoute: { update: ["priority", "weight", "publishToVpc", "enabled"], replace: ["vpnGateway", "destinationCidr", "nextHop", "account"] },
  Ccn: { update: ["name"], replace: ["account"] },
  CcnAttachment: { update: [], replace: ["ccn", "instanceType", "instance", "region", "account"] },
  DirectConnectGateway: { update: ["name"], replace: ["region", "onPremPrefixes", "account"] },
  PeeringConnection: {
    update: ["name", "bandwidthMbps", "accept"],
    replace: ["requesterVpc", "accepterVpc", "accepterAccount", "crossBorderApproval", "account"],
  },
  IdcSite: { update: ["name"], replace: ["cidrs", "account"] },
};

/** Inputs of optional fields the fixture world leaves out, so that every input has a value to change. */
const OPTIONAL: Partial<Record<ResourceType, JsonObject>> = {
  Subnet: { zone: "ap-guangzhou-3" },
  VpnGateway: { sslConnections: 5, chargeType: "PREPAID", periodMonths: 12 },
  CustomerGateway: { region: "ap-guangzhou", description: "rack 2" },
  VpnConnection: { customerDevice: { ikeVersion: "IKEV2", preSharedKey: "Device-Key-1" } },
  VpnGatewayRoute: { weight: 100 },
  PeeringConnection: { bandwidthMbps: 100, crossBorderApproval: "ticket-1", accept: true },
};

/** The fixture inputs of one type, references as fake IDs, every optional input filled. */
function fullInputs(type: ResourceType): JsonObject {
  const fixture = WORLD.find((w) => w.type === type)!;
  const ids = (v: unknown): unknown =>
    typeof v === "string" && v.startsWith("$") ? `id-${v.slice(1)}` : Array.isArray(v) ? v.map(ids) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, ids(x)])) : v;
  return { ...(ids(fixture.inputs) as JsonObject), ...OPTIONAL[type] };
}

/** A different value of the same kind. */
function changed(value: unknown): unknown {
  if (typeof value === "string") return `${value}-changed`;
  if (typeof value === "number") return value + 1;
  if (typeof value === "boolean") return !value;
  if (Array.isArray(value)) return value.length ? [changed(value[0]), ...value.slice(1)] : [{ localCidrs: ["10.0.0.0/16"], remoteCidrs: ["192.168.0.0/16"] }];
  const [first, v] = Object.entries(value as JsonObject)[0];
  return { ...(value as JsonObject), [first]: changed(v) };
}

const TYPES = Object.keys(EXPECTED) as ResourceType[];

describe("diff: each input changed alone", () => {
  const cases = TYPES.flatMap((type) => [
    ...EXPECTED[type].update.map((field) => [type, field, "update"] as const),
    ...EXPECTED[type].replace.map((field) => [type, field, "replace"] as const),
  ]);

  test.each(cases)("%s.%s → %s", (type, field, expected) => {
    const olds = fullInputs(type);
    expect(olds[field]).toBeDefined();
    const result = diff(type, olds, { ...olds, [field]: changed(olds[field]) });
    expect(result.changes).toBe(true);
    expect(expected === "update" ? result.updates : result.replaces).toEqual([field]);
    expect(expected === "update" ? result.replaces : result.updates).toEqual([]);
    expect(result.deleteBeforeReplace).toBe(expected === "replace");
  });

  test.each(TYPES)("%s: the table covers every input, and no change is no change", (type) => {
    expect([...EXPECTED[type].update, ...EXPECTED[type].replace].sort()).toEqual([...FIELD_TABLES[type].inputs].sort());
    const olds = fullInputs(type);
    expect(diff(type, olds, { ...olds })).toEqual({ changes: false, replaces: [], updates: [], deleteBeforeReplace: false });
  });
});

describe("diff: values", () => {
  const olds = fullInputs("VpnConnection");

  test("key order and null-versus-absent are not changes", () => {
    const reordered = Object.fromEntries(Object.entries(olds).reverse());
    const ike = olds.ike as JsonObject;
    reordered.ike = Object.fromEntries(Object.entries(ike).reverse());
    expect(diff("VpnConnection", olds, { ...reordered, vpc: olds.vpc }).changes).toBe(false);
    const withoutZone = fullInputs("Subnet");
    delete withoutZone.zone;
    expect(diff("Subnet", withoutZone, { ...withoutZone, zone: null }).changes).toBe(false);
  });

  test("a value not known yet counts as changed: replace when immutable, update when mutable", () => {
    expect(diff("VpnConnection", olds, { ...olds, vpnGateway: UNKNOWN }).replaces).toEqual(["vpnGateway"]);
    expect(diff("Subnet", fullInputs("Subnet"), { ...fullInputs("Subnet"), routeTable: UNKNOWN }).updates).toEqual(["routeTable"]);
    expect(diff("VpnConnection", olds, { ...olds, preSharedKey: UNKNOWN }).updates).toEqual(["preSharedKey"]);
  });

  test("removing a modifiable input replaces (Modify sets values, it cannot clear them)", () => {
    const { healthCheck: _hc, ...news } = olds;
    expect(diff("VpnConnection", olds, news)).toMatchObject({ replaces: ["healthCheck"], updates: [] });
    const peering = fullInputs("PeeringConnection");
    const { accept: _accept, ...withoutAccept } = peering;
    // `accept` is the provider's own setting: turning it off is nothing to replace.
    expect(diff("PeeringConnection", peering, withoutAccept)).toMatchObject({ replaces: [], updates: ["accept"] });
  });

  test("a secret compares against a digest of the old key as against the key itself", () => {
    const digested = { ...olds, preSharedKey: digestSecret(TEST_PSK, DIGEST_KEY) };
    expect(digested.preSharedKey).toMatch(/^hmac1\$[A-Za-z0-9_-]{43}$/);
    expect(diff("VpnConnection", digested, olds, DIGEST_KEY).changes).toBe(false);
    expect(diff("VpnConnection", digested, { ...olds, preSharedKey: "Rotated-Key-2" }, DIGEST_KEY).updates).toEqual(["preSharedKey"]);
  });

  test("a keyed digest matches only under the key it was made with: another store's key, or none, plans an update", () => {
    const digested = { ...olds, preSharedKey: digestSecret(TEST_PSK, DIGEST_KEY) };
    expect(diff("VpnConnection", digested, olds, Buffer.alloc(32, 9)).updates).toEqual(["preSharedKey"]);
    expect(diff("VpnConnection", digested, olds).updates).toEqual(["preSharedKey"]);
  });

  test("a digest recorded by an older hybridlink (salted scrypt) still matches its key", () => {
    const salt = Buffer.from("0123456789abcdef");
    const legacy = `scrypt$${salt.toString("base64url")}$${scryptSync(TEST_PSK, salt, 32, { N: 1 << 14 }).toString("base64url")}`;
    expect(diff("VpnConnection", { ...olds, preSharedKey: legacy }, olds, DIGEST_KEY).changes).toBe(false);
    expect(diff("VpnConnection", { ...olds, preSharedKey: legacy }, { ...olds, preSharedKey: "Rotated-Key-2" }, DIGEST_KEY).updates).toEqual(["preSharedKey"]);
  });

  test("the customer device's nested key is a secret too: only it changing is an update of customerDevice", () => {
    const device = olds.customerDevice as JsonObject;
    const digested = { ...olds, customerDevice: { ...device, preSharedKey: digestSecret(String(device.preSharedKey), DIGEST_KEY) } };
    expect(diff("VpnConnection", digested, olds, DIGEST_KEY).changes).toBe(false);
    expect(diff("VpnConnection", digested, { ...olds, customerDevice: { ...device, preSharedKey: "Other-Device-Key" } }, DIGEST_KEY).updates).toEqual(["customerDevice"]);
  });

  test("Pulumi's secret wrappers are looked through", () => {
    const wrapped = { ...olds, preSharedKey: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: TEST_PSK } };
    expect(diff("VpnConnection", wrapped, olds).changes).toBe(false);
  });
});
