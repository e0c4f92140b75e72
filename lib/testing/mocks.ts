import * as fs from "fs";
import { createRequire } from "module";
import * as os from "os";
import * as path from "path";
import type * as pulumi from "@pulumi/pulumi";

// Pulumi's marker of a secret value on the wire (sdk/nodejs/runtime/rpc.ts `specialSigKey`).
const SIG = "4dabf18193072939515e22adb298388d";
const DYNAMIC_TYPE = "pulumi-nodejs:dynamic/";

export interface EngineMocksOptions {
  /**
   * The simulated cloud's store file the providers write to.
   *
   * @default - a new store in a temporary folder, removed by `dispose()`
   */
  readonly statePath?: string;
  /** @default "project" */
  readonly project?: string;
  /** @default "stack" */
  readonly stack?: string;
  /**
   * Run as a preview (`pulumi preview`): Pulumi still calls the mocks.
   *
   * @default false
   */
  readonly preview?: boolean;
}

/** One registration the program made, and what the engine answered. */
export interface MockRegistration {
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  /** The inputs as the program sent them (secrets still wrapped). */
  readonly inputs: Record<string, unknown>;
  /** The cloud ID (dynamic resources only). */
  id?: string;
  /** The outputs the provider's create returned (dynamic resources only). */
  outputs?: Record<string, unknown>;
}

/**
 * `pulumi.runtime.setMocks` whose outputs come from the simulated cloud: each
 * hybridlink dynamic resource's serialized provider is deserialized as
 * Pulumi's provider host does, then checked and created against a real
 * store, so IDs, public IPs and states are the engine's, and rule failures
 * fail the registration. Other resources (components) get no outputs.
 */
export class EngineMocks implements pulumi.runtime.Mocks {
  /** Every registration, in the order the program made them. */
  public readonly registrations: MockRegistration[] = [];
  private readonly providers = new Map<string, DeserializedProvider>();

  constructor(
    /** The store file the providers write to. */
    public readonly statePath: string,
    private readonly cleanup: () => void,
  ) {}

  public async newResource(args: pulumi.runtime.MockResourceArgs): Promise<{ id: string | undefined; state: Record<string, unknown> }> {
    const registration: MockRegistration = { type: args.type, name: args.name, custom: args.custom ?? false, inputs: args.inputs as Record<string, unknown> };
    this.registrations.push(registration);
    if (!args.type.startsWith(DYNAMIC_TYPE)) return { id: undefined, state: {} };
    // The provider host declares it does not accept secrets: the engine sends it plain values.
    const inputs = unwrapSecrets(args.inputs) as Record<string, unknown>;
    const provider = this.providerOf(String(inputs.__provider));
    const checked = await provider.check({}, inputs);
    if (checked.failures?.length) {
      throw new Error(`${args.name}: ${checked.failures.map((f) => `${f.property}: ${f.reason}`).join("; ")}`);
    }
    const created = await provider.create(checked.inputs ?? inputs);
    registration.id = created.id;
    registration.outputs = created.outs;
    return { id: created.id, state: created.outs ?? {} };
  }

  public call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
    throw new Error(`EngineMocks: the program invoked '${args.token}', which hybridlink does not provide.`);
  }

  /** Restores HYBRIDLINK_STATE and removes the temporary store, if this made one. */
  public dispose(): void {
    this.cleanup();
  }

  private providerOf(serialized: string): DeserializedProvider {
    let provider = this.providers.get(serialized);
    if (!provider) {
      provider = (hostRequireFromString()(serialized) as { handler(): DeserializedProvider }).handler();
      this.providers.set(serialized, provider);
    }
    return provider;
  }
}

/**
 * Installs EngineMocks for the current Pulumi runtime: call before the
 * program registers anything (`deploy(app)`), then await outputs as usual.
 */
export async function setEngineMocks(options: EngineMocksOptions = {}): Promise<EngineMocks> {
  const pulumiRuntime = requirePulumi().runtime;
  const env = hostProcess().env;
  const previous = env.HYBRIDLINK_STATE;
  const tempDir = options.statePath ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), "hybridlink-mocks-"));
  const statePath = options.statePath ?? path.join(tempDir!, "state.db");
  // The deserialized providers read the environment of the real process (under jest, not the sandbox's copy).
  env.HYBRIDLINK_STATE = statePath;
  if (__filename.endsWith(".ts")) hostRequireFromString()('require("tsx/cjs/api").register()');
  const mocks = new EngineMocks(statePath, () => {
    if (previous === undefined) delete env.HYBRIDLINK_STATE;
    else env.HYBRIDLINK_STATE = previous;
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  });
  await pulumiRuntime.setMocks(mocks, options.project ?? "project", options.stack ?? "stack", options.preview ?? false);
  return mocks;
}

interface DeserializedProvider {
  check(olds: unknown, news: unknown): Promise<{ inputs?: Record<string, unknown>; failures?: { property: string; reason: string }[] }>;
  create(inputs: unknown): Promise<{ id: string; outs?: Record<string, unknown> }>;
}

/** @pulumi/pulumi, loaded only when mocks are set: `Template` alone never needs it. */
function requirePulumi(): typeof pulumi {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("@pulumi/pulumi") as typeof pulumi;
}

/**
 * require-from-string as Pulumi's provider host uses it, loaded through
 * Node's own loader so the providers it compiles run natively (outside a
 * test runner's module registry), as in the host.
 */
function hostRequireFromString(): (code: string) => unknown {
  const fromPulumi = createRequire(require.resolve("@pulumi/pulumi"));
  return createRequire(fromPulumi.resolve("require-from-string"))("require-from-string") as (code: string) => unknown;
}

function hostProcess(): NodeJS.Process {
  return hostRequireFromString()("module.exports = process") as NodeJS.Process;
}

function unwrapSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrapSecrets);
  if (typeof value !== "object" || value === null) return value;
  const record = value as Record<string, unknown>;
  if (record[SIG] !== undefined) return unwrapSecrets(record.value);
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, unwrapSecrets(v)]));
}
