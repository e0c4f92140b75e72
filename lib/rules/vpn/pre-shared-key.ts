import { assumption } from "../../core/provenance";
import { isSecretRef } from "../../core/manifest";
import { propsOf } from "../private/read";
import { Rule, RuleViolation } from "../rule";

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** What is wrong with a secret slot, or undefined when it is a usable secret reference. Never echoes a value. */
export function secretProblem(value: unknown): string | undefined {
  if (value === undefined) return "is missing";
  if (!isSecretRef(value) || value.secret === null) return "is not a secret reference (a key written in the manifest would leak: it is not shown here)";
  const source = value.secret as { source?: unknown; name?: unknown; key?: unknown };
  if (source.source === "env") {
    return typeof source.name === "string" && ENV_NAME.test(source.name)
      ? undefined
      : `names environment variable '${String(source.name)}', which is not a valid variable name (letters, digits and _, not starting with a digit)`;
  }
  if (source.source === "pulumi-config") {
    return typeof source.key === "string" && source.key.trim() !== "" ? undefined : "has an empty Pulumi config key";
  }
  return `has secret source '${String(source.source)}'; use 'env' or 'pulumi-config'`;
}

/** HL-VPN-008: the pre-shared key is a secret read at deploy time. */
export const preSharedKeySecret: Rule = {
  id: "HL-VPN-008",
  title: "Pre-shared key is a secret reference",
  severity: "error",
  source: assumption("house rule: pre-shared keys never appear in a manifest, snapshot, log or API response, so the key is always a secret reference"),
  rationale:
    "Every IPsec connection needs a pre-shared key; it is a secret, so the manifest records only where it comes from (an environment variable or a Pulumi config secret) and the value is read at deploy time. Its charset and length (1–100 printable characters) are checked then.",
  fix: "Pass preSharedKey: SecretValue.fromEnv('VPN_PSK') or SecretValue.fromPulumiConfig('vpnPsk'), never the key itself.",
  *check(context) {
    for (const connection of context.index.ofType("VpnConnection")) {
      const p = propsOf(connection);
      const problems: RuleViolation[] = [];
      const main = secretProblem(p.preSharedKey);
      if (main) problems.push({ resource: connection.logicalId, property: "preSharedKey", message: `preSharedKey ${main}; use SecretValue.fromEnv('VPN_PSK') or SecretValue.fromPulumiConfig('vpnPsk').` });
      const device = p.customerDevice as Record<string, unknown> | undefined;
      if (device && device.preSharedKey !== undefined) {
        const deviceProblem = secretProblem(device.preSharedKey);
        if (deviceProblem) problems.push({ resource: connection.logicalId, property: "customerDevice.preSharedKey", message: `customerDevice.preSharedKey ${deviceProblem}; use a SecretValue.` });
      }
      yield* problems;
    }
  },
};
