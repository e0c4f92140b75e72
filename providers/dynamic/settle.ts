import { ResourceType } from "../../lib";
import { NOUNS } from "../cloud";
import type { CloudClient } from "../cloud";
import { describe } from "./describe";
import { ProviderError } from "./errors";
import { ACCEPT_INPUT } from "./inputs";
import { ProviderSettings } from "./settings";
import { JsonObject } from "./values";

const DEFAULT_MAX_WAIT_SECONDS = 1800;

/** The types whose create waits on the engine clock (a VPN gateway's provisioning): the only ones that move it. */
export const WAITS_ON_CLOCK: ReadonlySet<ResourceType> = new Set<ResourceType>(["VpnGateway"]);

/**
 * Brings a just-created (or just-modified) resource to the state a deployment
 * waits for: a VPN gateway to AVAILABLE (seed 001: it takes minutes), a
 * cross-account peering to ACTIVE when the inputs ask to accept it. Returns the
 * final Describe item; throws when that state is not reached.
 */
export function settle(
  engine: CloudClient,
  type: ResourceType,
  id: string,
  item: JsonObject,
  inputs: JsonObject,
  account: string,
  settings: ProviderSettings,
): JsonObject {
  if (WAITS_ON_CLOCK.has(type)) return waitUntilAvailable(engine, id, item, account, settings.maxWaitSeconds ?? DEFAULT_MAX_WAIT_SECONDS);
  if (type === "PeeringConnection") return acceptIfAsked(engine, id, item, inputs, account);
  return item;
}

/**
 * Waits on the engine's clock, not the wall clock: it advances simulated time
 * to the gateway's announced `availableAt`, as a real provider would poll
 * while minutes pass.
 */
function waitUntilAvailable(engine: CloudClient, id: string, first: JsonObject, account: string, maxSeconds: number): JsonObject {
  let item = first;
  let waited = 0;
  while (item.state === "PENDING") {
    const now = Date.parse(String(engine.request("DescribeClock", {}, { account }).now));
    const due = typeof item.availableAt === "string" ? Date.parse(item.availableAt) : Number.NaN;
    const step = Number.isFinite(due) ? Math.max(1, Math.ceil((due - now) / 1000)) : 10;
    if (waited + step > maxSeconds) {
      throw new ProviderError(
        "WaitTimeout",
        `${NOUNS.VpnGateway} '${id}' was still ${item.state} after ${waited} simulated seconds (limit ${maxSeconds} s).`,
      );
    }
    engine.request("AdvanceClock", { seconds: step }, { account, operator: true });
    waited += step;
    item = describe(engine, "VpnGateway", id, account);
  }
  if (item.state !== "AVAILABLE") {
    throw new ProviderError("UnexpectedState", `${NOUNS.VpnGateway} '${id}' is ${String(item.state)}, not AVAILABLE.`);
  }
  return item;
}

function acceptIfAsked(engine: CloudClient, id: string, item: JsonObject, inputs: JsonObject, account: string): JsonObject {
  const accepter = inputs.accepterAccount;
  if (inputs[ACCEPT_INPUT] !== true || item.state !== "PENDING" || typeof accepter !== "string" || accepter === account) return item;
  engine.request("AcceptVpcPeeringConnection", { id }, { account: accepter });
  return describe(engine, "PeeringConnection", id, account);
}
