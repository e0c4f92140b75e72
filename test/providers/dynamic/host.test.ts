/**
 * GIVEN Pulumi's own dynamic-provider host (@pulumi/pulumi/cmd/dynamic-provider), a plain node
 *       process with HYBRIDLINK_STATE naming a store file
 * WHEN it is driven over gRPC with the SDK's generated stubs, as the Pulumi engine drives it:
 *      Check, Diff, Create, Read, Update and Delete, each request carrying the serialized
 *      provider in `__provider`, inputs as protobuf Structs, secrets sent plain (the host
 *      declares it does not accept secrets)
 * THEN the serialized providers find the built CRUD (dist/) by their captured path and manage
 *      the resources in the engine, and a pre-shared key comes back only as a secret.
 */
import * as grpc from "@grpc/grpc-js";
import { ChildProcess, execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as readline from "readline";
import { ResourceType } from "../../../lib/core/manifest";
import { closeEngines, engineFor, JsonObject } from "../../../providers/dynamic";
import { ACCOUNT_A, ACCOUNT_B, grantWorldTickets, TEST_PSK, WORLD, resolveInputs } from "./world";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ResourceProviderClient } = require("@pulumi/pulumi/proto/provider_grpc_pb");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const proto = require("@pulumi/pulumi/proto/provider_pb");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Struct } = require("google-protobuf/google/protobuf/struct_pb");

const ROOT = path.resolve(__dirname, "../../..");
const DIST_PROVIDERS = path.join(ROOT, "dist/providers/dynamic");
const HOST = path.join(ROOT, "node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js");
const SIG = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

let dir: string;
let storePath: string;
let host: ChildProcess;
let client: any;
const others: ChildProcess[] = [];
let serialized = new Map<ResourceType, string>();

/**
 * The providers as a Pulumi program running from the build serializes them: in a plain node
 * process (jest's sandbox is another realm, whose functions Pulumi's serializer would not
 * recognise), with the built `dynamicProvider`, so the captured module path is dist's.
 */
function serializeBuiltProviders(types: readonly ResourceType[], modulePath?: string): Map<ResourceType, string> {
  const script = `
    const pulumi = require("@pulumi/pulumi");
    const { dynamicProvider } = require(${JSON.stringify(DIST_PROVIDERS)});
    (async () => {
      const texts = {};
      for (const type of ${JSON.stringify(types)}) {
        const provider = dynamicProvider(type, { profile: "tencent", modulePath: ${JSON.stringify(modulePath)} });
        texts[type] = (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
      }
      process.stdout.write(JSON.stringify(texts));
    })();`;
  const texts = JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" })) as Record<ResourceType, string>;
  return new Map(types.map((t) => [t, texts[t]]));
}

/** Starts Pulumi's dynamic-provider host in `cwd` with only PATH and HYBRIDLINK_STATE in its environment; returns a client. */
async function startHost(cwd: string): Promise<{ process: ChildProcess; client: any }> {
  // The host needs the engine's address as its argument; the dynamic provider never calls back without `configure`.
  const child = spawn(process.execPath, [HOST, "127.0.0.1:1"], {
    cwd,
    env: { PATH: process.env.PATH ?? "", HYBRIDLINK_STATE: storePath },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`dynamic-provider host exited with ${code}`)));
    readline.createInterface({ input: child.stdout! }).once("line", resolve);
  });
  return { process: child, client: new ResourceProviderClient(`127.0.0.1:${port.trim()}`, grpc.credentials.createInsecure()) };
}

async function providerText(type: ResourceType): Promise<string> {
  const text = serialized.get(type);
  if (!text) throw new Error(`no serialized provider for ${type}`);
  return text;
}

function urn(type: ResourceType, name: string): string {
  return `urn:pulumi:test::hybridlink::pulumi-nodejs:dynamic/hybridlink:${type}::${name}`;
}

async function struct(type: ResourceType, props: JsonObject): Promise<any> {
  return Struct.fromJavaScript({ ...props, __provider: await providerText(type) });
}

function call<T>(method: string, request: unknown): Promise<T> {
  return new Promise((resolve, reject) => client[method](request, (err: Error | null, res: T) => (err ? reject(err) : resolve(res))));
}

function withoutProvider(props: JsonObject): JsonObject {
  const { __provider: _p, ...rest } = props;
  return rest;
}

async function check(type: ResourceType, name: string, news: JsonObject) {
  const req = new proto.CheckRequest();
  req.setUrn(urn(type, name));
  req.setOlds(Struct.fromJavaScript({}));
  req.setNews(await struct(type, news));
  const res: any = await call("check", req);
  return {
    inputs: withoutProvider(res.getInputs().toJavaScript()),
    failures: res.getFailuresList().map((f: any) => ({ property: f.getProperty(), reason: f.getReason() })),
  };
}

async function diff(type: ResourceType, name: string, id: string, olds: JsonObject, news: JsonObject) {
  const req = new proto.DiffRequest();
  req.setId(id);
  req.setUrn(urn(type, name));
  req.setOlds(await struct(type, olds));
  req.setNews(await struct(type, news));
  const res: any = await call("diff", req);
  const changes = { [proto.DiffResponse.DiffChanges.DIFF_NONE]: "none", [proto.DiffResponse.DiffChanges.DIFF_SOME]: "some" }[res.getChanges()] ?? "unknown";
  return { changes, replaces: res.getReplacesList() as string[], deleteBeforeReplace: res.getDeletebeforereplace() as boolean };
}

async function createResource(type: ResourceType, name: string, props: JsonObject) {
  const req = new proto.CreateRequest();
  req.setUrn(urn(type, name));
  req.setProperties(await struct(type, props));
  const res: any = await call("create", req);
  return { id: res.getId() as string, properties: withoutProvider(res.getProperties().toJavaScript()) };
}

async function readResource(type: ResourceType, name: string, id: string, props: JsonObject) {
  const req = new proto.ReadRequest();
  req.setId(id);
  req.setUrn(urn(type, name));
  req.setProperties(await struct(type, props));
  const res: any = await call("read", req);
  return {
    id: res.getId() as string,
    properties: withoutProvider(res.getProperties()?.toJavaScript() ?? {}),
    inputs: withoutProvider(res.getInputs()?.toJavaScript() ?? {}),
  };
}

async function updateResource(type: ResourceType, name: string, id: string, olds: JsonObject, news: JsonObject) {
  const req = new proto.UpdateRequest();
  req.setId(id);
  req.setUrn(urn(type, name));
  req.setOlds(await struct(type, olds));
  req.setNews(await struct(type, news));
  const res: any = await call("update", req);
  return withoutProvider(res.getProperties().toJavaScript());
}

async function deleteResource_(type: ResourceType, name: string, id: string, props: JsonObject): Promise<void> {
  const req = new proto.DeleteRequest();
  req.setId(id);
  req.setUrn(urn(type, name));
  req.setProperties(await struct(type, props));
  await call("delete", req);
}

/** What the engine sends back as olds: the stored outputs, secrets unwrapped (the host does not accept secrets). */
function plain(props: JsonObject): JsonObject {
  return JSON.parse(JSON.stringify(props), (_k, v) => (v && typeof v === "object" && v[SIG] === SECRET_SIG ? v.value : v)) as JsonObject;
}

const engine = () => engineFor({ statePath: storePath });

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST_PROVIDERS, "index.js"))) {
    throw new Error(`${DIST_PROVIDERS}/index.js is missing: run \`npm run build\` (npm test does it first).`);
  }
  serialized = serializeBuiltProviders([...new Set(WORLD.map((w) => w.type))]);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hybridlink-host-"));
  storePath = path.join(dir, "state.db");
  grantWorldTickets(engine());
  ({ process: host, client } = await startHost(ROOT));
});

afterAll(() => {
  client?.close();
  host?.kill();
  for (const h of others) h.kill();
  closeEngines();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("Vpc over gRPC", () => {
  const vpc = { name: "vpc-a", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"], account: ACCOUNT_A };
  let id: string;
  let properties: JsonObject;

  test("Check passes valid inputs through and fails bad ones with the rule ID", async () => {
    expect(await check("Vpc", "vpc", vpc)).toEqual({ inputs: vpc, failures: [] });
    const bad = await check("Vpc", "vpc", { ...vpc, cidrs: ["10.0.0.1/16"] });
    expect(bad.failures).toEqual([{ property: "cidrs[0]", reason: expect.stringMatching(/^\[HL-ADDR-002\] .*use '10\.0\.0\.0\/16'/) }]);
  });

  test("the serialized provider captured the built module's absolute path and plain settings only", () => {
    const text = serialized.get("Vpc")!;
    expect(text).toContain(JSON.stringify(DIST_PROVIDERS));
    expect(text).toContain('__target.type = "Vpc"');
    expect(text).not.toMatch(/CloudEngine|better-sqlite3|state\.db/);
  });

  test("Create makes the VPC in the engine and returns its ID and outputs", async () => {
    ({ id, properties } = await createResource("Vpc", "vpc", vpc));
    expect(id).toMatch(/^vpc-/);
    expect(properties).toMatchObject({ ...vpc, createdAt: expect.any(String) });
    expect(engine().request("DescribeVpcs", { ids: [id] }, { account: ACCOUNT_A }).items).toEqual([expect.objectContaining({ name: "vpc-a" })]);
  });

  test("Diff: a name is an update, a CIDR a delete-before-replace", async () => {
    expect(await diff("Vpc", "vpc", id, properties, { ...vpc })).toEqual({ changes: "none", replaces: [], deleteBeforeReplace: false });
    expect(await diff("Vpc", "vpc", id, properties, { ...vpc, name: "renamed" })).toEqual({ changes: "some", replaces: [], deleteBeforeReplace: false });
    expect(await diff("Vpc", "vpc", id, properties, { ...vpc, cidrs: ["10.9.0.0/16"] })).toEqual({ changes: "some", replaces: ["cidrs"], deleteBeforeReplace: true });
  });

  test("Update renames in place; Read returns the new inputs and outputs", async () => {
    const updated = await updateResource("Vpc", "vpc", id, properties, { ...vpc, name: "renamed" });
    expect(updated).toMatchObject({ name: "renamed" });
    const read = await readResource("Vpc", "vpc", id, updated);
    expect(read.id).toBe(id);
    expect(read.inputs).toEqual({ ...vpc, name: "renamed" });
    expect(read.properties).toMatchObject({ name: "renamed", createdAt: expect.any(String) });
  });

  test("Delete removes it; deleting again succeeds; Read then answers with no ID", async () => {
    await deleteResource_("Vpc", "vpc", id, { account: ACCOUNT_A });
    await deleteResource_("Vpc", "vpc", id, { account: ACCOUNT_A });
    expect((await readResource("Vpc", "vpc", id, { account: ACCOUNT_A })).id).toBe("");
  });
});

describe("VpnConnection over gRPC: the pre-shared key", () => {
  const ids: Record<string, string> = {};
  let id: string;
  let inputs: JsonObject;
  let properties: JsonObject;

  beforeAll(async () => {
    for (const name of ["vpc", "table", "subnet", "site", "device", "gateway"]) {
      const w = WORLD.find((r) => r.name === name)!;
      ids[name] = (await createResource(w.type, name, resolveInputs(w.inputs, ids))).id;
    }
    inputs = resolveInputs(WORLD.find((r) => r.name === "connection")!.inputs, ids);
  });

  test("the gateway Create waited for AVAILABLE on the engine clock", () => {
    expect(engine().request("DescribeVpnGateways", { ids: [ids.gateway] }, { account: ACCOUNT_A }).items).toEqual([
      expect.objectContaining({ state: "AVAILABLE" }),
    ]);
  });

  test("Create returns the key only as a secret; the engine's Describe has no key", async () => {
    expect((await check("VpnConnection", "tunnel", inputs)).failures).toEqual([]);
    ({ id, properties } = await createResource("VpnConnection", "tunnel", inputs));
    expect(properties.preSharedKey).toEqual({ [SIG]: SECRET_SIG, value: TEST_PSK });
    expect(properties).toMatchObject({ vpnGateway: ids.gateway, customerGateway: ids.device, state: expect.any(String) });
    expect(JSON.stringify(engine().request("DescribeVpnConnections", {}, { account: ACCOUNT_A }))).not.toContain(TEST_PSK);
  });

  test("a key outside the charset fails Check without being echoed", async () => {
    const { failures } = await check("VpnConnection", "tunnel", { ...inputs, preSharedKey: "not a key" });
    expect(failures).toEqual([{ property: "preSharedKey", reason: expect.stringMatching(/^\[HL-VPN-008\]/) }]);
    expect(JSON.stringify(failures)).not.toContain("not a key");
  });

  test("Diff: a rotated key is an in-place update, another gateway a replacement", async () => {
    const olds = plain(properties);
    expect(await diff("VpnConnection", "tunnel", id, olds, inputs)).toMatchObject({ changes: "none" });
    expect(await diff("VpnConnection", "tunnel", id, olds, { ...inputs, preSharedKey: "Rotated-Key-0002" })).toEqual({
      changes: "some",
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect(await diff("VpnConnection", "tunnel", id, olds, { ...inputs, vpnGateway: "vpngw-other" })).toMatchObject({ replaces: ["vpnGateway"] });
  });

  test("Update rotates the key in the engine; Read keeps it secret", async () => {
    const updated = await updateResource("VpnConnection", "tunnel", id, plain(properties), { ...inputs, preSharedKey: "Rotated-Key-0002" });
    expect(updated.preSharedKey).toEqual({ [SIG]: SECRET_SIG, value: "Rotated-Key-0002" });
    const download = engine().request("DownloadCustomerGatewayConfiguration", { id, includePreSharedKey: true }, { account: ACCOUNT_A });
    expect(JSON.stringify(download.configuration)).toContain("Rotated-Key-0002");
    const read = await readResource("VpnConnection", "tunnel", id, plain(updated));
    expect(read.inputs.preSharedKey).toEqual({ [SIG]: SECRET_SIG, value: "Rotated-Key-0002" });
    expect(read.properties.preSharedKey).toEqual({ [SIG]: SECRET_SIG, value: "Rotated-Key-0002" });
  });

  test("Delete removes it", async () => {
    await deleteResource_("VpnConnection", "tunnel", id, plain(properties));
    expect(engine().request("DescribeVpnConnections", {}, { account: ACCOUNT_A }).items).toEqual([]);
  });
});

describe("PeeringConnection over gRPC: cross-account accept", () => {
  let requesterVpc: string;
  let accepterVpc: string;
  let id: string;
  let inputs: JsonObject;
  let properties: JsonObject;

  beforeAll(async () => {
    requesterVpc = (await createResource("Vpc", "rq", { name: "rq", region: "ap-guangzhou", cidrs: ["10.5.0.0/16"], account: ACCOUNT_A })).id;
    accepterVpc = (await createResource("Vpc", "ac", { name: "ac", region: "ap-guangzhou", cidrs: ["10.6.0.0/16"], account: ACCOUNT_B })).id;
    inputs = { name: "rq-ac", requesterVpc, accepterVpc, accepterAccount: ACCOUNT_B, account: ACCOUNT_A };
  });

  test("Create without accept: PENDING until the other account accepts", async () => {
    ({ id, properties } = await createResource("PeeringConnection", "peering", inputs));
    expect(properties).toMatchObject({ state: "PENDING", expiresAt: expect.any(String), requesterAccount: ACCOUNT_A });
  });

  test("Diff: turning `accept` on is an update; another accepter VPC a replacement", async () => {
    expect(await diff("PeeringConnection", "peering", id, properties, { ...inputs, accept: true })).toEqual({
      changes: "some",
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect(await diff("PeeringConnection", "peering", id, properties, { ...inputs, accepterVpc: requesterVpc })).toMatchObject({
      replaces: ["accepterVpc"],
    });
  });

  test("Update with accept accepts as the accepter account: ACTIVE, and Read shows it", async () => {
    properties = await updateResource("PeeringConnection", "peering", id, properties, { ...inputs, accept: true });
    expect(properties.state).toBe("ACTIVE");
    const asAccepter = engine().request("DescribeVpcPeeringConnections", { ids: [id] }, { account: ACCOUNT_B }).items as JsonObject[];
    expect(asAccepter[0]).toMatchObject({ state: "ACTIVE", accepterAccount: ACCOUNT_B });
    expect((await readResource("PeeringConnection", "peering", id, properties)).properties).toMatchObject({ state: "ACTIVE" });
  });

  test("once the accepter deletes it, Read drops it and Delete still succeeds", async () => {
    engine().request("DeleteVpcPeeringConnection", { id }, { account: ACCOUNT_B });
    expect((await readResource("PeeringConnection", "peering", id, properties)).id).toBe("");
    await deleteResource_("PeeringConnection", "peering", id, properties);
  });
});

describe("on a machine where the captured path does not exist", () => {
  test("the provider falls back to the package entry (hybridlink/providers/dynamic) of the project's node_modules", async () => {
    const project = path.join(dir, "project");
    fs.mkdirSync(path.join(project, "node_modules"), { recursive: true });
    fs.symlinkSync(ROOT, path.join(project, "node_modules", "hybridlink"), "dir");
    serialized = serializeBuiltProviders(["Ccn"], path.join(dir, "elsewhere", "providers", "dynamic"));
    const second = await startHost(project);
    others.push(second.process);
    client.close();
    client = second.client;
    const { id } = await createResource("Ccn", "ccn", { name: "moved", account: ACCOUNT_A });
    expect(engine().request("DescribeCcns", { ids: [id] }, { account: ACCOUNT_A }).items).toEqual([expect.objectContaining({ name: "moved" })]);
  });
});
