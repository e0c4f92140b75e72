import { IdcSite, Manifest, NetworkApp, SecretValue, Vpc, VpnGateway } from "../../../lib";
import {
  closeEngines,
  create,
  deleteResource,
  DeployedResource,
  DeploymentPlan,
  digestSecrets,
  engineFor,
  JsonObject,
  planDeployment,
  PriorState,
  resourceInputs,
  update,
} from "../../../providers/dynamic";
import { grantWorldTickets, MEMORY } from "./world";

const ACCOUNT = "100000000001";
const PARTNER = "200000000002";
const KEYS: Record<string, string> = { HL_PLAN_PSK: "Plan-Key-0001" };

interface AppOptions {
  readonly vpcName?: string;
  readonly deviceIp?: string;
  readonly withSubnet?: boolean;
  readonly withPeering?: boolean;
}

/** A VPC with a gateway and one tunnel to an IDC device, optionally a subnet and a cross-account peering. */
function manifestOf(options: AppOptions = {}): Manifest {
  const app = new NetworkApp({ profile: "tencent", defaultAccount: ACCOUNT, trustedAccounts: [PARTNER] });
  app.acknowledge("HL-VPN-015", "test: route tables are enabled for this account");
  app.acknowledge("HL-PEER-010", "test: the partner accepts later");
  const vpc = new Vpc(app, "Vpc", { name: options.vpcName ?? "vpc", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
  if (options.withSubnet ?? true) vpc.addSubnet("App", { cidr: "10.0.1.0/24" });
  const gateway = new VpnGateway(app, "Gateway", { vpc });
  const idc = new IdcSite(app, "Idc", { cidrs: ["192.168.0.0/16"] });
  const device = idc.addDevice("Device", { ipAddress: options.deviceIp ?? "203.0.113.10" });
  const tunnel = gateway.addConnection("Tunnel", { customerGateway: device, preSharedKey: SecretValue.fromEnv("HL_PLAN_PSK") });
  gateway.addRoute("ToIdc", { destinationCidr: "192.168.0.0/16", connection: tunnel });
  if (options.withPeering) {
    const partner = new Vpc(app, "PartnerVpc", { region: "ap-guangzhou", cidrs: ["10.1.0.0/16"], account: PARTNER });
    vpc.peerWith("Peering", partner).routeBothWays();
  }
  return app.synth();
}

/** Runs a plan's operations in order through the shared CRUD, as the CLI does; returns the new state. */
function apply(manifest: Manifest, prior: PriorState, plan: DeploymentPlan): PriorState {
  const state = new Map(prior.resources.map((r) => [r.logicalId, r]));
  const byId = new Map(manifest.resources.map((r) => [r.logicalId, r]));
  for (const op of plan.operations) {
    if (op.operation === "delete") {
      const old = state.get(op.logicalId)!;
      deleteResource(old.type, old.id, old.inputs, MEMORY);
      state.delete(op.logicalId);
      continue;
    }
    const resource = byId.get(op.logicalId)!;
    const inputs = resourceInputs<unknown>(resource, {
      ref: (ref) => {
        const target = state.get(ref.ref)!;
        return ref.attr === "id" ? target.id : target.outputs![ref.attr];
      },
      secret: (s) => KEYS[(s.secret as { name: string }).name],
    }) as JsonObject;
    const done =
      op.operation === "create" ? create(resource.type, inputs, MEMORY) : update(resource.type, op.id!, state.get(op.logicalId)!.inputs, inputs, MEMORY);
    const recorded: DeployedResource = {
      logicalId: resource.logicalId,
      type: resource.type,
      id: done.id,
      inputs: digestSecrets(resource.type, inputs, digestKey()),
      outputs: done.item,
      dependsOn: resource.dependsOn,
    };
    state.set(resource.logicalId, recorded);
  }
  return { resources: [...state.values()] };
}

/** The key the CLI digests recorded keys under: the engine store's. */
const digestKey = () => engineFor(MEMORY).secretDigestKey();
const resolveSecret = (source: { source: string; name?: string }) => KEYS[source.name ?? ""];
const actions = (plan: DeploymentPlan) => Object.fromEntries(plan.steps.map((s) => [s.logicalId, s.action]));
const ops = (plan: DeploymentPlan) => plan.operations.map((o) => `${o.operation} ${o.logicalId}`);

let state: PriorState = { resources: [] };

// The app's account holds the VPN route table's ticket (its connections are route-based).
beforeAll(() => grantWorldTickets(engineFor(MEMORY)));
afterAll(() => closeEngines());

test("from nothing: every resource is created, each after what it references", () => {
  const manifest = manifestOf();
  const plan = planDeployment(manifest, state, { resolveSecret, digestKey: digestKey() });
  expect(plan.counts).toEqual({ create: manifest.resources.length, update: 0, replace: 0, delete: 0, same: 0 });
  const position = new Map(plan.operations.map((o, i) => [o.logicalId, i]));
  for (const r of manifest.resources) for (const dep of r.dependsOn) expect(position.get(dep)!).toBeLessThan(position.get(r.logicalId)!);
  state = apply(manifest, state, plan);
  expect(state.resources).toHaveLength(manifest.resources.length);
  // The recorded state keeps a digest of the key, never the key.
  expect(JSON.stringify(state)).not.toContain(KEYS.HL_PLAN_PSK);
});

test("the same app again: nothing to do", () => {
  const plan = planDeployment(manifestOf(), state, { resolveSecret, digestKey: digestKey() });
  expect(plan.operations).toEqual([]);
  expect(new Set(plan.steps.map((s) => s.action))).toEqual(new Set(["same"]));
});

test("a new name is an in-place update of that resource only", () => {
  const manifest = manifestOf({ vpcName: "renamed" });
  const plan = planDeployment(manifest, state, { resolveSecret, digestKey: digestKey() });
  expect(plan.steps.filter((s) => s.action !== "same")).toEqual([
    { action: "update", logicalId: "Vpc", type: "Vpc", id: expect.stringMatching(/^vpc-/), changed: ["name"], replaces: [], reason: "name change in place" },
  ]);
  state = apply(manifest, state, plan);
  expect(engineFor(MEMORY).request("DescribeVpcs", {}, { account: ACCOUNT }).items).toEqual([expect.objectContaining({ name: "renamed" })]);
});

test("a rotated key is an update of the connection (compared against the recorded digest)", () => {
  KEYS.HL_PLAN_PSK = "Plan-Key-0002";
  const manifest = manifestOf({ vpcName: "renamed" });
  const plan = planDeployment(manifest, state, { resolveSecret, digestKey: digestKey() });
  expect(actions(plan)).toMatchObject({ "Gateway/Tunnel": "update" });
  expect(plan.steps.find((s) => s.logicalId === "Gateway/Tunnel")!.changed).toEqual(["preSharedKey"]);
  // Without a resolver, keys are not compared: nothing to do.
  expect(planDeployment(manifest, state).operations).toEqual([]);
  state = apply(manifest, state, plan);
  expect(planDeployment(manifest, state, { resolveSecret, digestKey: digestKey() }).operations).toEqual([]);
});

test("a new device IP replaces the device and, delete-before-replace, everything that references it; deletes go first, dependents first", () => {
  const manifest = manifestOf({ vpcName: "renamed", deviceIp: "203.0.113.20" });
  const plan = planDeployment(manifest, state, { resolveSecret, digestKey: digestKey() });
  expect(plan.steps.filter((s) => s.action !== "same").map((s) => [s.logicalId, s.action, s.reason])).toEqual([
    ["Idc/Device", "replace", "ipAddress cannot change in place"],
    ["Gateway/Tunnel", "replace", "customerGateway references 'Idc/Device', which is replaced"],
    ["Gateway/ToIdc", "replace", "nextHop references 'Gateway/Tunnel', which is replaced"],
  ]);
  expect(ops(plan)).toEqual([
    "delete Gateway/ToIdc",
    "delete Gateway/Tunnel",
    "delete Idc/Device",
    "create Idc/Device",
    "create Gateway/Tunnel",
    "create Gateway/ToIdc",
  ]);
  state = apply(manifest, state, plan);
  const devices = engineFor(MEMORY).request("DescribeCustomerGateways", {}, { account: ACCOUNT }).items as JsonObject[];
  expect(devices.map((d) => d.ipAddress)).toEqual(["203.0.113.20"]);
});

test("a resource gone from the app is deleted", () => {
  const manifest = manifestOf({ vpcName: "renamed", deviceIp: "203.0.113.20", withSubnet: false });
  const plan = planDeployment(manifest, state, { resolveSecret, digestKey: digestKey() });
  expect(ops(plan)).toEqual(["delete Vpc/App"]);
  expect(plan.steps.find((s) => s.logicalId === "Vpc/App")).toMatchObject({ action: "delete", reason: "no longer in the app" });
  state = apply(manifest, state, plan);
  expect(engineFor(MEMORY).request("DescribeSubnets", {}, { account: ACCOUNT }).items).toEqual([]);
});

test("a cross-account peering is planned pending the partner's acceptance, unless the deployment accepts it", () => {
  const manifest = manifestOf({ vpcName: "renamed", deviceIp: "203.0.113.20", withSubnet: false, withPeering: true });
  const pending = planDeployment(manifest, state, { resolveSecret, digestKey: digestKey() }).steps.find((s) => s.type === "PeeringConnection")!;
  expect(pending).toMatchObject({ action: "create", pendingAcceptanceBy: PARTNER });
  const accepted = planDeployment(manifest, state, { resolveSecret, digestKey: digestKey(), acceptPeerings: true }).steps.find((s) => s.type === "PeeringConnection")!;
  expect(accepted.pendingAcceptanceBy).toBeUndefined();
});
