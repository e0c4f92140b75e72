import { ManifestResource } from "../../core/manifest";
import { propsOf } from "./read";

/** The health check of a connection when it is configured and enabled. */
export function enabledHealthCheck(connection: ManifestResource<"VpnConnection">): Record<string, unknown> | undefined {
  const check = propsOf(connection).healthCheck;
  if (typeof check !== "object" || check === null) return undefined;
  const record = check as Record<string, unknown>;
  return record.enabled === true ? record : undefined;
}
