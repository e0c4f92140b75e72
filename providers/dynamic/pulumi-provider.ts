import type * as pulumi from "@pulumi/pulumi";
import { ProfileName, ResourceType } from "../../lib";
import type { JsonObject } from "./values";

/** The package entry of the providers, for a host where the captured path does not exist (another machine). */
export const PACKAGE_ENTRY = "hybridlink/providers/dynamic";

/**
 * Where the serialized provider finds this folder's code: an absolute path
 * without extension, so plain node in Pulumi's provider host loads the built
 * `index.js` next to this file, and a TypeScript-aware process (jest, tsx)
 * loads `index.ts` when running from the sources.
 */
export const PROVIDERS_MODULE = __dirname;

export interface DynamicProviderOptions {
  /**
   * The cloud profile of the app: a new store is created with it and `check` applies its rules.
   *
   * @default - `$HYBRIDLINK_PROFILE`, else the store's profile
   */
  readonly profile?: ProfileName;
  /**
   * The module the provider loads its CRUD from, as an absolute path.
   *
   * @default - this folder (PROVIDERS_MODULE), falling back to the package entry
   */
  readonly modulePath?: string;
}

/**
 * The dynamic provider of one low-level type. Pulumi serializes it into every
 * resource's state (`__provider`) and runs it in its provider host, so it
 * captures plain strings only — the type, the profile and a module path — and
 * `require`s the CRUD inside each method; the engine is reached through the
 * host's environment (HYBRIDLINK_STATE, HYBRIDLINK_ACCOUNT).
 */
export function dynamicProvider(type: ResourceType, options: DynamicProviderOptions = {}): pulumi.dynamic.ResourceProvider {
  // The methods capture `target` (plain values) and `loadProviders` only: nothing else gets serialized.
  const target: ProviderTarget = {
    type,
    settings: options.profile ? { profile: options.profile } : {},
    modulePath: options.modulePath ?? PROVIDERS_MODULE,
    packageEntry: PACKAGE_ENTRY,
  };
  // Pulumi types the provider's arguments `any`; they are the JSON objects of the resource's state.
  return {
    check(olds: JsonObject, news: JsonObject) {
      return loadProviders(target).pulumiCheck(target.type, olds, news, target.settings);
    },
    diff(id: string, olds: JsonObject, news: JsonObject) {
      return loadProviders(target).pulumiDiff(target.type, id, olds, news);
    },
    create(inputs: JsonObject) {
      return loadProviders(target).pulumiCreate(target.type, inputs, target.settings);
    },
    read(id: string, props: JsonObject) {
      return loadProviders(target).pulumiRead(target.type, id, props, target.settings);
    },
    update(id: string, olds: JsonObject, news: JsonObject) {
      return loadProviders(target).pulumiUpdate(target.type, id, olds, news, target.settings);
    },
    delete(id: string, props: JsonObject) {
      return loadProviders(target).pulumiDelete(target.type, id, props, target.settings);
    },
  };
}

/** What a serialized provider carries: plain, serializable values only. */
interface ProviderTarget {
  readonly type: ResourceType;
  readonly settings: { readonly profile?: ProfileName };
  readonly modulePath: string;
  readonly packageEntry: string;
}

/**
 * The providers module, required inside the host: at the captured path, else
 * the package entry (a project whose node_modules has hybridlink, on another
 * machine). Serialized with the provider, so it captures nothing.
 */
function loadProviders(target: ProviderTarget): ProviderHandlers {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded inside Pulumi's provider host from a path captured at serialization
    return require(target.modulePath) as ProviderHandlers;
  } catch (err) {
    const missing = (err as { code?: string }).code === "MODULE_NOT_FOUND" && String((err as Error).message).includes(target.modulePath);
    if (!missing) throw err;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the same, from the package a user's project installed
    return require(target.packageEntry) as ProviderHandlers;
  }
}

/** What the providers module exports to the host (type only: nothing is imported at load). */
type ProviderHandlers = typeof import("./pulumi-handlers");
