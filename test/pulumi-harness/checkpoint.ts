import * as crypto from "crypto";
import * as fs from "fs";
import { isSecret, Json, JsonObject, SECRET_SIG, SIG_KEY } from "./wire";

/** One resource of the stack, as the checkpoint keeps it. */
export interface ResourceState {
  readonly urn: string;
  readonly type: string;
  readonly custom: boolean;
  readonly id?: string;
  readonly parent?: string;
  readonly inputs: JsonObject;
  readonly outputs: JsonObject;
  readonly dependencies: readonly string[];
}

/**
 * The stack's checkpoint between runs, as a JSON file like Pulumi's
 * (`deployment.resources` in registration order). Secret values are stored
 * encrypted, as Pulumi's passphrase secrets provider does: `{sig, ciphertext}`
 * with AES-256-GCM under a key kept beside the file.
 */
export class Checkpoint {
  constructor(private readonly file: string) {}

  public load(): ResourceState[] {
    if (!fs.existsSync(this.file)) return [];
    const doc = JSON.parse(fs.readFileSync(this.file, "utf8")) as { deployment: { resources: ResourceState[] } };
    return doc.deployment.resources.map((r) => this.transform(r, (v) => this.decrypt(v)));
  }

  public save(resources: readonly ResourceState[]): void {
    const doc = { version: 3, deployment: { resources: resources.map((r) => this.transform(r, (v) => this.encrypt(v))) } };
    fs.writeFileSync(this.file, `${JSON.stringify(doc, null, 2)}\n`);
  }

  /** The raw file text (what a reader of the state would see). */
  public text(): string {
    return fs.existsSync(this.file) ? fs.readFileSync(this.file, "utf8") : "";
  }

  private transform(r: ResourceState, secretFn: (v: Json) => Json): ResourceState {
    return { ...r, inputs: walk(r.inputs, secretFn) as JsonObject, outputs: walk(r.outputs, secretFn) as JsonObject };
  }

  private key(): Buffer {
    const keyFile = `${this.file}.key`;
    if (!fs.existsSync(keyFile)) fs.writeFileSync(keyFile, crypto.randomBytes(32).toString("hex"), { mode: 0o600 });
    return Buffer.from(fs.readFileSync(keyFile, "utf8"), "hex");
  }

  private encrypt(value: Json): Json {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv("aes-256-gcm", this.key(), iv);
    const body = Buffer.concat([cipher.update(JSON.stringify((value as { value: Json }).value)), cipher.final()]);
    return { [SIG_KEY]: SECRET_SIG, ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64") };
  }

  private decrypt(value: Json): Json {
    const raw = Buffer.from((value as { ciphertext: string }).ciphertext, "base64");
    const decipher = crypto.createDecipheriv("aes-256-gcm", this.key(), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    return { [SIG_KEY]: SECRET_SIG, value: JSON.parse(text) as Json };
  }
}

function walk(value: Json, secretFn: (v: Json) => Json): Json {
  if (isSecret(value)) return secretFn(value);
  if (Array.isArray(value)) return value.map((v) => walk(v, secretFn));
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, secretFn)]));
  return value;
}
