import { SecretRef } from "./manifest";

/**
 * A secret input (a pre-shared key). Only where the value comes from is
 * recorded; the value is read at deploy time and never written to a manifest,
 * snapshot, log or error.
 */
export class SecretValue {
  /** The value of an environment variable at deploy time. */
  public static fromEnv(name: string): SecretValue {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new Error(`SecretValue.fromEnv: '${name}' is not a valid environment variable name`);
    }
    return new SecretValue({ secret: { source: "env", name } });
  }

  /** A Pulumi config secret (`pulumi config set --secret <key>`), read by the Pulumi adapter. */
  public static fromPulumiConfig(key: string): SecretValue {
    if (!key) throw new Error("SecretValue.fromPulumiConfig: the config key is empty");
    return new SecretValue({ secret: { source: "pulumi-config", key } });
  }

  private constructor(public readonly ref: SecretRef) {}

  /** Human description of where the value comes from, never the value. */
  public toString(): string {
    const s = this.ref.secret;
    return s.source === "env" ? `env:${s.name}` : `pulumi-config:${s.key}`;
  }
}
