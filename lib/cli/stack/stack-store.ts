import type { Statement } from "better-sqlite3";
import { AppSettings, Intent, ResourceType } from "../../core/manifest";
import type { CloudEngine } from "../../../providers/cloud";
import * as path from "path";
import { Db, openDatabase, SecretBox } from "../../../providers/cloud";
import { StackLocks } from "./stack-lock";

/** Where one resource of a stack is in its life, as `up`/`destroy` recorded it. */
export type StackResourceStatus =
  /** A create was sent (with the recorded client token); the cloud ID is not known yet. */
  | "CREATING"
  /** Exists in the cloud with the recorded inputs. */
  | "READY"
  /** A delete was sent; the record goes once the cloud confirms. */
  | "DELETING";

/** A deployed app: what `up` deployed, under one stack name. */
export interface StackInfo {
  readonly name: string;
  /** The program (or manifest) last deployed, as given on the command line. */
  readonly program: string;
  readonly app: AppSettings;
  /** The app's declared intents, so drills can check them without the program. */
  readonly intents: readonly Intent[];
  /** Engine time of the last change. */
  readonly updatedAt: number;
}

/** One resource of a stack: its logical ID, cloud ID and what was applied. Never a pre-shared key. */
export interface StackResource {
  readonly logicalId: string;
  /** Construct path, for messages. */
  readonly path: string;
  readonly type: ResourceType;
  readonly account: string;
  readonly cloudId?: string;
  /** The inputs applied (references as cloud IDs; a secret only as a digest). */
  readonly inputs: Record<string, unknown>;
  /** What the cloud returned (ID, public IP, state…). */
  readonly outputs: Record<string, unknown>;
  readonly status: StackResourceStatus;
  readonly dependsOn: readonly string[];
  /** The idempotency token of this resource's create: a resumed `up` retries with it, so nothing is created twice. */
  readonly clientToken: string;
}

/**
 * Stack state for `plan`/`up`/`destroy`, kept in the engine's own store file
 * (tables `stacks` and `stack_resources`, created by the engine's migrations),
 * so a deployment and its record travel together. Each write is one
 * statement, committed at once: an interrupted `up` keeps everything it
 * recorded. On the engine's own connection (`StackStore.of`), records
 * written inside `engine.batch` commit with the requests they record.
 */
export class StackStore {
  /** Opens the stack tables of the store at `file` (a second connection beside the engine's). */
  public static open(file: string): StackStore {
    return new StackStore(openDatabase(file), true, new SecretBox(file === ":memory:" ? file : path.resolve(file)));
  }

  /** The stack tables on the engine's own connection (closing the stack store leaves it open). */
  public static of(engine: CloudEngine): StackStore {
    return new StackStore(engine.storeConnection(), false, engine.secretBox());
  }

  private readonly selectStacks: Statement;
  private readonly selectStack: Statement;
  private readonly upsertStack: Statement;
  private readonly deleteStack: Statement;
  private readonly selectResources: Statement;
  private readonly upsertResource: Statement;
  private readonly deleteResource: Statement;
  private readonly deleteResources: Statement;
  private readonly selectByCloudId: Statement;
  private readonly selectSecret: Statement;
  private readonly insertSecret: Statement;
  private readonly deleteSecrets: Statement;
  private readonly selectResource: Statement;
  private readonly selectDigest: Statement;
  private readonly updateDigest: Statement;
  private readonly clearDigest: Statement;

  private constructor(
    private readonly db: Db,
    private readonly owned: boolean,
    /** Seals generated keys at rest, bound to their stack and source (the engine's sealing key). */
    private readonly box: SecretBox,
  ) {
    this.selectStacks = db.prepare("SELECT name, program, app, intents, updated_at FROM stacks ORDER BY name");
    this.selectStack = db.prepare("SELECT name, program, app, intents, updated_at FROM stacks WHERE name = ?");
    this.upsertStack = db.prepare(
      `INSERT INTO stacks (name, program, app, intents, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET program = excluded.program, app = excluded.app, intents = excluded.intents, updated_at = excluded.updated_at`,
    );
    this.deleteStack = db.prepare("DELETE FROM stacks WHERE name = ?");
    this.selectResources = db.prepare(
      `SELECT logical_id, path, type, account, cloud_id, inputs, outputs, status, depends_on, client_token
       FROM stack_resources WHERE stack = ? ORDER BY logical_id`,
    );
    this.upsertResource = db.prepare(
      `INSERT INTO stack_resources (stack, logical_id, path, type, account, cloud_id, inputs, outputs, status, depends_on, client_token)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (stack, logical_id) DO UPDATE SET path = excluded.path, type = excluded.type, account = excluded.account,
         cloud_id = excluded.cloud_id, inputs = excluded.inputs, outputs = excluded.outputs, status = excluded.status,
         depends_on = excluded.depends_on, client_token = excluded.client_token`,
    );
    this.deleteResource = db.prepare("DELETE FROM stack_resources WHERE stack = ? AND logical_id = ?");
    this.deleteResources = db.prepare("DELETE FROM stack_resources WHERE stack = ?");
    this.selectByCloudId = db.prepare("SELECT stack, logical_id FROM stack_resources WHERE cloud_id = ?");
    this.selectSecret = db.prepare("SELECT value FROM stack_secrets WHERE stack = ? AND name = ?");
    this.insertSecret = db.prepare("INSERT INTO stack_secrets (stack, name, value) VALUES (?, ?, ?) ON CONFLICT (stack, name) DO NOTHING");
    this.deleteSecrets = db.prepare("DELETE FROM stack_secrets WHERE stack = ?");
    this.selectResource = db.prepare(
      `SELECT logical_id, path, type, account, cloud_id, inputs, outputs, status, depends_on, client_token
       FROM stack_resources WHERE stack = ? AND logical_id = ?`,
    );
    this.selectDigest = db.prepare("SELECT deployed_digest FROM stacks WHERE name = ?").pluck();
    this.updateDigest = db.prepare("UPDATE stacks SET deployed_digest = ? WHERE name = ?");
    this.clearDigest = db.prepare("UPDATE stacks SET deployed_digest = NULL WHERE name = ? AND deployed_digest IS NOT NULL");
    this.sealPlainSecrets();
  }

  /** Every stack in the store, by name. */
  public stacks(): StackInfo[] {
    return (this.selectStacks.all() as StackRow[]).map(toStack);
  }

  /** The stack of that name, or undefined. */
  public tryGetStack(name: string): StackInfo | undefined {
    const row = this.selectStack.get(name) as StackRow | undefined;
    return row ? toStack(row) : undefined;
  }

  /** Records (or updates) a stack's settings. */
  public putStack(stack: StackInfo): void {
    this.upsertStack.run(stack.name, stack.program, JSON.stringify(stack.app), JSON.stringify(stack.intents), stack.updatedAt);
  }

  /** Forgets a stack, its resource records and its generated keys. */
  public removeStack(name: string): void {
    this.db.transaction(() => {
      this.deleteResources.run(name);
      this.deleteSecrets.run(name);
      this.deleteStack.run(name);
    })();
  }

  /** The resource records of a stack, by logical ID. */
  public resources(stack: string): StackResource[] {
    return (this.selectResources.all(stack) as ResourceRowRaw[]).map(toResource);
  }

  /**
   * The digest `markDeployed` recorded for the stack, or undefined when the
   * stack's records have changed since (or no up has completed).
   */
  public tryGetDeployedDigest(stack: string): string | undefined {
    return (this.selectDigest.get(stack) as string | null | undefined) ?? undefined;
  }

  /** Records that the stack's records are exactly what an app with this digest deploys (after an up that completed). */
  public markDeployed(stack: string, digest: string): void {
    this.updateDigest.run(digest, stack);
    this.cleared.delete(stack);
  }

  // Stacks whose digest this connection has cleared since it last set one: a record write need not clear it again.
  // (A batch that fails to commit ends the command, and this store with it, so no rolled-back clear is trusted.)
  private readonly cleared = new Set<string>();

  private forgetDeployed(stack: string): void {
    if (this.cleared.has(stack)) return;
    this.clearDigest.run(stack);
    this.cleared.add(stack);
  }

  /** One resource record of a stack, or undefined. */
  public tryGetResource(stack: string, logicalId: string): StackResource | undefined {
    const row = this.selectResource.get(stack, logicalId) as ResourceRowRaw | undefined;
    return row ? toResource(row) : undefined;
  }

  /** Records one resource at once (its own transaction, unless inside `engine.batch`): what `up` has done survives an interruption. */
  public putResource(stack: string, r: StackResource): void {
    this.forgetDeployed(stack);
    this.upsertResource.run(
      stack,
      r.logicalId,
      r.path,
      r.type,
      r.account,
      r.cloudId ?? null,
      JSON.stringify(r.inputs),
      JSON.stringify(r.outputs),
      r.status,
      JSON.stringify(r.dependsOn),
      r.clientToken,
    );
  }

  /** Forgets one resource record. */
  public removeResource(stack: string, logicalId: string): void {
    this.forgetDeployed(stack);
    this.deleteResource.run(stack, logicalId);
  }

  /** Which stack and logical ID a cloud ID belongs to. */
  public tryFindByCloudId(cloudId: string): { stack: string; logicalId: string } | undefined {
    const row = this.selectByCloudId.get(cloudId) as { stack: string; logical_id: string } | undefined;
    return row ? { stack: row.stack, logicalId: row.logical_id } : undefined;
  }

  /** A pre-shared key `up` generated for this stack under a source name (`env:HL_PSK`), or undefined. Never printed. */
  public tryGetGeneratedSecret(stack: string, source: string): string | undefined {
    const stored = (this.selectSecret.get(stack, source) as { value: string } | undefined)?.value;
    return stored === undefined ? undefined : this.box.open(stored, secretContext(stack, source));
  }

  /**
   * Keeps a generated key so later runs (a resume, a new tunnel using the same
   * source) use the same one; the first writer wins, so two ends always agree.
   * Returns the stored value.
   */
  public putGeneratedSecret(stack: string, source: string, value: string): string {
    this.insertSecret.run(stack, source, this.box.seal(value, secretContext(stack, source)));
    return this.tryGetGeneratedSecret(stack, source)!;
  }

  /** Seals generated keys a store written before sealing keeps in plain text (once; nothing to do after). */
  private sealPlainSecrets(): void {
    const plain = this.db.prepare("SELECT stack, name, value FROM stack_secrets WHERE value NOT LIKE 'gcm1:%'").all() as { stack: string; name: string; value: string }[];
    if (plain.length === 0) return;
    const reseal = this.db.prepare("UPDATE stack_secrets SET value = ? WHERE stack = ? AND name = ? AND value = ?");
    this.db.transaction(() => {
      for (const row of plain) reseal.run(this.box.seal(row.value, secretContext(row.stack, row.name)), row.stack, row.name, row.value);
    })();
  }

  /** The stacks' locks, on this connection (see StackLocks). */
  public locks(): StackLocks {
    return (this.stackLocks ??= new StackLocks(this.db));
  }

  private stackLocks: StackLocks | undefined;

  /** Closes this connection (one borrowed from the engine stays open). */
  public close(): void {
    if (this.owned && this.db.open) this.db.close();
  }
}

/** The stack deployed (or updated) last, by engine time; undefined when there is none. */
export function latestStack(stacks: readonly StackInfo[]): StackInfo | undefined {
  return stacks.reduce<StackInfo | undefined>((latest, s) => (latest === undefined || s.updatedAt >= latest.updatedAt ? s : latest), undefined);
}

interface StackRow {
  name: string;
  program: string;
  app: string;
  intents: string;
  updated_at: number;
}

interface ResourceRowRaw {
  logical_id: string;
  path: string;
  type: string;
  account: string;
  cloud_id: string | null;
  inputs: string;
  outputs: string;
  status: string;
  depends_on: string;
  client_token: string;
}

function toStack(row: StackRow): StackInfo {
  return {
    name: row.name,
    program: row.program,
    app: JSON.parse(row.app) as StackInfo["app"],
    intents: JSON.parse(row.intents) as StackInfo["intents"],
    updatedAt: row.updated_at,
  };
}

function toResource(row: ResourceRowRaw): StackResource {
  return {
    logicalId: row.logical_id,
    path: row.path,
    type: row.type as ResourceType,
    account: row.account,
    ...(row.cloud_id !== null ? { cloudId: row.cloud_id } : {}),
    inputs: JSON.parse(row.inputs) as StackResource["inputs"],
    outputs: JSON.parse(row.outputs) as StackResource["outputs"],
    status: row.status as StackResourceStatus,
    dependsOn: JSON.parse(row.depends_on) as StackResource["dependsOn"],
    clientToken: row.client_token,
  };
}

/** What a generated key is bound to when sealed: a sealed value moved to another stack or source does not open. */
function secretContext(stack: string, source: string): string {
  return `stack:${stack}/${source}`;
}
