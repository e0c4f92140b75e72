import { HybridlinkError } from "../../lib";

/**
 * A provider refusing or undoing an operation for a reason of its own (not the
 * cloud's): a replacement asked of `update`, a create rolled back because a
 * later step failed. Cloud refusals pass through as the engine's CloudError.
 */
export class ProviderError extends HybridlinkError {
  /** True for any ProviderError, whichever copy of the library raised it. */
  public static isProviderError(x: unknown): x is ProviderError {
    return HybridlinkError.isHybridlinkError(x) && (x).name === "ProviderError";
  }

  constructor(code: string, message: string) {
    super(code, message);
    this.name = "ProviderError";
  }
}
