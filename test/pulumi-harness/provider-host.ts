import { ChildProcess, spawn } from "child_process";
import { createRequire } from "module";
import * as path from "path";
import { fromStruct, JsonObject, toStruct } from "./wire";

/* eslint-disable @typescript-eslint/no-require-imports */
const grpc = require("@grpc/grpc-js");
const providerRpc = require("@pulumi/pulumi/proto/provider_grpc_pb");
const providerPb = require("@pulumi/pulumi/proto/provider_pb");
const structproto = require("google-protobuf/google/protobuf/struct_pb");
const emptyproto = require("google-protobuf/google/protobuf/empty_pb");

export interface DiffAnswer {
  readonly changes: "none" | "some" | "unknown";
  readonly replaces: readonly string[];
  readonly deleteBeforeReplace: boolean;
}

/**
 * The `pulumi-nodejs` resource plugin as the engine runs it: the
 * pulumi-resource-pulumi-nodejs script is `node <@pulumi/pulumi/cmd/dynamic-provider> <engine>`
 * started in the project folder, which prints its gRPC port on stdout; then
 * GetPluginInfo and Configure, then Check/Diff/Create/Update/Delete per resource.
 */
export class ProviderHost {
  public static async start(projectDir: string, engineAddress: string, env: NodeJS.ProcessEnv): Promise<ProviderHost> {
    const script = createRequire(path.join(projectDir, "Pulumi.yaml")).resolve("@pulumi/pulumi/cmd/dynamic-provider");
    const child = spawn(process.execPath, [script, engineAddress], { cwd: projectDir, env, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    const port = await new Promise<number>((resolve, reject) => {
      let out = "";
      child.stdout!.on("data", (d: Buffer) => {
        out += d.toString();
        const line = out.split("\n")[0];
        if (out.includes("\n")) resolve(Number(line.trim()));
      });
      child.on("exit", (code) => reject(new Error(`dynamic-provider exited (${code}) before printing its port: ${stderr}`)));
    });
    const client = new providerRpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    const host = new ProviderHost(child, client, () => stderr);
    await host.call("getPluginInfo", new emptyproto.Empty());
    const configure = new providerPb.ConfigureRequest();
    configure.setArgs(structproto.Struct.fromJavaScript({}));
    configure.setAcceptsecrets(true);
    configure.setAcceptresources(true);
    configure.setSendsOldInputs(true);
    configure.setSendsOldInputsToDelete(true);
    const configured = await host.call("configure", configure);
    host.acceptsSecrets = configured.getAcceptsecrets();
    return host;
  }

  /** What Configure answered: the dynamic provider says false, so the engine sends it plain values. */
  public acceptsSecrets = false;

  private constructor(
    private readonly child: ChildProcess,
    private readonly client: any,
    public readonly stderr: () => string,
  ) {}

  public async check(urn: string, olds: JsonObject, news: JsonObject): Promise<{ inputs: JsonObject; failures: { property: string; reason: string }[] }> {
    const req = new providerPb.CheckRequest();
    req.setUrn(urn);
    req.setOlds(toStruct(olds));
    req.setNews(toStruct(news));
    const resp = await this.call("check", req);
    const failures = resp.getFailuresList().map((f: any) => ({ property: f.getProperty(), reason: f.getReason() }));
    return { inputs: fromStruct(resp.getInputs()), failures };
  }

  public async diff(urn: string, id: string, olds: JsonObject, news: JsonObject, oldInputs: JsonObject): Promise<DiffAnswer> {
    const req = new providerPb.DiffRequest();
    req.setUrn(urn);
    req.setId(id);
    req.setOlds(toStruct(olds));
    req.setNews(toStruct(news));
    req.setOldInputs(toStruct(oldInputs));
    const resp = await this.call("diff", req);
    const codes = providerPb.DiffResponse.DiffChanges;
    const changes = resp.getChanges() === codes.DIFF_SOME ? "some" : resp.getChanges() === codes.DIFF_NONE ? "none" : "unknown";
    return { changes, replaces: resp.getReplacesList(), deleteBeforeReplace: resp.getDeletebeforereplace() };
  }

  public async create(urn: string, properties: JsonObject): Promise<{ id: string; outputs: JsonObject }> {
    const req = new providerPb.CreateRequest();
    req.setUrn(urn);
    req.setProperties(toStruct(properties));
    const resp = await this.call("create", req);
    return { id: resp.getId(), outputs: fromStruct(resp.getProperties()) };
  }

  public async update(urn: string, id: string, olds: JsonObject, news: JsonObject, oldInputs: JsonObject): Promise<JsonObject> {
    const req = new providerPb.UpdateRequest();
    req.setUrn(urn);
    req.setId(id);
    req.setOlds(toStruct(olds));
    req.setNews(toStruct(news));
    req.setOldInputs(toStruct(oldInputs));
    return fromStruct((await this.call("update", req)).getProperties());
  }

  public async delete(urn: string, id: string, properties: JsonObject, oldInputs: JsonObject): Promise<void> {
    const req = new providerPb.DeleteRequest();
    req.setUrn(urn);
    req.setId(id);
    req.setProperties(toStruct(properties));
    req.setOldInputs(toStruct(oldInputs));
    await this.call("delete", req);
  }

  /** Stops the plugin, as the engine does at the end of a deployment. */
  public async stop(): Promise<void> {
    this.client.close();
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.kill("SIGTERM");
    await exited;
  }

  private call(method: string, req: unknown): Promise<any> {
    return new Promise((resolve, reject) =>
      this.client[method](req, (err: Error | null, resp: unknown) => (err ? reject(new Error(`${method}: ${err.message}`)) : resolve(resp))),
    );
  }
}
