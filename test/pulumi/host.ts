import * as pulumi from "@pulumi/pulumi";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const requireFromString: (code: string) => any = require("require-from-string");

/**
 * The Node process outside jest's sandbox. Pulumi's provider host runs the
 * deserialized providers in a process of its own; here they run natively in
 * jest's process (require-from-string compiles outside jest's module
 * registry), so they see this process's environment, not jest's copy of it.
 */
export const hostProcess: NodeJS.Process = requireFromString("module.exports = process");

/** `require` as the provider host has it (native resolution from the working directory). */
export function hostRequire(id: string): any {
  return requireFromString(`module.exports = require(${JSON.stringify(id)});`);
}

/**
 * Lets the host's native `require` load TypeScript (tsx), as a Pulumi
 * TypeScript program's process does: from the sources, the serialized
 * providers' module path names `providers/dynamic` without an extension, which
 * resolves to index.ts here and to the built index.js in Pulumi's own host.
 */
export function enableTypeScriptInHost(): void {
  hostRequire("tsx/cjs/api").register();
}

/** The providers module the deserialized providers load (the same instance, so the same in-memory engine). */
export function hostProviders(): any {
  return hostRequire(path.resolve(__dirname, "../../providers/dynamic"));
}

/** One resource registration the mocks saw. */
export interface Registration {
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  readonly inputs: Record<string, unknown>;
  /** The outputs the provider's create returned (dynamic resources only). */
  outputs?: Record<string, unknown>;
}

const SIG = "4dabf18193072939515e22adb298388d";

function stripSecrets(value: unknown): unknown {
  if (value && typeof value === "object" && (value as Record<string, unknown>)[SIG] !== undefined) {
    return stripSecrets((value as { value: unknown }).value);
  }
  if (Array.isArray(value)) return value.map(stripSecrets);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripSecrets(v)]));
  return value;
}

/**
 * Mocks that do what Pulumi's engine and provider host do for a dynamic
 * resource: deserialize the `__provider` input exactly as the host does
 * (`require("require-from-string")(serialized).handler()`), send it the
 * inputs with secrets unwrapped (the host declares it does not accept
 * secrets), fail the step on check failures, and return create's ID and
 * outputs as the resource's state.
 */
export class ProviderHostMocks implements pulumi.runtime.Mocks {
  /** Every registration, in the order the program made them. */
  public readonly registrations: Registration[] = [];
  /** The serialized provider texts seen, by resource type. */
  public readonly serializedProviders = new Map<string, string>();
  private readonly providers = new Map<string, any>();

  public async newResource(args: pulumi.runtime.MockResourceArgs): Promise<{ id: string | undefined; state: Record<string, any> }> {
    const registration: Registration = { type: args.type, name: args.name, custom: args.custom ?? false, inputs: args.inputs };
    this.registrations.push(registration);
    if (!args.type.startsWith("pulumi-nodejs:dynamic")) return { id: undefined, state: {} };
    const serialized = stripSecrets(args.inputs.__provider) as string;
    this.serializedProviders.set(args.type, serialized);
    let provider = this.providers.get(serialized);
    if (!provider) {
      provider = requireFromString(serialized).handler();
      this.providers.set(serialized, provider);
    }
    const news = stripSecrets(args.inputs) as Record<string, unknown>;
    const checked = await provider.check({}, news);
    if (checked.failures?.length) {
      throw new Error(`${args.name}: check failed: ${checked.failures.map((f: { reason: string }) => f.reason).join("; ")}`);
    }
    const created = await provider.create(checked.inputs);
    registration.outputs = created.outs;
    return { id: created.id, state: created.outs };
  }

  /** The deserialized provider of a dynamic resource type (as the host holds it), for refresh and update calls. */
  public providerOf(type: string): any {
    const serialized = this.serializedProviders.get(`pulumi-nodejs:dynamic/hybridlink:${type}`);
    if (!serialized) throw new Error(`no ${type} was registered`);
    return this.providers.get(serialized);
  }

  public call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
    throw new Error(`unexpected invoke ${args.token}`);
  }
}

/** The value of an Output, once every resource it depends on is registered. */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise<T>((resolve) => output.apply((v) => resolve(v)));
}

/** Whether an Output is secret. */
export function isSecret(output: pulumi.Output<unknown>): Promise<boolean> {
  return (output as unknown as { isSecret: Promise<boolean> }).isSecret;
}
