import * as path from "path";
import { CloudError } from "./errors";
import { isSealed, SEAL_KEY_ENV, SealKey, sealKeyFor, sealWith, unsealWith } from "./seal";

/**
 * Pre-shared keys at rest: every key a store keeps (the engine's `secrets`,
 * the CLI's generated `stack_secrets`) is sealed with AES-256-GCM under the
 * store's sealing key and bound to its row, so the file alone — a copy, a
 * backup, another local user reading it — yields no key (docs/security.md).
 * The key is read lazily: a store that never holds a secret never needs one.
 */
export class SecretBox {
  private key: SealKey | undefined;

  constructor(
    /** The store file (or `:memory:`), for the key's location and for messages. */
    private readonly storePath: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** `plain` sealed, bound to `context` (the row it belongs to). */
  public seal(plain: string, context: string): string {
    return sealWith(this.sealKey(), plain, context);
  }

  /**
   * The key kept in `stored`. A value written before keys were sealed is
   * plain text and read as such (`upgrade` seals it). A sealed value that does
   * not open was sealed under another key: refused, never returned as garbage.
   */
  public open(stored: string, context: string): string {
    if (!isSealed(stored)) return stored;
    const plain = unsealWith(this.sealKey(), stored, context);
    if (plain === undefined) throw this.mismatch(context);
    return plain;
  }

  /** The HMAC key for digests of keys (see `digestSecret`), derived from the same sealing key. */
  public sealKey(): SealKey {
    return (this.key ??= sealKeyFor(this.storePath, this.env));
  }

  private mismatch(context: string): CloudError {
    const keyFile = this.storePath === ":memory:" ? "the process" : path.join(path.dirname(this.storePath), "seal.key");
    return new CloudError(
      "FailedOperation.SealKeyMismatch",
      `The key kept for '${context}' in the store '${this.storePath}' was sealed under another sealing key, so it cannot be read. ` +
        `This happens when a store is copied or restored without its key file, or the key file or $${SEAL_KEY_ENV} changed. ` +
        `Put back the key file it was made with (${keyFile}) or set $${SEAL_KEY_ENV} to the value it was made with; ` +
        `otherwise set the pre-shared keys again (rotate them) so they are sealed under the current key.`,
    );
  }
}
