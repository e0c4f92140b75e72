import { ResourceType } from "../../lib";
import { ACTIONS_BY_TYPE, NOUNS } from "../cloud";
import type { CloudClient } from "../cloud";
import { describe, isNotFound, tryDescribe } from "./describe";
import { diff } from "./diff";
import { ProviderError } from "./errors";
import { FIELD_TABLES } from "./fields";
import { ACCEPT_INPUT, ACCOUNT_INPUT } from "./inputs";
import { clientFor, ENV, ProviderSettings, resolveSettings } from "./settings";
import { settle } from "./settle";
import { getPath, JsonObject, present, unwrapSecrets, withPath } from "./values";

/**
 * The one CRUD implementation over a cloud client (the engine in process, or
 * the official SDK to an endpoint), shared by Pulumi's dynamic providers and
 * the `hybridlink` CLI. Inputs are a resource's manifest spec
 * with references resolved to cloud values and secrets to their values, plus
 * `account` (and `accept` for peerings). Every function is synchronous: the
 * engine is, and waiting happens on the engine's clock.
 */

/** A resource as the cloud describes it after an operation; never holds a secret. */
export interface DescribedResource {
  /** The cloud ID. */
  readonly id: string;
  /** The cloud's Describe item: spec fields, state and derived attributes. */
  readonly item: JsonObject;
}

/** What `read` finds: the resource's inputs as the cloud has them, and its Describe item. */
export interface ReadResult extends DescribedResource {
  /** Spec fields from the cloud, the account, and the secrets and provider settings of `props`. */
  readonly inputs: JsonObject;
}

export interface CreateOptions {
  /**
   * Idempotency token: a retry with the same token and inputs returns the
   * first resource instead of creating another.
   *
   * @default - none
   */
  readonly clientToken?: string;
}

/** Creates the resource, waits until it is usable, and deletes it again if any later step fails (all or nothing). */
export function create(type: ResourceType, inputs: JsonObject, settings: ProviderSettings = {}, options: CreateOptions = {}): DescribedResource {
  const resolved = resolveSettings(settings);
  const engine = clientFor(resolved);
  const account = accountOf(type, inputs, resolved);
  const created = engine.request(ACTIONS_BY_TYPE[type].create, cloudParams(type, inputs), {
    account,
    ...(options.clientToken !== undefined ? { clientToken: options.clientToken } : {}),
  });
  const id = String(created.id);
  try {
    return { id, item: settle(engine, type, id, created, unwrapSecrets(inputs) as JsonObject, account, resolved) };
  } catch (err) {
    throw rollBack(engine, type, id, account, err);
  }
}

/** The resource as the cloud has it now, or undefined when it is gone (refresh drops it). */
export function read(type: ResourceType, id: string, props: JsonObject = {}, settings: ProviderSettings = {}): ReadResult | undefined {
  const resolved = resolveSettings(settings);
  const engine = clientFor(resolved);
  const item = tryDescribe(engine, type, id, accountOf(type, props, resolved));
  if (!item) return undefined;
  const table = FIELD_TABLES[type];
  let inputs: JsonObject = {};
  for (const field of table.spec) if (item[field] !== undefined) inputs[field] = item[field];
  inputs[ACCOUNT_INPUT] = item.account;
  // The cloud never returns a secret: keep the one the caller holds.
  const plain = unwrapSecrets(props) as JsonObject;
  for (const path of table.secrets) {
    const value = getPath(plain, path);
    if (value !== undefined) inputs = withPath(inputs, path, value);
  }
  if (table.inputs.includes(ACCEPT_INPUT) && plain[ACCEPT_INPUT] !== undefined) inputs[ACCEPT_INPUT] = plain[ACCEPT_INPUT];
  return { id, item, inputs };
}

/** Changes what the cloud can change in place; refuses (changing nothing) when the change needs a replacement. */
export function update(type: ResourceType, id: string, olds: JsonObject, news: JsonObject, settings: ProviderSettings = {}): DescribedResource {
  const resolved = resolveSettings(settings);
  const engine = clientFor(resolved);
  const changes = diff(type, olds, news, engine.secretDigestKey());
  if (changes.replaces.length > 0) {
    throw new ProviderError(
      "ReplacementRequired",
      `${NOUNS[type]} '${id}': ${changes.replaces.map((f) => `'${f}'`).join(", ")} cannot be changed in place. ` +
        `Replace the resource (Pulumi does so when diff reports it; the CLI plan shows it as replace). ` +
        `Changeable in place: ${FIELD_TABLES[type].mutable.join(", ") || "nothing"}.`,
    );
  }
  const account = accountOf(type, news, resolved);
  const plain = unwrapSecrets(news) as JsonObject;
  const modified = changes.updates.filter((f) => FIELD_TABLES[type].spec.includes(f));
  if (modified.length > 0) {
    const params: JsonObject = { id };
    for (const field of modified) params[field] = plain[field];
    engine.request(ACTIONS_BY_TYPE[type].modify, params, { account });
  }
  const item = describe(engine, type, id, account);
  return { id, item: changes.updates.includes(ACCEPT_INPUT) ? settle(engine, type, id, item, plain, account, resolved) : item };
}

/** Deletes the resource; one that is already gone (deleted by the other side of a peering, or cascaded) is success. */
export function deleteResource(type: ResourceType, id: string, props: JsonObject = {}, settings: ProviderSettings = {}): void {
  const resolved = resolveSettings(settings);
  const engine = clientFor(resolved);
  try {
    engine.request(ACTIONS_BY_TYPE[type].delete, { id }, { account: accountOf(type, props, resolved) });
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}

/** The spec fields of `inputs` as the cloud's Create action takes them (no provider settings, no nulls). */
export function cloudParams(type: ResourceType, inputs: JsonObject): JsonObject {
  const plain = unwrapSecrets(inputs) as JsonObject;
  const params: JsonObject = {};
  for (const field of FIELD_TABLES[type].spec) params[field] = plain[field];
  return present(params);
}

/** The account a request about this resource is made as: the inputs', else the settings'. */
export function accountOf(type: ResourceType, inputs: JsonObject, settings: ProviderSettings): string {
  const account = inputs[ACCOUNT_INPUT] ?? settings.account;
  if (typeof account !== "string" || account.trim() === "") {
    throw new ProviderError(
      "AuthFailure",
      `${NOUNS[type]}: every request is made as an account, and none is known. Pass 'account' in the inputs, or set ${ENV.account}.`,
    );
  }
  return account;
}

/** Deletes what a failed create made and returns the error to throw: the cause, saying nothing was left behind (or what was). */
function rollBack(engine: CloudClient, type: ResourceType, id: string, account: string, cause: unknown): Error {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const code = (cause as { code?: unknown }).code;
  try {
    engine.request(ACTIONS_BY_TYPE[type].delete, { id }, { account });
  } catch (err) {
    if (!isNotFound(err)) {
      return new ProviderError(
        "RollbackFailed",
        `${NOUNS[type]} '${id}' was created, then: ${reason} Deleting it again failed too (${(err as Error).message}); ` +
          `delete '${id}' as account '${account}' by hand.`,
      );
    }
  }
  return new ProviderError(
    typeof code === "string" ? code : "CreateFailed",
    `${NOUNS[type]} '${id}' was created, then: ${reason} It was deleted again; nothing is left behind.`,
  );
}
