import { isSecretRef, Manifest, SecretSource } from "../../lib";
import { tryFindProfile } from "../../lib";
import { ProviderError } from "./errors";
import { FIELD_TABLES, isResourceType } from "./fields";
import { getPath, JsonObject } from "./values";

const PSK_RULE = "HL-VPN-008";

/**
 * Refuses, before anything is created, every pre-shared key the cloud would
 * refuse at apply time (its charset and length, per the app's profile): synth
 * sees only where a key comes from, so this is the first moment its value is
 * known. Keys are never shown, only their length and where they come from.
 */
export function preflightKeys(manifest: Manifest, resolveSecret: (source: SecretSource) => string | undefined): void {
  const profile = tryFindProfile(manifest.app.profile);
  if (!profile) return; // synth/validate reports the unknown profile
  const rule = profile.ipsec.preSharedKey;
  const problems: string[] = [];
  for (const resource of manifest.resources) {
    if (!isResourceType(resource.type)) continue;
    for (const path of FIELD_TABLES[resource.type].secrets) {
      const ref = getPath(resource.props as unknown as JsonObject, path);
      if (!isSecretRef(ref)) continue;
      const key = resolveSecret(ref.secret);
      if (key === undefined || rule.pattern.test(key)) continue;
      const where = ref.secret.source === "env" ? `environment variable ${ref.secret.name}` : `Pulumi config ${ref.secret.key}`;
      problems.push(`  [${resource.path}] ${path} from ${where}: a key of ${key.length} characters${/[\r\n]/.test(key) ? " with a line break" : ""} (not shown)`);
    }
  }
  if (problems.length === 0) return;
  throw new ProviderError(
    PSK_RULE,
    `${problems.length} pre-shared key${problems.length === 1 ? "" : "s"} would be refused by ${profile.displayName}; nothing was created:\n${problems.join("\n")}\n` +
      `Use ${rule.description}, then run again.`,
  );
}
