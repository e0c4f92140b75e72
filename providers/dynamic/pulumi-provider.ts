import type * as pulumi from "@pulumi/pulumi";
import { ResourceType } from "../../lib/core/manifest";
import { ProfileName } from "../../lib/core/profiles";

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
  const settings = options.profile ? { profile: options.profile } : {};
  const modulePath = options.modulePath ?? PROVIDERS_MODULE;
  const packageEntry = PACKAGE_ENTRY;
  // Serialized with the methods below: it must stay self-contained (no imports, no module state).
  const load = () => {
    try {
      return require(modulePath);
    } catch (err) {
      const missing = (err as { code?: string }).code === "MODULE_NOT_FOUND" && String((err as Error).message).includes(modulePath);
      if (!missing) throw err;
      return require(packageEntry);
    }
  };
  return {
    async check(olds, news) {
      return load().pulumiCheck(type, olds, news, settings);
    },
    async diff(id, olds, news) {
      return load().pulumiDiff(type, id, olds, news);
    },
    async create(inputs) {
      return load().pulumiCreate(type, inputs, settings);
    },
    async read(id, props) {
      return load().pulumiRead(type, id, props, settings);
    },
    async update(id, olds, news) {
      return load().pulumiUpdate(type, id, olds, news, settings);
    },
    async delete(id, props) {
      return load().pulumiDelete(type, id, props, settings);
    },
  };
}
