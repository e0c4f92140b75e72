import * as path from "path";
import { ProfileName, PROFILE_NAMES } from "../../lib";
import { CloudEngine, defaultStorePath } from "../cloud";
import type { CloudClient } from "../cloud";
import { ENDPOINT_ENV, SdkCloudClient } from "../endpoint";

/**
 * How a provider reaches the engine: plain, serializable settings, never a
 * handle. Pulumi's provider host and the CLI both read them from the
 * environment; the engine itself is opened inside each call.
 */
export interface ProviderSettings {
  /**
   * The engine's store file, or `:memory:`.
   *
   * @default - `$HYBRIDLINK_STATE`, else `.hybridlink/state.db` under the working directory
   */
  readonly statePath?: string;
  /**
   * The account requests are made as when the inputs name none (import, refresh of old state).
   *
   * @default - `$HYBRIDLINK_ACCOUNT`
   */
  readonly account?: string;
  /**
   * The cloud profile: the store is created with it, `check` applies its rules.
   *
   * @default - `$HYBRIDLINK_PROFILE`, else the store's profile ("tencent" for a new store)
   */
  readonly profile?: ProfileName;
  /**
   * How long `create` waits, in simulated seconds on the engine clock, for a
   * resource to become AVAILABLE.
   *
   * @default 1800
   */
  readonly maxWaitSeconds?: number;
  /**
   * Reach the cloud through the official SDK at this endpoint instead of the
   * in-process engine: `hybridlink serve`'s URL, or a cloud's API. Keys come
   * from the environment (see `credentialsFrom` in providers/endpoint).
   *
   * @default - `$HYBRIDLINK_ENDPOINT`, else the in-process engine
   */
  readonly endpoint?: string;
  /**
   * `hybridlink serve`'s admin token, for the simulator verbs (the engine clock, IDC sites).
   *
   * @default - `$HYBRIDLINK_ADMIN_TOKEN`; none means the endpoint is a real cloud
   */
  readonly adminToken?: string;
  /**
   * The region of endpoint requests that name no resource (a customer gateway's create).
   *
   * @default - `$HYBRIDLINK_REGION`, else the profile's first region
   */
  readonly region?: string;
}

/** Environment variables the providers read. */
export const ENV = {
  state: "HYBRIDLINK_STATE",
  account: "HYBRIDLINK_ACCOUNT",
  profile: "HYBRIDLINK_PROFILE",
  endpoint: ENDPOINT_ENV.endpoint,
  adminToken: ENDPOINT_ENV.adminToken,
  region: ENDPOINT_ENV.region,
} as const;

/** The settings the environment gives, overridden by `overrides`. */
export function resolveSettings(overrides: ProviderSettings = {}, env: NodeJS.ProcessEnv = process.env): ProviderSettings {
  const profile = overrides.profile ?? (env[ENV.profile] || undefined);
  if (profile !== undefined && !(PROFILE_NAMES as readonly string[]).includes(profile)) {
    throw new Error(`${ENV.profile} is '${profile}', which is not a cloud profile. Use one of: ${PROFILE_NAMES.join(", ")}.`);
  }
  return {
    statePath: overrides.statePath ?? (env[ENV.state] || undefined),
    account: overrides.account ?? (env[ENV.account] || undefined),
    profile: profile as ProfileName | undefined,
    maxWaitSeconds: overrides.maxWaitSeconds,
    endpoint: overrides.endpoint ?? (env[ENV.endpoint] || undefined),
    adminToken: overrides.adminToken ?? (env[ENV.adminToken] || undefined),
    region: overrides.region ?? (env[ENV.region] || undefined),
  };
}

// One connection per store file and process: a provider host serves many
// resources, and `:memory:` only means one engine if every call shares it.
const engines = new Map<string, CloudEngine>();

/** The engine of the settings' store, opened on first use and kept for the process. */
export function engineFor(settings: ProviderSettings): CloudEngine {
  const file = settings.statePath ?? defaultStorePath();
  const key = file === ":memory:" ? file : path.resolve(file);
  let engine = engines.get(key);
  if (!engine) {
    engine = CloudEngine.open({ path: file, ...(settings.profile ? { profile: settings.profile } : {}) });
    engines.set(key, engine);
  } else if (settings.profile && engine.profile.name !== settings.profile) {
    throw new Error(
      `The store '${engine.path}' is a ${engine.profile.name} cloud; this app uses profile '${settings.profile}'. ` +
        `Point ${ENV.state} at another store, or deploy with profile '${engine.profile.name}'.`,
    );
  }
  return engine;
}

const endpoints = new Map<string, SdkCloudClient>();

/**
 * The cloud the providers' CRUD talks to: the official SDK to the settings'
 * endpoint when there is one, else the in-process engine of their store.
 */
export function clientFor(settings: ProviderSettings): CloudClient {
  if (settings.endpoint === undefined) return engineFor(settings);
  const profile = settings.profile ?? "tencent";
  const key = `${settings.endpoint}\n${profile}\n${settings.adminToken ?? ""}\n${settings.region ?? ""}`;
  let client = endpoints.get(key);
  if (!client) {
    client = new SdkCloudClient({
      endpoint: settings.endpoint,
      profile,
      ...(settings.adminToken !== undefined ? { adminToken: settings.adminToken } : {}),
      ...(settings.region !== undefined ? { region: settings.region } : {}),
    });
    endpoints.set(key, client);
  }
  return client;
}

/** Closes every engine this process opened (tests, and the CLI on exit). */
export function closeEngines(): void {
  for (const engine of engines.values()) engine.close();
  engines.clear();
  endpoints.clear();
}
