import * as pulumi from "@pulumi/pulumi";
import { HybridlinkError } from "../core/errors";
import { isSecretRef, Manifest, SecretSource } from "../core/manifest";

/** Reads one secret for the Pulumi program: a secret Output, or undefined when it is not set. */
export type SecretReader = (source: SecretSource) => pulumi.Output<string> | undefined;

/**
 * The default reader: an environment variable of the program's process, or a
 * Pulumi config secret (`pulumi config set --secret <key>`; `ns:key` for
 * another namespace than the project's).
 */
export function readSecret(source: SecretSource): pulumi.Output<string> | undefined {
  if (source.source === "env") {
    const value = process.env[source.name];
    return value === undefined ? undefined : pulumi.secret(value);
  }
  const colon = source.key.indexOf(":");
  const config = colon > 0 ? new pulumi.Config(source.key.slice(0, colon)) : new pulumi.Config();
  return config.getSecret(colon > 0 ? source.key.slice(colon + 1) : source.key);
}

/** The map key of a secret source: `env:NAME` or `pulumi-config:key`. */
export function sourceKey(source: SecretSource): string {
  return source.source === "env" ? `env:${source.name}` : `pulumi-config:${source.key}`;
}

/** Words that name a secret's source, never its value. */
export function describeSource(source: SecretSource): string {
  return source.source === "env" ? `environment variable ${source.name}` : `Pulumi config secret '${source.key}'`;
}

/**
 * Every secret the manifest names, read before anything is registered: a
 * missing one fails the deployment listing all of them and the resources that
 * need them, and nothing is created. Values come back as secret Outputs.
 */
export function readSecrets(manifest: Manifest, reader: SecretReader = readSecret): Map<string, pulumi.Output<string>> {
  const values = new Map<string, pulumi.Output<string>>();
  const missing = new Map<string, { source: SecretSource; users: string[] }>();
  for (const resource of manifest.resources) {
    for (const [where, source] of secretsIn(resource.props, "")) {
      const key = sourceKey(source);
      const user = `${resource.path} (${where})`;
      if (missing.has(key)) missing.get(key)!.users.push(user);
      if (values.has(key) || missing.has(key)) continue;
      const value = reader(source);
      if (value === undefined) missing.set(key, { source, users: [user] });
      else values.set(key, pulumi.secret(value));
    }
  }
  if (missing.size > 0) {
    const lines = [...missing.values()].map((m) => `  ${describeSource(m.source)} is not set; needed by ${m.users.join(", ")}`);
    throw new HybridlinkError(
      "SecretMissing",
      `Deploy stopped before registering anything: ${missing.size} pre-shared key${missing.size === 1 ? "" : "s"} cannot be read.\n` +
        `${lines.join("\n")}\nSet each environment variable, or run \`pulumi config set --secret <key> <value>\` for a Pulumi config secret.`,
    );
  }
  return values;
}

function* secretsIn(value: unknown, path: string): Generator<[string, SecretSource]> {
  if (isSecretRef(value)) {
    yield [path, value.secret];
    return;
  }
  if (typeof value !== "object" || value === null) return;
  for (const [k, v] of Object.entries(value)) yield* secretsIn(v, path ? `${path}.${k}` : k);
}
