import { Construct, IConstruct } from "constructs";
import { Acknowledgements } from "./acknowledgements";
import { APP_CONTEXT, AppContext } from "./app-context";
import { Intents } from "./intents";
import { Manifest } from "./manifest";
import { CloudProfile, findProfile, PROFILE_NAMES, ProfileName } from "./profiles";
import { ConstructPropsError, is, propProblems } from "./props";
import { synthesize, SynthOptions, SynthResult } from "./synth";

const NETWORK_APP = Symbol.for("hybridlink.NetworkApp");

const APP_PROPS = {
  profile: is.optional(is.oneOf(PROFILE_NAMES)),
  defaultAccount: is.optional(is.account()),
  trustedAccounts: is.optional(is.list(is.account(), "account IDs")),
};

export interface NetworkAppProps {
  /**
   * The cloud whose documented rules apply.
   *
   * @default "tencent"
   */
  readonly profile?: ProfileName;

  /**
   * The account that owns resources which do not name one.
   *
   * @default "100000000001"
   */
  readonly defaultAccount?: string;

  /**
   * Other accounts this app knows. A peering that this app's default account
   * accepts, requested by an account not listed here, is a synth error (seed
   * 003 warns not to accept requests from accounts you do not know); the app
   * that requests a peering is not limited by it.
   *
   * @default - none
   */
  readonly trustedAccounts?: readonly string[];
}

/**
 * The root of a hybridlink construct tree: it carries the cloud profile and the
 * accounts, and synthesizes the tree into a validated manifest.
 */
export class NetworkApp extends Construct {
  /** True for a NetworkApp from any copy of the library. */
  public static isNetworkApp(x: unknown): x is NetworkApp {
    return typeof x === "object" && x !== null && NETWORK_APP in x;
  }

  /** The app at the root of `scope`'s tree; throws if there is none. */
  public static of(scope: IConstruct): NetworkApp {
    const root = scope.node.root;
    if (!NetworkApp.isNetworkApp(root)) {
      throw new Error(`${scope.node.path}: this construct is not inside a NetworkApp`);
    }
    return root;
  }

  public readonly profile: CloudProfile;
  public readonly defaultAccount: string;
  public readonly trustedAccounts: readonly string[];

  constructor(props: NetworkAppProps = {}) {
    super(undefined as unknown as Construct, "");
    const problems = propProblems(props, APP_PROPS);
    if (problems.length > 0) throw new ConstructPropsError("<app>", "NetworkApp", problems);
    props ??= {};
    this.profile = findProfile(props.profile ?? "tencent");
    this.defaultAccount = props.defaultAccount ?? "100000000001";
    this.trustedAccounts = [...(props.trustedAccounts ?? [])];
    Object.defineProperty(this, NETWORK_APP, { value: true });
    const context: AppContext = {
      profile: this.profile,
      defaultAccount: this.defaultAccount,
      trustedAccounts: this.trustedAccounts,
    };
    Object.defineProperty(this, APP_CONTEXT, { value: context });
  }

  /** Acknowledge a warning for the whole app (shorthand for `Acknowledgements.of(app).add`). */
  public acknowledge(ruleId: string, reason: string): void {
    Acknowledgements.of(this).add(ruleId, reason);
  }

  /** Declared intents of the whole app (shorthand for `Intents.of(app)`). */
  public get intents(): Intents {
    return Intents.of(this);
  }

  /**
   * Validate the tree and produce the manifest. Throws a `SynthError` listing
   * every error-level finding at once; warnings are in `synthesize()`'s report.
   */
  public synth(options: SynthOptions = {}): Manifest {
    return synthesize(this, options).manifest;
  }

  /** The manifest and the whole validation report (throws on errors unless `options.throwOnError` is false). */
  public synthesize(options: SynthOptions = {}): SynthResult {
    return synthesize(this, options);
  }
}
