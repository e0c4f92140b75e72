import { ResourceType } from "../../lib";
import { ACTIONS_BY_TYPE, CloudError } from "../cloud";
import type { CloudClient } from "../cloud";
import { JsonObject } from "./values";

/** The Describe item of one resource; throws the cloud's ResourceNotFound when it is gone. */
export function describe(engine: CloudClient, type: ResourceType, id: string, account: string): JsonObject {
  const response = engine.request(ACTIONS_BY_TYPE[type].describe, { ids: [id] }, { account });
  return (response.items as JsonObject[])[0];
}

/** The Describe item, or undefined when the resource is gone (or not the account's to see). */
export function tryDescribe(engine: CloudClient, type: ResourceType, id: string, account: string): JsonObject | undefined {
  try {
    return describe(engine, type, id, account);
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** True for the cloud's refusal of a resource that does not exist. */
export function isNotFound(err: unknown): boolean {
  return CloudError.isCloudError(err) && err.code === "ResourceNotFound";
}
