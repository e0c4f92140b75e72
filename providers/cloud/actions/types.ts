import { CloudProfile } from "../../../lib";
import { JsonObject, ParamReader } from "../params";
import { ResourceType } from "../../../lib";
import { ResourceRow, Store } from "../store";

/** What an action sees: who asks, the store (inside the action's transaction), the profile and the engine clock. */
export interface ActionContext {
  readonly action: string;
  readonly account: string;
  readonly store: Store;
  readonly profile: CloudProfile;
  /** Engine time at the start of the action, in milliseconds since the Unix epoch. */
  readonly now: number;
  /** A create's client token and the digest of its parameters, stored with the new resource. */
  readonly clientToken?: string;
  readonly requestDigest?: string;
  /** The request's region (RequestContext.region): a write's lookups find only resources there. */
  readonly region?: string;
  /** Set when the store's operator asks (`RequestContext.operator`): some reads show the operator every account. */
  readonly operator?: true;
}

/** One API action. */
export interface ActionDefinition {
  readonly name: string;
  /** Writes run in a BEGIN IMMEDIATE transaction; reads in a snapshot. */
  readonly writes: boolean;
  /**
   * A simulator verb (moving the clock, failing a device, injecting traffic):
   * no cloud has it, so no account may call it; only the store's operator
   * (`RequestContext.operator`: the CLI with the store file, the API server's
   * admin path with its token).
   */
  readonly operatorOnly?: true;
  /** The type a create action creates; creates honour client tokens. */
  readonly creates?: ResourceType;
  run(params: ParamReader, ctx: ActionContext): JsonObject;
  /** A create's response for a resource it already created (a retry with the same client token). */
  replay?(row: ResourceRow, ctx: ActionContext): JsonObject;
}

let lastMs = NaN;
let lastIso = "";

/** Engine time as the API shows it. */
export function isoTime(ms: number): string {
  // The clock stands still between advances, so one conversion serves many items.
  if (ms !== lastMs) {
    lastIso = new Date(ms).toISOString();
    lastMs = ms;
  }
  return lastIso;
}
