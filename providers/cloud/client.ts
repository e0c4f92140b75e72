import type { CloudProfile } from "../../lib";
import type { RequestContext } from "./engine";
import type { JsonObject } from "./params";

/**
 * How the providers and the CLI reach a cloud: one JSON-in/JSON-out request
 * in the engine's own action vocabulary. Two implementations: the engine
 * itself, in process (the default: no server needed), and the official SDKs
 * over HTTP to an endpoint (`providers/endpoint`: `hybridlink serve`, or a
 * real cloud). The providers' CRUD is written once, against this.
 */
export interface CloudClient {
  /** The cloud profile requests are checked against. */
  readonly profile: CloudProfile;
  /** Runs one action as `ctx.account`; throws a CloudError (code, message) for every refusal. */
  request(action: string, params: object, ctx: RequestContext): JsonObject;
  /** The HMAC key pre-shared keys are digested under, to tell a rotated key from an unchanged one. */
  secretDigestKey(): Buffer;
  /**
   * Checks, before a deployment starts, that requests can be made as each of
   * `accounts` (over the wire: that each has a key the cloud accepts), so a
   * bad key stops it before the first create. Throws the cloud's refusal.
   *
   * @default - nothing to check (the engine in process)
   */
  checkAccounts?(accounts: readonly string[]): void;
}
