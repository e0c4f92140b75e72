import * as crypto from "crypto";
import * as http from "http";
import { AddressInfo } from "net";
import { ADMIN_PATH, handleAdmin } from "./admin/protocol";
import { isRpcV2 } from "./alibaba/auth";
import { handleAlibaba } from "./alibaba/protocol";
import { ApiContext, ApiEngine, ApiRequest, ApiResponse, json } from "./http";
import { isLegacyTencent } from "./tencent/auth";
import { handleTencent } from "./tencent/protocol";

export interface ApiServerOptions {
  readonly engine: ApiEngine;
  /** @default "127.0.0.1" */
  readonly host?: string;
  /** @default 0 (any free port) */
  readonly port?: number;
  /**
   * The token the admin path (simulator-only verbs) requires.
   *
   * @default - a random token, readable as `server.adminToken`
   */
  readonly adminToken?: string;
}

export interface ApiServer {
  /** `http://host:port`. */
  readonly url: string;
  readonly port: number;
  readonly adminToken: string;
  close(): Promise<void>;
}

/** Routes one request: the admin path, else by the cloud's action header (like moto's urls: the protocol decides the module). */
export function route(req: ApiRequest, ctx: ApiContext, adminToken: string): ApiResponse {
  if (req.url.startsWith(ADMIN_PATH)) return handleAdmin(req, ctx, adminToken);
  if (req.headers["x-tc-action"] !== undefined) return handleTencent(req, ctx);
  if (req.headers["x-acs-action"] !== undefined) return handleAlibaba(req, ctx);
  // The legacy forms may carry no action header: the key parameter tells the cloud (SecretId: Tencent v1; AccessKeyId: Alibaba RPC v2).
  if (isLegacyTencent(req)) return handleTencent(req, ctx);
  if (isRpcV2(req)) return handleAlibaba(req, ctx);
  return json(404, {
    Error: { Code: "UnknownProtocol", Message: "Send Tencent Cloud API 3.0 (X-TC-Action) or Alibaba Cloud RPC (x-acs-action) requests, or use the admin path." },
  });
}

/** Creates the routing context over an engine (one key cache per server). */
export function apiContext(engine: ApiEngine): ApiContext {
  return { engine, nowSeconds: () => Math.floor(Date.now() / 1000), keys: new Map() };
}

/**
 * The simulated cloud over HTTP: Tencent Cloud API 3.0 and Alibaba Cloud's VPC
 * RPC API, so the official SDKs work against it unchanged. The engine is
 * synchronous; each request runs to completion once its body is read.
 */
export function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const adminToken = options.adminToken ?? crypto.randomBytes(24).toString("base64url");
  const ctx = apiContext(options.engine);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const answer = route({ method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers, body: Buffer.concat(chunks) }, ctx, adminToken);
      res.writeHead(answer.status, { ...answer.headers, "content-length": Buffer.byteLength(answer.body) });
      res.end(answer.body);
    });
  });
  server.keepAliveTimeout = 5000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      const { address, port } = server.address() as AddressInfo;
      const host = address.includes(":") ? `[${address}]` : address;
      resolve({
        url: `http://${host}:${port}`,
        port,
        adminToken,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}
