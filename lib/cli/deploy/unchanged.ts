import { createHash } from "crypto";
import { Manifest, SecretSource } from "../../core/manifest";
import { manifestToJson } from "../../core/synth";
import { FIELD_TABLES, isSecretDigest, matchesDigest } from "../../../providers/dynamic";
import { getPath, JsonObject } from "../../../providers/dynamic";
import { StackStore } from "../stack/stack-store";
import { SecretResolver } from "./secrets";

/**
 * A no-op `up` decided from the stack's records without reading them all.
 * When an up completes, the stack records the digest of what it deployed:
 * the manifest and the options that shape the plan (never a key). Any later
 * write to the stack's resource records clears it. So a digest that still
 * matches says every record is what this app deploys — except the keys,
 * which the digest leaves out: only the records that hold one are read, and
 * each key compared with its recorded digest, as the full plan does.
 */
export function deployedDigest(manifest: Manifest, acceptPeerings: boolean): string {
  return createHash("sha256").update(manifestToJson(manifest)).update(JSON.stringify({ acceptPeerings })).digest("hex");
}

/** True when the stack is exactly what `manifest` deploys (so the plan is every resource unchanged). */
export function deployedUnchanged(store: StackStore, stack: string, manifest: Manifest, digest: string, secrets: SecretResolver, digestKey: Buffer): boolean {
  if (store.tryGetDeployedDigest(stack) !== digest) return false;
  for (const resource of manifest.resources) {
    const paths = FIELD_TABLES[resource.type].secrets;
    if (paths.length === 0) continue;
    const record = store.tryGetResource(stack, resource.logicalId);
    if (!record || record.status !== "READY") return false;
    for (const path of paths) {
      const source = getPath(resource.props as unknown as JsonObject, `${path}.secret`) as SecretSource | undefined;
      if (!source) continue;
      const value = secrets.peek(source);
      const recorded = getPath(record.inputs, path);
      if (value === undefined || !(recorded === value || (isSecretDigest(recorded) && matchesDigest(recorded, value, digestKey)))) return false;
    }
  }
  return true;
}
