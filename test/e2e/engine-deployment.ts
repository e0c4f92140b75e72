import { createHash } from "crypto";
import { isSecretRef, Manifest, SecretSource } from "../../lib/core/manifest";
import { NetworkApp } from "../../lib/core/app";
import { PROFILE_NAMES, ProfileName } from "../../lib/core/profiles";
import { NetworkModel } from "../../lib/net/model";
import { DeployContext, executeOperation, OperationOutcome } from "../../lib/cli/deploy/apply";
import { SecretResolver } from "../../lib/cli/deploy/secrets";
import { priorStateOf } from "../../lib/cli/deploy/state";
import { StackResource, StackStore } from "../../lib/cli/stack/stack-store";
import { ACCOUNT_FEATURES, CloudEngine } from "../../providers/cloud";
import { closeEngines, engineFor, grantedFeatures, planDeployment } from "../../providers/dynamic";
import type { DeploymentPlan, ProviderSettings } from "../../providers/dynamic";
import type { JsonObject } from "../../providers/cloud/params";

/** The stack every e2e deployment records its resources under. */
const STACK = "e2e";

/** What one `apply` did: the shared plan and each call's outcome. */
export interface AppliedPlan {
  readonly plan: DeploymentPlan;
  readonly outcomes: readonly OperationOutcome[];
}

/** Options of one `apply`. */
export interface ApplyOptions {
  /**
   * Accept cross-account peerings as the accepter right after creating them
   * (the CLI's `--accept-peerings`).
   *
   * @default false
   */
  readonly acceptPeerings?: boolean;
  /**
   * The tickets granted before planning: `"vpn-route-table"` grants it to every account of the app
   * where the cloud gates it (as a Tencent customer using route tables must have); a list grants
   * exactly those (the synth ⊇ engine property grants what the warnings name); `[]` none.
   *
   * @default "vpn-route-table"
   */
  readonly tickets?: "vpn-route-table" | readonly TicketGrant[];
}

/** One account feature to grant before a deployment. */
export interface TicketGrant {
  readonly account: string;
  readonly feature: string;
}

/**
 * One app's deployments on a fresh in-memory engine, made the way `hybridlink
 * up` makes them, in process: the shared `planDeployment` against what the
 * stack recorded, then the CLI's `executeOperation` for each call, which goes
 * through the shared provider CRUD of `providers/dynamic`. Pre-shared keys
 * come only from the environment this object is given; a key the app names
 * but the environment lacks is an error here (the CLI would invent one).
 *
 * The provider CRUD keeps one engine per store path and process, so only one
 * deployment may be open at a time: `close` before opening the next.
 */
export class EngineDeployment {
  /** Opens an empty in-memory cloud with the app's profile (a manifest's `app.profile`). */
  public static open(profile: string, env: Readonly<Record<string, string>>): EngineDeployment {
    if (!(PROFILE_NAMES as readonly string[]).includes(profile)) throw new Error(`'${profile}' is not a cloud profile (${PROFILE_NAMES.join(", ")})`);
    // A left-over `:memory:` engine would carry another test's resources.
    closeEngines();
    return new EngineDeployment({ statePath: ":memory:", profile: profile as ProfileName }, env);
  }

  /** The simulated cloud the providers deploy to. */
  public readonly engine: CloudEngine;
  private readonly store: StackStore;
  private readonly records = new Map<string, StackResource>();

  private constructor(
    private readonly settings: ProviderSettings,
    private readonly env: Readonly<Record<string, string>>,
  ) {
    this.engine = engineFor(settings);
    // Stack records only: a second in-memory database beside the engine's.
    this.store = StackStore.open(":memory:");
  }

  /** Plans `app` (or its manifest) against what is deployed and applies every call; throws the first refusal. */
  public apply(app: NetworkApp | Manifest, options: ApplyOptions = {}): AppliedPlan {
    const manifest = NetworkApp.isNetworkApp(app) ? app.synth() : app;
    const secrets = new SecretResolver(this.store, STACK, this.env);
    for (const source of secretSourcesOf(manifest)) {
      if (secrets.peek(source) === undefined) {
        throw new Error(`${describeSource(source)} has no value in the test's environment: give every key the app names.`);
      }
    }
    const acceptPeerings = options.acceptPeerings === true;
    // By default the app's accounts hold the VPN route table's ticket (seed 000's gray release), as a Tencent customer
    // using route tables must; test/providers/cloud/account-features.test.ts and the CLI tests cover the refusal without it.
    const tickets = options.tickets ?? "vpn-route-table";
    const grants: readonly TicketGrant[] =
      tickets === "vpn-route-table"
        ? [...new Set([manifest.app.defaultAccount, ...manifest.resources.map((r) => r.account)])]
            .filter(() => ACCOUNT_FEATURES["vpn-route-table"].applies(this.engine.profile))
            .map((account) => ({ account, feature: "vpn-route-table" }))
        : tickets;
    for (const { account, feature } of grants) this.engine.request("GrantAccountFeature", { feature, ticket: "e2e-ticket" }, { account, operator: true });
    const ctx: DeployContext = { stack: STACK, manifest, store: this.store, settings: this.settings, secrets, acceptPeerings };
    const plan = planDeployment(manifest, priorStateOf([...this.records.values()]), {
      resolveSecret: (s) => secrets.peek(s),
      acceptPeerings,
      // Records hold keys as digests under the engine's key (apply makes them so): compare under the same key.
      digestKey: this.engine.secretDigestKey(),
      // As `up` does: an account lacking a ticket stops the plan before its first create.
      hasFeature: grantedFeatures(this.engine),
    });
    const outcomes = plan.operations.map((op) => executeOperation(ctx, op, this.records));
    return { plan, outcomes };
  }

  /** The cloud ID of a deployed resource, by logical ID. */
  public cloudId(logicalId: string): string {
    const id = this.records.get(logicalId)?.cloudId;
    if (id === undefined) throw new Error(`'${logicalId}' is not deployed; deployed: ${[...this.records.keys()].join(", ")}`);
    return id;
  }

  /** Logical ID → cloud ID of everything deployed. */
  public cloudIds(): Map<string, string> {
    return new Map([...this.records.values()].filter((r) => r.cloudId !== undefined).map((r) => [r.logicalId, r.cloudId!]));
  }

  /** The stack's records, as `up` keeps them (inputs with keys as digests, outputs as the cloud described them). */
  public stackRecords(): StackResource[] {
    return this.store.resources(STACK);
  }

  /** The data plane now, over every account (the operator's view). */
  public networkModel(): NetworkModel {
    return this.engine.networkModel();
  }

  /** One API request as `account`. */
  public request(action: string, params: object, account: string): JsonObject {
    // The test is the store's operator: failover drills call simulator verbs (Fail…, AdvanceClock).
    return this.engine.request(action, params, { account, operator: true });
  }

  /** Advances the engine clock by `seconds` of simulated time (as `account`, which only scopes the reported transitions). */
  public advance(seconds: number, account: string): JsonObject {
    return this.request("AdvanceClock", { seconds }, account);
  }

  /** Closes the engine and the stack records. */
  public close(): void {
    this.store.close();
    closeEngines();
  }
}

/** Every key source a manifest names. */
export function secretSourcesOf(manifest: Manifest): SecretSource[] {
  const out = new Map<string, SecretSource>();
  const visit = (value: unknown): void => {
    if (isSecretRef(value)) out.set(describeSource(value.secret), value.secret);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === "object" && value !== null) Object.values(value).forEach(visit);
  };
  for (const r of manifest.resources) visit(r.props);
  return [...out.values()];
}

/**
 * A test environment with a distinct key for every environment-variable
 * source the manifest names: printable, no spaces, recognisable in a leak
 * search, and different per variable so a swapped key would not negotiate.
 */
export function keyEnvironment(manifest: Manifest): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of secretSourcesOf(manifest)) {
    if (source.source !== "env") throw new Error(`${describeSource(source)}: the e2e tests give keys through environment variables only`);
    env[source.name] = `e2e-psk-${createHash("sha256").update(source.name).digest("hex").slice(0, 24)}`;
  }
  return env;
}

function describeSource(source: SecretSource): string {
  return source.source === "env" ? `env:${source.name}` : `pulumi-config:${source.key}`;
}
