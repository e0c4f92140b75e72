import { IConstruct } from "constructs";

const ACKS = Symbol.for("hybridlink.Acknowledgements");

interface Entry {
  readonly ruleId: string;
  readonly reason: string;
}

/**
 * Warnings accepted on a scope. An acknowledgement applies to the scope and
 * everything under it, needs a non-empty reason, and is echoed in the report.
 */
export class Acknowledgements {
  /** The acknowledgements of a scope (created on first use). */
  public static of(scope: IConstruct): Acknowledgements {
    const holder = scope as unknown as Record<symbol, Acknowledgements | undefined>;
    let acks = holder[ACKS];
    if (!acks) {
      acks = new Acknowledgements(scope);
      Object.defineProperty(scope, ACKS, { value: acks });
    }
    return acks;
  }

  private readonly entries: Entry[] = [];

  private constructor(private readonly scope: IConstruct) {}

  /** Accept warning `ruleId` for this scope and its children, saying why. */
  public add(ruleId: string, reason: string): void {
    if (!/^[A-Z][A-Z0-9-]+$/.test(ruleId)) {
      throw new Error(`${this.scope.node.path || "<app>"}: '${ruleId}' is not a rule ID (e.g. HL-VPN-010)`);
    }
    if (!reason || !reason.trim()) {
      throw new Error(
        `${this.scope.node.path || "<app>"}: acknowledging ${ruleId} needs a non-empty reason saying why the warning is accepted`,
      );
    }
    this.entries.push({ ruleId, reason: reason.trim() });
  }

  /** The acknowledgements added on this scope. */
  public get all(): readonly Entry[] {
    return this.entries;
  }

  /** @internal */
  public static tryOf(scope: IConstruct): Acknowledgements | undefined {
    return (scope as unknown as Record<symbol, Acknowledgements | undefined>)[ACKS];
  }
}
