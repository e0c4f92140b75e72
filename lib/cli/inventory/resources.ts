import { valueText } from "../../core/errors";
import { ResourceType } from "../../core/manifest";
import { CloudEngine, ID_PREFIXES, JsonObject, KINDS, NOUNS } from "../../../providers/cloud";
import { CliError } from "../errors";
import { StackView } from "../stack/lookup";

/** One resource as the cloud describes it to an account that can see it, with the stack that deployed it. */
export interface InventoryItem {
  readonly id: string;
  readonly type: ResourceType;
  readonly account: string;
  readonly name?: string;
  readonly region?: string;
  readonly state?: string;
  /** The stack and logical ID that deployed it; absent for resources made outside any stack. */
  readonly stack?: string;
  readonly logicalId?: string;
  /** Every field the cloud's Describe returns (it never returns a pre-shared key). */
  readonly fields: JsonObject;
}

/** Which resources to list. */
export interface InventoryFilter {
  /** A type (`VpnConnection`) or its people's name (`vpn connection`), any case. */
  readonly kind?: string;
  readonly region?: string;
  /** Only the resources of the stacks considered (else every resource the accounts can see). */
  readonly stackOnly?: boolean;
}

const TYPES = Object.keys(KINDS) as ResourceType[];

/** The type a `--kind` names: the type itself or its noun, any case, spaces and dashes ignored. */
export function kindOf(text: string): ResourceType {
  const key = (s: string) => s.toLowerCase().replace(/[\s_-]/g, "");
  const found = TYPES.find((t) => key(t) === key(text) || key(NOUNS[t]) === key(text) || ID_PREFIXES[t] === text.toLowerCase());
  if (!found) {
    throw CliError.usage("UnknownKind", `--kind is '${text}', which is not a kind of resource the cloud has.`, {
      path: "--kind",
      hint: `use one of ${TYPES.join(", ")}`,
    });
  }
  return found;
}

/** The type of a cloud ID, by its prefix (`vpnx-00000001` → VpnConnection). */
export function typeOfCloudId(id: string): ResourceType | undefined {
  const prefix = id.slice(0, id.lastIndexOf("-"));
  return TYPES.find((t) => ID_PREFIXES[t] === prefix);
}

/**
 * Every resource the accounts can see, described by the cloud (one Describe
 * per kind and account), each once, in ID order within kind order.
 */
export function inventory(engine: CloudEngine, view: StackView, accounts: readonly string[], filter: InventoryFilter = {}): InventoryItem[] {
  const types = filter.kind ? [kindOf(filter.kind)] : TYPES;
  const seen = new Map<string, InventoryItem>();
  for (const type of types) {
    for (const account of accounts) {
      const response = engine.request(KINDS[type].names.describe, {}, { account });
      for (const item of (response.items ?? []) as JsonObject[]) {
        const id = String(item.id);
        if (seen.has(id)) continue;
        const record = view.recordOf(id);
        seen.set(id, {
          id,
          type,
          account: valueText(item.account ?? account),
          ...(typeof item.name === "string" ? { name: item.name } : {}),
          ...(typeof item.region === "string" ? { region: item.region } : {}),
          ...(typeof item.state === "string" ? { state: item.state } : {}),
          ...(record ? { stack: view.stackOf(id), logicalId: record.logicalId } : {}),
          fields: item,
        });
      }
    }
  }
  return [...seen.values()].filter((r) => (filter.region === undefined || r.region === filter.region) && (!filter.stackOnly || r.stack !== undefined));
}

/** Whose resources to list: `--account`, else every account the stacks recorded (owners and default accounts). */
export function accountsToList(view: StackView, explicit: string | undefined, stackAccounts: readonly string[]): string[] {
  if (explicit) return [explicit];
  const env = process.env.HYBRIDLINK_ACCOUNT;
  const accounts = [...new Set([...(env ? [env] : []), ...view.stacks.map((s) => s.app.defaultAccount), ...stackAccounts])];
  if (!accounts.length) {
    throw CliError.usage("AccountRequired", "Whose resources? No stack is deployed here to say.", { hint: "pass --account <id> (or set HYBRIDLINK_ACCOUNT)" });
  }
  return accounts;
}
