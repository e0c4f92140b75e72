import { ResourceType } from "../../lib";
import { check } from "./check";
import { create, deleteResource, read, update } from "./crud";
import { diff } from "./diff";
import { FIELD_TABLES, isResourceType } from "./fields";
import { ProviderSettings } from "./settings";
import { getPath, JsonObject, unwrapSecrets, withPath, wrapSecret } from "./values";

/**
 * The CRUD in the shapes Pulumi's dynamic-provider host expects. The
 * serialized provider (pulumi-provider.ts) requires this module inside each
 * method and calls one of these; everything here runs in the host process.
 */

/** The reserved input holding the serialized provider; never sent to the cloud. */
const PROVIDER_KEY = "__provider";

/** Pulumi's `check`: the inputs unchanged, with every rule failure. */
// eslint-disable-next-line @typescript-eslint/require-await -- Pulumi awaits these; async turns a thrown refusal into a rejected promise
export async function pulumiCheck(type: ResourceType, _olds: JsonObject, news: JsonObject, settings: ProviderSettings) {
  return { inputs: news, failures: check(checkedType(type), withoutProviderKey(news), settings) };
}

/** Pulumi's `diff`: changed inputs, those that replace, delete-before-replace. */
// eslint-disable-next-line @typescript-eslint/require-await -- Pulumi awaits these; async turns a thrown refusal into a rejected promise
export async function pulumiDiff(type: ResourceType, _id: string, olds: JsonObject, news: JsonObject) {
  const result = diff(checkedType(type), withoutProviderKey(olds), withoutProviderKey(news));
  return { changes: result.changes, replaces: [...result.replaces], deleteBeforeReplace: result.deleteBeforeReplace };
}

/** Pulumi's `create`: the cloud ID and the outputs (inputs, secrets kept secret, plus the cloud's attributes). */
// eslint-disable-next-line @typescript-eslint/require-await -- Pulumi awaits these; async turns a thrown refusal into a rejected promise
export async function pulumiCreate(type: ResourceType, inputs: JsonObject, settings: ProviderSettings) {
  const clean = withoutProviderKey(inputs);
  const created = create(checkedType(type), clean, settings);
  return { id: created.id, outs: outputsOf(type, clean, created.item) };
}

/** Pulumi's `read` (refresh, import): the resource's inputs and outputs as the cloud has them; an empty ID when it is gone. */
// eslint-disable-next-line @typescript-eslint/require-await -- Pulumi awaits these; async turns a thrown refusal into a rejected promise
export async function pulumiRead(type: ResourceType, id: string, props: JsonObject, settings: ProviderSettings) {
  const found = read(checkedType(type), id, withoutProviderKey(props ?? {}), settings);
  // Pulumi drops a resource from the state when read answers with an empty ID.
  if (!found) return { id: "", props: {} };
  return { id, props: outputsOf(type, found.inputs, found.item), inputs: secretInputs(type, found.inputs) };
}

/** Pulumi's `update`: modifies in place and returns the new outputs. */
// eslint-disable-next-line @typescript-eslint/require-await -- Pulumi awaits these; async turns a thrown refusal into a rejected promise
export async function pulumiUpdate(type: ResourceType, id: string, olds: JsonObject, news: JsonObject, settings: ProviderSettings) {
  const clean = withoutProviderKey(news);
  const updated = update(checkedType(type), id, withoutProviderKey(olds), clean, settings);
  return { outs: outputsOf(type, clean, updated.item) };
}

/** Pulumi's `delete`; a resource already gone is success. */
// eslint-disable-next-line @typescript-eslint/require-await -- Pulumi awaits these; async turns a thrown refusal into a rejected promise
export async function pulumiDelete(type: ResourceType, id: string, props: JsonObject, settings: ProviderSettings): Promise<void> {
  deleteResource(checkedType(type), id, withoutProviderKey(props ?? {}), settings);
}

/**
 * The outputs Pulumi stores: the inputs as given (so the next diff compares
 * like with like), secrets wrapped as Pulumi secrets (encrypted in the stack
 * state, never shown), and every attribute the cloud adds (state, publicIp…).
 */
export function outputsOf(type: ResourceType, inputs: JsonObject, item: JsonObject): JsonObject {
  const table = FIELD_TABLES[type];
  const outs: JsonObject = { ...secretInputs(type, inputs) };
  for (const [key, value] of Object.entries(item)) {
    // `id` is the resource's own ID in Pulumi, not an output property.
    if (key !== "id" && !table.spec.includes(key) && value !== undefined) outs[key] = value;
  }
  return outs;
}

/** The inputs with each secret wrapped as a Pulumi secret. */
export function secretInputs(type: ResourceType, inputs: JsonObject): JsonObject {
  let out = unwrapSecrets(inputs) as JsonObject;
  for (const path of FIELD_TABLES[type].secrets) {
    const value = getPath(out, path);
    if (value !== undefined) out = withPath(out, path, wrapSecret(value));
  }
  return out;
}

function withoutProviderKey(props: JsonObject): JsonObject {
  const { [PROVIDER_KEY]: _provider, ...rest } = props;
  return rest;
}

function checkedType(type: unknown): ResourceType {
  if (!isResourceType(type)) throw new Error(`hybridlink dynamic provider: '${String(type)}' is not a low-level resource type.`);
  return type;
}
