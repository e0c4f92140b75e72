import { HybridlinkError } from "../../lib";

/**
 * A refusal by the simulated cloud, shaped like a cloud API error: a stable
 * code (`InvalidParameterValue.CidrOverlap`), a message that says what to
 * change, the action refused and the request it belonged to.
 */
export class CloudError extends HybridlinkError {
  /** True for any CloudError, whichever copy of the library raised it. */
  public static isCloudError(x: unknown): x is CloudError {
    return HybridlinkError.isHybridlinkError(x) && (x as CloudError).name === "CloudError";
  }

  /** The action that was refused, e.g. `CreateVpcPeeringConnection`. */
  public action: string;
  /** Identifies the request, as a cloud's RequestId does. */
  public requestId: string;

  constructor(code: string, message: string, action = "", requestId = "") {
    super(code, message);
    this.name = "CloudError";
    this.action = action;
    this.requestId = requestId;
  }

  /** The error as a cloud API returns it. */
  public toJSON(): { code: string; message: string; action: string; requestId: string } {
    return { code: this.code, message: this.message, action: this.action, requestId: this.requestId };
  }
}

/** The refusal for a resource that does not exist or that the caller may not see (existence is not leaked). */
export function notFound(noun: string, id: string, account: string): CloudError {
  return new CloudError(
    "ResourceNotFound",
    `${noun} '${id}' does not exist in account '${account}'. Check the ID, and that the request is made as the account that owns it.`,
  );
}
