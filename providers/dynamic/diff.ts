import { ResourceType } from "../../lib";
import { FIELD_TABLES } from "./fields";
import { ACCEPT_INPUT } from "./inputs";
import { isSecretDigest, matchesDigest, SecretDigestKey } from "./secrets";
import { containsUnknown, getPath, JsonObject, sameValue, UNKNOWN, unwrapSecrets, withPath } from "./values";

/** What changing a resource's inputs from `olds` to `news` takes. */
export interface DiffResult {
  /** True when any input changed. */
  readonly changes: boolean;
  /** Changed inputs that need a new resource (a replacement). */
  readonly replaces: readonly string[];
  /** Changed inputs the cloud modifies in place. */
  readonly updates: readonly string[];
  /**
   * Delete the old resource before creating its replacement: the cloud keeps
   * names, addresses and routes unique, so the two could not coexist.
   */
  readonly deleteBeforeReplace: boolean;
}

/**
 * The one diff of both deployment doors (Pulumi's `diff` and the CLI plan).
 * Each input that changed is a replacement when the cloud cannot modify it
 * (FIELD_TABLES), or when a modifiable one is removed (Modify sets values, it
 * cannot clear them); otherwise an in-place update. A value not known yet
 * counts as changed. Secrets compare against a plain old value or a digest
 * (made under `digestKey`: the store's, see `CloudEngine.secretDigestKey`).
 */
export function diff(type: ResourceType, olds: JsonObject, news: JsonObject, digestKey?: SecretDigestKey): DiffResult {
  const table = FIELD_TABLES[type];
  const oldValues = withoutIkev2ExchangeMode(type, unwrapSecrets(olds) as JsonObject);
  const newValues = withoutIkev2ExchangeMode(type, unwrapSecrets(news) as JsonObject);
  const replaces: string[] = [];
  const updates: string[] = [];
  for (const field of table.inputs) {
    if (!fieldChanged(field, table.secrets, oldValues, newValues, digestKey)) continue;
    const removed = newValues[field] === undefined || newValues[field] === null;
    const mutable = table.mutable.includes(field) && (field === ACCEPT_INPUT || !removed);
    (mutable ? updates : replaces).push(field);
  }
  return {
    changes: replaces.length + updates.length > 0,
    replaces,
    updates,
    deleteBeforeReplace: replaces.length > 0,
  };
}

function fieldChanged(field: string, secrets: readonly string[], olds: JsonObject, news: JsonObject, digestKey: SecretDigestKey | undefined): boolean {
  let oldRest: JsonObject = { [field]: olds[field] };
  let newRest: JsonObject = { [field]: news[field] };
  for (const path of secrets) {
    if (path !== field && !path.startsWith(`${field}.`)) continue;
    if (!sameSecret(getPath(olds, path), getPath(news, path), digestKey)) return true;
    oldRest = withPath(oldRest, path, undefined);
    newRest = withPath(newRest, path, undefined);
  }
  return containsUnknown(newRest[field]) || !sameValue(oldRest[field], newRest[field]);
}

function sameSecret(old: unknown, current: unknown, digestKey: SecretDigestKey | undefined): boolean {
  if (current === UNKNOWN) return false;
  if (old === current) return true;
  if (isSecretDigest(old)) return typeof current === "string" && matchesDigest(old, current, digestKey);
  return sameValue(old, current);
}

/**
 * Main vs aggressive mode means nothing under IKEv2 (RFC 2409 §5 is IKEv1's), so the cloud neither
 * stores nor returns it there: inputs that carry it compare equal to what the cloud reads back.
 */
function withoutIkev2ExchangeMode(type: ResourceType, values: JsonObject): JsonObject {
  const ike = values.ike as JsonObject | undefined;
  if (type !== "VpnConnection" || typeof ike !== "object" || ike === null || !("exchangeMode" in ike)) return values;
  if (typeof ike.version !== "string" || ike.version.toLowerCase().endsWith("1")) return values;
  const { exchangeMode: _ikev1Only, ...rest } = ike;
  return { ...values, ike: rest };
}
