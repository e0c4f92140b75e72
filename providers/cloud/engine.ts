import type { Transaction } from "better-sqlite3";
import * as crypto from "crypto";
import * as path from "path";
import { CloudProfile, findProfile, ProfileName, PROFILE_NAMES, tryFindProfile } from "../../lib";
import { NetworkModel } from "../../lib";
import { allActions } from "./actions";
import { ApiKeyPair, createApiKey, tryOpenApiKey } from "./api-keys";
import { canonicalJson } from "./actions/kind";
import { ActionContext, ActionDefinition } from "./actions/types";
import { buildNetworkModel } from "./dataplane/model";
import type { CloudClient } from "./client";
import { CloudError } from "./errors";
import { JsonObject, ParamReader } from "./params";
import { deriveKey, SealKey } from "./seal";
import { SecretBox } from "./secret-box";
import { BUSY_TIMEOUT_MS, Db, defaultStorePath, openDatabase, readOnlyStoreError, Store, storeError } from "./store";

export interface CloudEngineOptions {
  /**
   * The store: a file path, or `":memory:"` for a private in-memory store.
   *
   * @default - `$HYBRIDLINK_STATE`, else `.hybridlink/state.db` under the working directory
   */
  readonly path?: string;
  /**
   * The cloud profile this connection's requests are checked against. A store
   * holds resources of several profiles side by side (their regions differ);
   * the first profile a store was opened with is its default.
   *
   * @default - the store's default profile; "tencent" for a new store
   */
  readonly profile?: ProfileName;
}

/** Who makes a request, and the client token that makes a create safe to retry. */
export interface RequestContext {
  readonly account: string;
  /**
   * Idempotency token of a create: a retry with the same token and parameters
   * returns the resource the first request created (as it is now) instead of
   * creating again. The token lives as long as that resource.
   *
   * @default - none (every create creates)
   */
  readonly clientToken?: string;
  /**
   * The request comes from the store's operator (whoever holds the store file:
   * the CLI, the deploy tools; or the API server's admin path): it may also
   * call simulator verbs (`ActionDefinition.operatorOnly`). It still acts as
   * `account` for everything an account can do.
   *
   * @default false
   */
  readonly operator?: boolean;
  /**
   * The region the request is made in (the cloud APIs' X-TC-Region / RegionId):
   * a write that names a resource of another region finds nothing, exactly as
   * if it did not exist (cloud-api: resources are regional; a peering belongs
   * to both its ends' regions; customer gateways, CCNs and IDC sites to none).
   *
   * @default - every region (the CLI and the deploy tools, which name resources by ID across regions)
   */
  readonly region?: string;
}

/** An open write transaction of the engine's (see `CloudEngine.beginBatch`). */
export interface EngineBatch {
  /** Commits everything since the batch began. */
  commit(): void;
  /** Undoes everything since the batch began. */
  rollback(): void;
}

const DEFAULT_PROFILE: ProfileName = "tencent";
const BUSY_RETRIES = 3;

/**
 * The simulated cloud: one JSON-in/JSON-out entry point, as a cloud API is.
 * Every action runs in one SQLite transaction (writes with BEGIN IMMEDIATE,
 * so writers from several processes queue instead of failing); a refused or
 * failed action changes nothing.
 */
export class CloudEngine implements CloudClient {
  /** Opens (creating if needed) the store and its schema. */
  public static open(options: CloudEngineOptions = {}): CloudEngine {
    const file = options.path ?? defaultStorePath();
    if (options.profile !== undefined && !tryFindProfile(options.profile)) {
      throw new CloudError("InvalidParameterValue.Profile", `Unknown cloud profile '${options.profile}': use one of ${PROFILE_NAMES.join(", ")}.`);
    }
    const db = openDatabase(file);
    try {
      const store = new Store(db, new SecretBox(file === ":memory:" ? file : path.resolve(file)));
      // A read-only store (see openDatabase) was brought up to date in its snapshot: nothing to write here.
      const profileName = db.readonly
        ? (options.profile ?? store.meta.tryGet("profile") ?? DEFAULT_PROFILE)
        : db
        .transaction(() => {
          store.meta.ensureClock();
          // Keys written before they were sealed (schema ≤ 10) are sealed the first time the store is opened.
          store.secrets.sealPlainRows();
          const stored = store.meta.tryGet("profile");
          if (stored === undefined) {
            const name = options.profile ?? DEFAULT_PROFILE;
            store.meta.put("profile", name);
            return name;
          }
          // One store holds several clouds side by side (a Tencent stack beside an Alibaba one): a
          // connection acts with the profile it asks for; the store's first profile is only the default.
          return options.profile ?? stored;
        })
        .immediate();
      return new CloudEngine(db, store, file === ":memory:" ? file : path.resolve(file), findProfile(profileName));
    } catch (err) {
      db.close();
      throw err;
    }
  }

  /** The cloud profile of this connection (the store's default unless one was asked for). */
  public readonly profile: CloudProfile;
  /** The store's file (or `:memory:`). */
  public readonly path: string;

  private readonly actions: Map<string, ActionDefinition>;
  /** One transaction wrapper for every action (BEGIN IMMEDIATE for writes, deferred for reads). */
  private readonly transaction: Transaction<CloudEngine["perform"]>;

  private constructor(
    private readonly db: Db,
    private readonly store: Store,
    file: string,
    profile: CloudProfile,
  ) {
    this.path = file;
    this.profile = profile;
    this.actions = new Map(allActions().map((a) => [a.name, a]));
    // The arguments pass straight through: no closure per request.
    this.transaction = db.transaction(this.perform.bind(this));
  }

  /** Every action name the engine serves, sorted. */
  public actionNames(): string[] {
    return [...this.actions.keys()].sort();
  }

  /** The simulator verbs only the store's operator may call (`RequestContext.operator`). */
  public operatorActionNames(): string[] {
    return [...this.actions.values()].filter((a) => a.operatorOnly).map((a) => a.name).sort();
  }

  /**
   * Runs one API action as `ctx.account` and returns its JSON response.
   * Throws a CloudError (code, message, action, requestId) for every refusal.
   */
  public request(action: string, params: object = {}, ctx: RequestContext): JsonObject {
    // The operator's store is read-only here: the user's input (exit 2), not the cloud's refusal.
    if (this.db.readonly && this.actions.get(action)?.writes) throw readOnlyStoreError(this.db, action);
    try {
      const account = checkAccount(ctx, action);
      const def = this.actions.get(action);
      if (!def) {
        throw new CloudError("InvalidAction", `'${action}' is not an action of the simulated cloud. Actions: ${this.actionNames().join(", ")}.`);
      }
      if (def.operatorOnly && ctx.operator !== true) {
        // Our own code (an assumption: no cloud has these verbs); UnauthorizedOperation is the class both clouds use for "not allowed to".
        throw new CloudError(
          "UnauthorizedOperation.OperatorOnly",
          `${action} is a simulator verb (it moves the shared clock, fails devices or injects traffic for every account), an operator's act, not an account's. ` +
            "Run it as the store's operator: the hybridlink CLI on the store file, or `hybridlink serve`'s admin path with its token.",
        );
      }
      const token = def.creates ? checkToken(ctx.clientToken, action) : undefined;
      const digest = token !== undefined ? requestDigest(params) : undefined;
      try {
        return def.writes
          ? this.write(def, action, account, params, token, digest, ctx.region, ctx.operator === true)
          : this.transaction.deferred(def, action, account, params, token, digest, undefined, ctx.operator === true);
      } catch (err) {
        this.store.forgetCaches();
        throw err;
      }
    } catch (err) {
      // The store's own trouble (disk full, damaged) is the operator's to fix, not a refusal of the request.
      const store = storeError(this.path, err);
      throw store !== err ? store : asCloudError(err, action);
    }
  }

  /**
   * The network model of the data plane at the engine clock's now, over every
   * account (the simulator operator's view, as the CLI draws and drills it). The
   * Trace and DescribeReachability actions use one account's view instead.
   */
  public networkModel(): NetworkModel {
    return this.db
      .transaction(() => {
        this.store.beginAction();
        return buildNetworkModel(this.store, this.profile, this.store.meta.now());
      })
      .deferred();
  }

  /**
   * A new API key pair for `account` on `cloud` ("tencent" | "alibaba"), for
   * the cloud API server; the secret is returned this once and stored sealed.
   */
  public createApiKey(account: string, cloud: string): ApiKeyPair {
    return this.db.transaction(() => createApiKey(this.store, this.sealKey(), account, cloud, this.store.meta.now())).immediate();
  }

  /** The key pair of an API key ID (to verify a request's signature), or undefined for an unknown key. */
  public tryFindApiKey(keyId: string): ApiKeyPair | undefined {
    return tryOpenApiKey(this.store, this.sealKey(), keyId);
  }

  /**
   * The store's own connection, for tables kept beside the engine's (the
   * CLI's stack records): their writes then join the engine's transactions
   * (see `batch`) and do not make it drop its caches, as another
   * connection's commits do.
   */
  public storeConnection(): Db {
    return this.db;
  }

  /**
   * Opens one write transaction that the following requests join (each in
   * a savepoint of its own, so a refused one still changes nothing), with
   * every write on `storeConnection()`, until `commit()`: a deployment
   * commits many resources and their records at once, and a crash loses a
   * whole batch or nothing of it. A batch inside an open transaction is
   * that transaction's.
   */
  public beginBatch(): EngineBatch {
    if (this.db.inTransaction) return { commit: () => undefined, rollback: () => undefined };
    this.db.exec("BEGIN IMMEDIATE");
    const end = (sql: string) => {
      if (!this.db.inTransaction) return;
      try {
        this.db.exec(sql);
      } finally {
        if (sql === "ROLLBACK") this.store.forgetCaches();
      }
    };
    return { commit: () => end("COMMIT"), rollback: () => end("ROLLBACK") };
  }

  /** Closes the store. */
  public close(): void {
    if (this.db.open) this.db.close();
  }

  private digestKey: Buffer | undefined;

  /** Seals the keys this store keeps (the CLI's stack records use it for the keys they generate). */
  public secretBox(): SecretBox {
    return this.store.box;
  }

  /**
   * The HMAC key the CLI's stack records digest pre-shared keys under, to
   * tell a rotated key from an unchanged one (derived from this store's
   * sealing key: a copy of the store without its key file cannot test guesses).
   */
  public secretDigestKey(): Buffer {
    return (this.digestKey ??= deriveKey(this.sealKey(), "psk-digest"));
  }

  private sealKey(): SealKey {
    return this.store.box.sealKey();
  }

  private write(
    def: ActionDefinition,
    action: string,
    account: string,
    params: object,
    token: string | undefined,
    digest: string | undefined,
    region: string | undefined,
    operator: boolean,
  ): JsonObject {
    for (let attempt = 1; ; attempt++) {
      try {
        return this.transaction.immediate(def, action, account, params, token, digest, region, operator);
      } catch (err) {
        // The busy handler has already waited BUSY_TIMEOUT_MS; retrying a few times covers a long writer.
        if (!isBusy(err) || attempt >= BUSY_RETRIES) throw err;
      }
    }
  }

  /** One action inside its transaction: the client token's earlier resource if there is one, else the action itself. */
  private perform(
    def: ActionDefinition,
    action: string,
    account: string,
    params: object,
    token: string | undefined,
    digest: string | undefined,
    region: string | undefined,
    operator: boolean,
  ): JsonObject {
    this.store.beginAction();
    const actx: ActionContext = {
      action,
      account,
      store: this.store,
      profile: this.profile,
      now: this.store.meta.now(),
      clientToken: token,
      requestDigest: digest,
      ...(region !== undefined ? { region } : {}),
      ...(operator ? { operator: true as const } : {}),
    };
    if (token !== undefined) {
      const created = this.store.resources.tryGetByClientToken(account, token);
      if (created) {
        if (created.type !== def.creates || created.requestDigest !== digest) {
          throw new CloudError(
            "IdempotentParameterMismatch",
            `${action}: client token '${token}' already created ${created.type} '${created.id}' from another request. ` +
              "Retry with exactly the same request, or use a new token for a new request.",
          );
        }
        return def.replay!(created, actx);
      }
    }
    return def.run(ParamReader.of(params, action), actx);
  }
}

function checkAccount(ctx: RequestContext | undefined, action: string): string {
  const account = ctx?.account;
  if (typeof account !== "string" || account.trim() === "") {
    throw new CloudError("AuthFailure", `${action}: every request is made as an account; pass { account: "<account id>" } as the request context.`);
  }
  return account;
}

function checkToken(token: unknown, action: string): string | undefined {
  if (token === undefined) return undefined;
  if (typeof token !== "string" || token.length === 0 || token.length > 128) {
    throw new CloudError("InvalidParameter", `${action}: the client token must be a string of 1–128 characters.`);
  }
  return token;
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

/**
 * The digest of a create's parameters stored with its client token: a retry
 * must send the same parameters (in any key order) to get the same resource.
 */
function requestDigest(params: object): string {
  return sha256Hex(canonicalJson(params)).slice(0, 32);
}

// crypto.hash (Node 20.12+) skips the Hash object a one-shot digest does not need.
const sha256Hex: (text: string) => string =
  typeof crypto.hash === "function" ? (text) => crypto.hash("sha256", text, "hex") : (text) => crypto.createHash("sha256").update(text).digest("hex");

function asCloudError(err: unknown, action: string): CloudError {
  // A request ID is only ever shown with a refusal, so only a refusal draws one.
  const requestId = crypto.randomUUID();
  if (CloudError.isCloudError(err)) {
    err.action = action;
    err.requestId = requestId;
    return err;
  }
  // Messages of unexpected errors are not echoed: they could quote a request's parameters.
  const code = isBusy(err) ? "InternalError.StoreBusy" : "InternalError";
  const message = isBusy(err)
    ? `${action}: the store stayed locked by another process for ${(BUSY_TIMEOUT_MS * BUSY_RETRIES) / 1000}s; nothing was changed. Retry the request.`
    : `${action}: the engine failed (${(err as Error)?.name ?? "Error"}); nothing was changed. Request ${requestId}.`;
  const wrapped = new CloudError(code, message, action, requestId);
  (wrapped as { cause?: unknown }).cause = err;
  return wrapped;
}
