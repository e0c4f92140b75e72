import { provisioningSeconds } from "../../../providers/cloud/actions/vpn-gateway";
import {
  closeEngines,
  create,
  deleteResource,
  diff,
  engineFor,
  JsonObject,
  ProviderError,
  read,
  update,
} from "../../../providers/dynamic";
import { ACCOUNT_A, ACCOUNT_B, createWorld, grantWorldTickets, MEMORY, resolveInputs, TEST_PSK, WORLD, worldResource } from "./world";

const engine = () => engineFor(MEMORY);
const asA = { account: ACCOUNT_A };
let ids: Record<string, string>;
let clockBefore: number;

function items(action: string, account = ACCOUNT_A): JsonObject[] {
  return engine().request(action, {}, { account }).items as JsonObject[];
}

function inputsOf(name: string): JsonObject {
  return resolveInputs(worldResource(name).inputs, ids);
}

function elapsed(): number {
  return Number(engine().request("DescribeClock", {}, asA).elapsedSeconds);
}

beforeAll(() => {
  grantWorldTickets(engine());
  clockBefore = elapsed();
  ids = createWorld(create);
});

afterAll(() => closeEngines());

describe("create", () => {
  test("creates one resource of every type with the inputs' references", () => {
    expect(Object.keys(ids)).toEqual(WORLD.map((w) => w.name));
    const [connection] = items("DescribeVpnConnections");
    expect(connection).toMatchObject({ id: ids.connection, vpnGateway: ids.gateway, customerGateway: ids.device, vpc: ids.vpc });
  });

  test("waits for the VPN gateway on the engine clock: AVAILABLE, after exactly its own provisioning time (1–5 minutes)", () => {
    const [gateway] = items("DescribeVpnGateways");
    expect(gateway.state).toBe("AVAILABLE");
    expect(elapsed() - clockBefore).toBe(provisioningSeconds(gateway.id as string, [60, 300]));
  });

  test("a refused create changes nothing and passes the cloud's error code through", () => {
    const before = items("DescribeSubnets").length;
    const overlapping = { ...inputsOf("subnet"), name: "overlap", cidr: "10.0.1.128/25" };
    expect(() => create("Subnet", overlapping, MEMORY)).toThrow(expect.objectContaining({ code: "InvalidParameterValue.SubnetConflict" }));
    expect(items("DescribeSubnets")).toHaveLength(before);
  });

  test("all or nothing: a gateway that is not AVAILABLE within the wait is deleted again, and the clock is not moved past the limit", () => {
    const before = items("DescribeVpnGateways").length;
    const clock = elapsed();
    const gateway = { ...inputsOf("gateway"), name: "slow", type: "CCN", vpc: undefined };
    let error: unknown;
    try {
      create("VpnGateway", gateway, { ...MEMORY, maxWaitSeconds: 60 });
    } catch (err) {
      error = err;
    }
    expect(ProviderError.isProviderError(error)).toBe(true);
    expect(error).toMatchObject({ code: "WaitTimeout" });
    expect((error as Error).message).toMatch(/still PENDING after 0 simulated seconds \(limit 60 s\).*deleted again; nothing is left behind/);
    expect(items("DescribeVpnGateways")).toHaveLength(before);
    expect(elapsed()).toBe(clock);
  });

  test("the account comes from the inputs, else from the settings, else it is an AuthFailure naming HYBRIDLINK_ACCOUNT", () => {
    const ccn = { name: "from-settings" };
    const made = create("Ccn", ccn, { ...MEMORY, account: ACCOUNT_B });
    expect(items("DescribeCcns", ACCOUNT_B).map((c) => c.id)).toEqual([made.id]);
    expect(() => create("Ccn", ccn, MEMORY)).toThrow(/none is known.*HYBRIDLINK_ACCOUNT/);
  });
});

describe("read", () => {
  test.each(WORLD.map((w) => [w.type, w.name] as const))("%s (%s): inputs read back diff as unchanged", (type, name) => {
    const inputs = inputsOf(name);
    const found = read(type, ids[name], { account: inputs.account, preSharedKey: inputs.preSharedKey }, MEMORY)!;
    expect(found.id).toBe(ids[name]);
    expect(diff(type, inputs, found.inputs)).toMatchObject({ changes: false });
  });

  test("outputs carry the cloud's attributes and never a key", () => {
    const gateway = read("VpnGateway", ids.gateway, asA, MEMORY)!;
    expect(gateway.item).toMatchObject({ state: "AVAILABLE", publicIp: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/) });
    const connection = read("VpnConnection", ids.connection, asA, MEMORY)!;
    expect(JSON.stringify(connection.item)).not.toContain(TEST_PSK);
    // Without the key in the props, the inputs have none: the cloud never returns it.
    expect(connection.inputs.preSharedKey).toBeUndefined();
  });

  test("import: an ID alone, the account from the settings (HYBRIDLINK_ACCOUNT), gives inputs to adopt", () => {
    const found = read("VpnGatewayRoute", ids.gatewayRoute, {}, { ...MEMORY, account: ACCOUNT_A })!;
    expect(found.inputs).toEqual(inputsOf("gatewayRoute"));
    expect(() => read("VpnGatewayRoute", ids.gatewayRoute, {}, MEMORY)).toThrow(expect.objectContaining({ code: "AuthFailure" }));
  });

  test("a resource that is gone reads as undefined (refresh drops it)", () => {
    const made = create("IdcSite", { name: "gone", cidrs: ["172.20.0.0/16"], account: ACCOUNT_A }, MEMORY);
    deleteResource("IdcSite", made.id, asA, MEMORY);
    expect(read("IdcSite", made.id, asA, MEMORY)).toBeUndefined();
  });
});

describe("update", () => {
  test("modifies what the cloud can change in place", () => {
    const olds = inputsOf("gatewayRoute");
    const news = { ...olds, priority: 100, publishToVpc: false };
    const result = update("VpnGatewayRoute", ids.gatewayRoute, olds, news, MEMORY);
    expect(result.item).toMatchObject({ priority: 100, publishToVpc: false });
    update("VpnGatewayRoute", ids.gatewayRoute, news, olds, MEMORY);
    expect(items("DescribeVpnGatewayRoutes")[0]).toMatchObject({ priority: 0, publishToVpc: true });
  });

  test("rotates the pre-shared key (the device configuration download with the key shows the new one)", () => {
    const olds = inputsOf("connection");
    update("VpnConnection", ids.connection, olds, { ...olds, preSharedKey: "Rotated-Key-0002" }, MEMORY);
    const download = engine().request("DownloadCustomerGatewayConfiguration", { id: ids.connection, includePreSharedKey: true }, asA);
    expect(JSON.stringify(download.configuration)).toContain("Rotated-Key-0002");
    update("VpnConnection", ids.connection, { ...olds, preSharedKey: "Rotated-Key-0002" }, olds, MEMORY);
  });

  test("refuses a change that needs a replacement, naming the inputs, and changes nothing", () => {
    const olds = inputsOf("vpc");
    expect(() => update("Vpc", ids.vpc, olds, { ...olds, name: "renamed", cidrs: ["10.9.0.0/16"] }, MEMORY)).toThrow(
      expect.objectContaining({ code: "ReplacementRequired", message: expect.stringContaining("'cidrs' cannot be changed in place") }),
    );
    expect(items("DescribeVpcs")[0]).toMatchObject({ name: "vpc-a", cidrs: ["10.0.0.0/16"] });
  });
});

describe("cross-account peering", () => {
  test("created PENDING; turning `accept` on accepts it as the accepter account", () => {
    expect(read("PeeringConnection", ids.peering, asA, MEMORY)!.item.state).toBe("PENDING");
    const olds = inputsOf("peering");
    const accepted = update("PeeringConnection", ids.peering, olds, { ...olds, accept: true }, MEMORY);
    expect(accepted.item.state).toBe("ACTIVE");
  });

  test("created with `accept` it is ACTIVE at once", () => {
    const third = create("Vpc", { name: "vpc-c", region: "ap-guangzhou", cidrs: ["10.3.0.0/16"], account: ACCOUNT_B }, MEMORY);
    const made = create(
      "PeeringConnection",
      { name: "a-c", requesterVpc: ids.vpc, accepterVpc: third.id, accepterAccount: ACCOUNT_B, accept: true, account: ACCOUNT_A },
      MEMORY,
    );
    expect(made.item.state).toBe("ACTIVE");
    deleteResource("PeeringConnection", made.id, asA, MEMORY);
    deleteResource("Vpc", third.id, { account: ACCOUNT_B }, MEMORY);
  });
});

describe("delete", () => {
  test("deleting what is already gone is success; the accepter deleting first is the same", () => {
    const peer = create("Vpc", { name: "vpc-d", region: "ap-guangzhou", cidrs: ["10.4.0.0/16"], account: ACCOUNT_B }, MEMORY);
    const peering = create(
      "PeeringConnection",
      { name: "a-d", requesterVpc: ids.vpc, accepterVpc: peer.id, accepterAccount: ACCOUNT_B, account: ACCOUNT_A },
      MEMORY,
    );
    deleteResource("PeeringConnection", peering.id, { account: ACCOUNT_B }, MEMORY);
    expect(() => deleteResource("PeeringConnection", peering.id, asA, MEMORY)).not.toThrow();
    expect(() => deleteResource("PeeringConnection", peering.id, asA, MEMORY)).not.toThrow();
  });

  test("a refused delete is not swallowed: a VPC still in use stays, with the cloud's code", () => {
    expect(() => deleteResource("Vpc", ids.vpc, asA, MEMORY)).toThrow(expect.objectContaining({ code: "ResourceInUse" }));
    expect(items("DescribeVpcs").map((v) => v.id)).toContain(ids.vpc);
  });
});
