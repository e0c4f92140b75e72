import { IConstruct } from "constructs";
import { Intent, IntentKind } from "./manifest";
import { NetworkResource } from "./resource";

/** Something traffic starts from or goes to: a VPC, subnet, IDC site or direct-connect gateway, or an IP. */
export type Endpoint = NetworkResource | string;

export interface IntentOptions {
  /**
   * Also hold when any single customer-gateway device, tunnel or peering has
   * failed (each in turn, in steady state after health-check detection).
   *
   * @default false
   */
  readonly underSingleFailure?: boolean;
}

const INTENTS = Symbol.for("hybridlink.Intents");

/**
 * Declared expectations about the network. They become rules at synth time
 * (the finding of a broken intent carries the trace that breaks it) and can be
 * asserted against the live engine.
 */
export class Intents {
  public static of(scope: IConstruct): Intents {
    const holder = scope as unknown as Record<symbol, Intents | undefined>;
    let intents = holder[INTENTS];
    if (!intents) {
      intents = new Intents(scope);
      Object.defineProperty(scope, INTENTS, { value: intents });
    }
    return intents;
  }

  /** @internal */
  public static tryOf(scope: IConstruct): Intents | undefined {
    return (scope as unknown as Record<symbol, Intents | undefined>)[INTENTS];
  }

  private readonly declared: Array<{ kind: IntentKind; from: Endpoint; to: Endpoint; underSingleFailure: boolean }> =
    [];

  private constructor(private readonly scope: IConstruct) {}

  /** `from` and `to` must reach each other, both ways. */
  public reachable(from: Endpoint, to: Endpoint, options: IntentOptions = {}): this {
    this.declared.push({ kind: "reachable", from, to, underSingleFailure: options.underSingleFailure ?? false });
    return this;
  }

  /** No packet from `from` may be delivered to `to`. */
  public isolated(from: Endpoint, to: Endpoint, options: IntentOptions = {}): this {
    this.declared.push({ kind: "isolated", from, to, underSingleFailure: options.underSingleFailure ?? false });
    return this;
  }

  /** The intents as they go into the manifest. */
  public render(): Intent[] {
    return this.declared.map((d) => ({
      kind: d.kind,
      from: endpointId(d.from),
      to: endpointId(d.to),
      underSingleFailure: d.underSingleFailure,
      path: this.scope.node.path,
    }));
  }
}

function endpointId(e: Endpoint): string {
  return typeof e === "string" ? e : e.logicalId;
}
