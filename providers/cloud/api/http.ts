import type { IncomingHttpHeaders } from "http";
import type { CloudEngine } from "../engine";

/** A request as the server read it: the whole body, headers by lower-case name. */
export interface ApiRequest {
  readonly method: string;
  /** Path and query, as received. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** What goes back on the wire. */
export interface ApiResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** The engine as the API modules see it: its public API only, never the store. */
export type ApiEngine = Pick<CloudEngine, "request" | "tryFindApiKey" | "profile">;

/** What every cloud module is given. */
export interface ApiContext {
  readonly engine: ApiEngine;
  /** Wall-clock seconds, for signature freshness (the SDKs sign with real time, not the engine clock). */
  readonly nowSeconds: () => number;
  /** Opened API keys by ID, so a request does not unseal its key again. */
  readonly keys: Map<string, ReturnType<ApiEngine["tryFindApiKey"]>>;
}

/** The key pair of an ID, opened once per server. */
export function apiKey(ctx: ApiContext, keyId: string): ReturnType<ApiEngine["tryFindApiKey"]> {
  if (ctx.keys.has(keyId)) return ctx.keys.get(keyId);
  const key = ctx.engine.tryFindApiKey(keyId);
  // Unknown IDs are not cached: a key created after the server started must work at once.
  if (key) ctx.keys.set(keyId, key);
  return key;
}

export function header(req: ApiRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}

/** Puts the caller's wire names in place of the engine's parameter names in a refusal's message. */
export function withWireNames(message: string, names: Readonly<Record<string, string>> | undefined): string {
  if (!names) return message;
  return message.replace(/'([A-Za-z.[\]0-9]+)'/g, (whole, name: string) => {
    const bare = name.replace(/\[\d+\]/g, "");
    return names[bare] !== undefined ? `'${names[bare]}'` : whole;
  });
}
