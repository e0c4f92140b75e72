import { ResourceState } from "./checkpoint";
import { ProviderHost } from "./provider-host";
import { Step, stepFor } from "./steps";
import { fromStruct, JsonObject, reveal, toStruct } from "./wire";

/* eslint-disable @typescript-eslint/no-require-imports */
const grpc = require("@grpc/grpc-js");
const resourceRpc = require("@pulumi/pulumi/proto/resource_grpc_pb");
const resourcePb = require("@pulumi/pulumi/proto/resource_pb");
const engineRpc = require("@pulumi/pulumi/proto/engine_grpc_pb");
const enginePb = require("@pulumi/pulumi/proto/engine_pb");
const emptyproto = require("google-protobuf/google/protobuf/empty_pb");

/** A message the program logged through the engine (pulumi.log, warnings of deploy()). */
export interface LogEntry {
  readonly severity: "debug" | "info" | "warning" | "error";
  readonly message: string;
  readonly urn: string;
}

const SEVERITIES = ["debug", "info", "warning", "error"] as const;
// Features the SDK asks about; everything else it must do without.
const FEATURES = new Set(["secrets"]);

/**
 * The test double of Pulumi's engine for one run of a program: the
 * ResourceMonitor and Engine gRPC services the program (cmd/run) talks to,
 * with each custom resource's step taken through the provider plugin.
 */
export class EngineDouble {
  public readonly registered: ResourceState[] = [];
  public readonly steps: Step[] = [];
  public readonly logs: LogEntry[] = [];
  /** Old resources replaced this run: deleted once the program is done. */
  public readonly replaced: ResourceState[] = [];
  public stackOutputs: JsonObject = {};
  public address = "";
  private rootUrn = "";
  private server: any;
  private readonly byUrn = new Map<string, ResourceState>();

  constructor(
    private readonly project: string,
    private readonly stack: string,
    private readonly dryRun: boolean,
    private readonly old: ReadonlyMap<string, ResourceState>,
    private readonly provider: () => Promise<ProviderHost>,
  ) {}

  public async start(): Promise<string> {
    this.server = new grpc.Server();
    const handle = (fn: (req: any) => Promise<unknown>) => (call: { request: unknown }, callback: (err: unknown, resp?: unknown) => void) =>
      fn(call.request).then(
        (resp) => callback(null, resp),
        (err: Error) => callback({ code: grpc.status.UNKNOWN, details: err.message }),
      );
    this.server.addService(resourceRpc.ResourceMonitorService, {
      supportsFeature: handle(async (req) => new resourcePb.SupportsFeatureResponse().setHassupport(FEATURES.has(req.getId()))),
      registerResource: handle((req) => this.registerResource(req)),
      registerResourceOutputs: handle(async (req) => this.registerResourceOutputs(req)),
      invoke: handle(async (req) => {
        throw new Error(`the engine double provides no invoke (${req.getTok()})`);
      }),
    });
    this.server.addService(engineRpc.EngineService, {
      log: handle(async (req) => {
        this.logs.push({ severity: SEVERITIES[req.getSeverity()] ?? "info", message: req.getMessage(), urn: req.getUrn() });
        return new emptyproto.Empty();
      }),
      getRootResource: handle(async () => new enginePb.GetRootResourceResponse().setUrn(this.rootUrn)),
      setRootResource: handle(async (req) => {
        this.rootUrn = req.getUrn();
        return new enginePb.SetRootResourceResponse();
      }),
    });
    const port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err: Error | null, p: number) => (err ? reject(err) : resolve(p))),
    );
    this.address = `127.0.0.1:${port}`;
    return this.address;
  }

  public stop(): Promise<void> {
    return new Promise((resolve) => this.server.tryShutdown(() => resolve()));
  }

  private async registerResource(req: any): Promise<unknown> {
    const type: string = req.getType();
    const parent: string = req.getParent();
    const urn = this.urnOf(type, req.getName(), parent);
    const news = fromStruct(req.getObject());
    const old = this.old.get(urn);
    let state: ResourceState;
    if (!req.getCustom()) {
      state = { urn, type, custom: false, ...(parent ? { parent } : {}), inputs: {}, outputs: old?.outputs ?? {}, dependencies: [] };
    } else {
      if (req.getProvider()) throw new Error(`${urn}: explicit providers are not supported by the engine double`);
      const result = await stepFor(await this.provider(), this.dryRun, urn, news, old);
      this.steps.push(result.step);
      if (result.replaced) this.replaced.push(result.replaced);
      state = { urn, type, custom: true, id: result.id, ...(parent ? { parent } : {}), inputs: result.inputs, outputs: result.outputs, dependencies: req.getDependenciesList() };
    }
    this.byUrn.set(urn, state);
    this.registered.push(state);
    const resp = new resourcePb.RegisterResourceResponse();
    resp.setUrn(urn);
    resp.setId(state.id ?? "");
    resp.setObject(toStruct(req.getAcceptsecrets() ? state.outputs : (reveal(state.outputs) as JsonObject)));
    return resp;
  }

  private registerResourceOutputs(req: any): unknown {
    const urn: string = req.getUrn();
    const outputs = fromStruct(req.getOutputs());
    const state = this.byUrn.get(urn);
    if (state) {
      const updated = { ...state, outputs };
      this.byUrn.set(urn, updated);
      this.registered[this.registered.indexOf(state)] = updated;
    }
    if (urn === this.rootUrn) this.stackOutputs = outputs;
    return new emptyproto.Empty();
  }

  /** urn:pulumi:<stack>::<project>::<parent types$type>::<name>; the stack's own type is not in its children's chain. */
  private urnOf(type: string, name: string, parent: string): string {
    const parentState = parent ? this.byUrn.get(parent) : undefined;
    const chain = parentState && parentState.type !== "pulumi:pulumi:Stack" ? `${parentState.urn.split("::")[2]}$${type}` : type;
    return `urn:pulumi:${this.stack}::${this.project}::${chain}::${name}`;
  }
}
