import { CloudProfile } from "../../../lib/core/profiles";
import { JsonObject, ParamReader } from "../params";
import { Store } from "../store";

/** What an action sees: who asks, the store (inside the action's transaction), the profile and the engine clock. */
export interface ActionContext {
  readonly action: string;
  readonly account: string;
  readonly store: Store;
  readonly profile: CloudProfile;
  /** Engine time at the start of the action, in milliseconds since the Unix epoch. */
  readonly now: number;
}

/** One API action. */
export interface ActionDefinition {
  readonly name: string;
  /** Writes run in a BEGIN IMMEDIATE transaction; reads in a snapshot. */
  readonly writes: boolean;
  /** Creates honour the client token (a retried create returns the first response). */
  readonly creates?: boolean;
  run(params: ParamReader, ctx: ActionContext): JsonObject;
}

/** Engine time as the API shows it. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
