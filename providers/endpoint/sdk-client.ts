import * as crypto from "crypto";
import { CloudProfile, findProfile, HybridlinkError, ProfileName } from "../../lib";
import { ACTIONS_BY_TYPE, CloudError } from "../cloud";
import type { CloudClient, JsonObject, RequestContext } from "../cloud";
import { callOverWire } from "./bridge";
import { credentialsFrom, Keyring } from "./credentials";
import { CloudKind, CloudPort, one } from "./kind";
import { TENCENT_NETWORK_KINDS } from "./tencent-kinds";
import { TENCENT_VPN_KINDS } from "./tencent-vpn-kinds";
import { TENCENT_CCN_KINDS } from "./tencent-ccn-kinds";
import { ALIBABA_KINDS } from "./alibaba-kinds";
import { ALIBABA_LOCATORS, Locator, TENCENT_LOCATORS } from "./locators";

export interface SdkClientOptions {
  /** The endpoint: `http://127.0.0.1:8080` (hybridlink serve) or a cloud's API host. */
  readonly endpoint: string;
  readonly profile: ProfileName;
  /** The key of each account (see credentialsFrom). */
  readonly credentials?: Keyring;
  /**
   * `hybridlink serve`'s admin token: simulator verbs (the engine clock, IDC
   * sites, failure drills) go to its admin path. Without one the endpoint is
   * taken for a real cloud: waiting is waiting, and simulator verbs are refused.
   */
  readonly adminToken?: string;
  /** The region of requests that name no resource. @default - the profile's first region */
  readonly region?: string;
}

/** Simulator-only kinds (the on-premises side): the admin path, as the engine's own actions, on either cloud. */
function adminKind(create: string, describe: string, del: string): CloudKind {
  return {
    create: (p, port) => port.admin(create, p),
    describe: (id, port) => one((port.admin(describe, { ids: [id] }) as { items?: unknown }).items, create.replace("Create", ""), id),
    delete: (id, port) => void port.admin(del, { id }),
  };
}

const ON_PREMISES: Readonly<Record<string, CloudKind>> = {
  IdcSite: adminKind("CreateIdcSite", "DescribeIdcSites", "DeleteIdcSite"),
  DirectConnectGateway: adminKind("CreateDirectConnectGateway", "DescribeDirectConnectGateways", "DeleteDirectConnectGateway"),
};

const KINDS_BY_CLOUD: Readonly<Record<EndpointCloud, Readonly<Record<string, CloudKind>>>> = {
  tencent: { ...TENCENT_NETWORK_KINDS, ...TENCENT_VPN_KINDS, ...TENCENT_CCN_KINDS, ...ON_PREMISES },
  alibaba: { ...ALIBABA_KINDS, ...ON_PREMISES },
};

/** The clouds whose official SDK the endpoint path speaks. */
export type EndpointCloud = "tencent" | "alibaba";

/** Engine action name → the kind and verb it is. */
const VERBS: ReadonlyMap<string, { type: string; verb: "create" | "describe" | "modify" | "delete" }> = new Map(
  Object.entries(ACTIONS_BY_TYPE).flatMap(([type, names]) =>
    (["create", "describe", "modify", "delete"] as const).map((verb) => [names[verb], { type, verb }] as const),
  ),
);

/**
 * The engine's actions through the official Tencent or Alibaba SDK to an
 * endpoint (`hybridlink serve`, or the cloud itself): the providers' CRUD runs
 * unchanged over it. Each request is signed with the key of the account it is
 * made as; the SDK's asynchronous calls run on a worker thread this one
 * waits for, so the CRUD stays synchronous.
 */
export class SdkCloudClient implements CloudClient {
  public readonly profile: CloudProfile;
  private readonly cloud: EndpointCloud;
  private readonly credentials: Keyring;
  private readonly regions = new Map<string, string>();
  private readonly endpointHost: string;
  private readonly protocol: string;
  private readonly baseUrl: string;

  constructor(private readonly options: SdkClientOptions) {
    if (options.profile !== "tencent" && options.profile !== "alibaba") {
      throw new CloudError(
        "UnsupportedOperation.EndpointProfile",
        `The endpoint path speaks Tencent Cloud API 3.0 and Alibaba Cloud's VPC API; this app's profile is '${options.profile}', which has no SDK. Deploy it in process (drop --endpoint / HYBRIDLINK_ENDPOINT).`,
      );
    }
    this.cloud = options.profile;
    let url: URL;
    try {
      url = new URL(options.endpoint);
    } catch {
      throw new CloudError("InvalidParameterValue.Endpoint", `The endpoint '${options.endpoint}' is not a URL: give http://host:port (hybridlink serve prints it) or https://vpc.tencentcloudapi.com.`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new CloudError("InvalidParameterValue.Endpoint", `The endpoint '${options.endpoint}' is ${url.protocol}; use http:// or https://.`);
    }
    this.profile = findProfile(options.profile);
    this.credentials = options.credentials ?? credentialsFrom(process.env, this.cloud);
    this.endpointHost = url.host;
    this.protocol = `${url.protocol}//`;
    this.baseUrl = `${url.protocol}//${url.host}`;
  }

  public request(action: string, params: object, ctx: RequestContext): JsonObject {
    const p = params as JsonObject;
    const known = VERBS.get(action);
    if (known) {
      const kind = KINDS_BY_CLOUD[this.cloud][known.type];
      if (!kind) throw this.notMapped(action, `${known.type} resources are not mapped on the endpoint path yet`);
      const port = this.port(ctx.account);
      switch (known.verb) {
        case "create":
          return kind.create(p, port);
        case "describe": {
          const ids = p.ids as string[] | undefined;
          if (!ids || Object.keys(p).some((k) => k !== "ids")) throw this.notMapped(action, "the endpoint path describes resources by ID only");
          return { items: ids.map((id) => kind.describe(id, port)) };
        }
        case "modify":
          if (!kind.modify) throw this.notMapped(action, `changing a ${known.type} in place is not mapped on the endpoint path yet (replace it instead)`);
          kind.modify(p, port);
          return {};
        case "delete":
          kind.delete(String(p.id), port);
          return {};
      }
    }
    if (this.cloud === "tencent" && (action === "AcceptVpcPeeringConnection" || action === "RejectVpcPeeringConnection")) {
      const id = String(p.id);
      this.send(ctx.account, this.regionOf(id, ctx.account), action, { PeeringConnectionId: id });
      return {};
    }
    if (this.options.adminToken !== undefined) return this.admin(ctx.account, action, p);
    // A real cloud has no simulator verbs: its clock is the wall clock, and waiting is waiting.
    if (action === "DescribeClock") return { now: new Date().toISOString() };
    if (action === "AdvanceClock") {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(p.seconds) * 1000);
      return { now: new Date().toISOString() };
    }
    throw this.notMapped(action, "it is a simulator verb, and no admin token was given (HYBRIDLINK_ADMIN_TOKEN: the token hybridlink serve prints)");
  }

  /** One cheap signed read per account (DescribeVpcs, one item): a key the cloud refuses stops here. */
  public checkAccounts(accounts: readonly string[]): void {
    const region = this.defaultRegion();
    const probe = this.cloud === "tencent" ? { Limit: "1" } : { regionId: region, pageSize: 1 };
    for (const account of new Set(accounts)) this.send(account, region, "DescribeVpcs", probe);
  }

  /**
   * Derived from the default account's secret key: stable for a key, secret,
   * and kept nowhere (the endpoint path has no store of its own to hold one).
   */
  public secretDigestKey(): Buffer {
    const key = this.credentials.any();
    return Buffer.from(crypto.hkdfSync("sha256", key.secretKey, key.secretId, "hybridlink psk-digest", 32));
  }

  private notMapped(action: string, why: string): CloudError {
    return new CloudError("UnsupportedOperation.EndpointPath", `${action}: ${why}. The in-process engine (no --endpoint) does it.`);
  }

  /** One signed call as `account`, through the profile's cloud SDK. */
  private send(account: string, region: string, action: string, params: object): Record<string, unknown> {
    const key = this.credentials.forAccount(account);
    const result =
      this.cloud === "tencent"
        ? callOverWire({ kind: "tencent", endpoint: this.endpointHost, protocol: this.protocol, secretId: key.secretId, secretKey: key.secretKey, region, action, params })
        : callOverWire({ kind: "alibaba", endpoint: this.endpointHost, protocol: this.protocol.replace("://", ""), accessKeyId: key.secretId, accessKeySecret: key.secretKey, region, action, params });
    if (!result.ok) {
      // Not the cloud's refusal but this machine's set-up (exit 2, with the command that fixes it).
      if (result.code === "SdkNotInstalled") throw new HybridlinkError(result.code, result.message);
      throw new CloudError(result.code, result.message, action, result.requestId ?? "");
    }
    return result.data;
  }

  private admin(account: string, action: string, params: object): JsonObject {
    const token = this.options.adminToken;
    if (token === undefined) throw this.notMapped(action, "it is a simulator verb, and no admin token was given (HYBRIDLINK_ADMIN_TOKEN)");
    const result = callOverWire({ kind: "admin", url: this.baseUrl, token, account, action, params });
    if (!result.ok) throw new CloudError(result.code, result.message, action, result.requestId ?? "");
    return result.data;
  }

  private defaultRegion(): string {
    return this.options.region ?? this.profile.regions[0].name;
  }

  /** Finds which region holds `id` (asking each of the profile's regions once), then remembers it. */
  private regionOf(id: string, account: string): string {
    const known = this.regions.get(id);
    if (known !== undefined) return known;
    const prefix = id.slice(0, id.indexOf("-"));
    const order = [this.defaultRegion(), ...this.profile.regions.map((r) => r.name).filter((r) => r !== this.defaultRegion())];
    for (const region of order) {
      if (this.holds(account, region, prefix, id)) {
        this.regions.set(id, region);
        return region;
      }
    }
    throw new CloudError("ResourceNotFound", `'${id}' is in none of the ${order.length} regions of ${this.profile.displayName} (or is not account '${account}''s to see).`);
  }

  private holds(account: string, region: string, prefix: string, id: string): boolean {
    // An Alibaba destination route is named by its gateway (see alibaba-kinds): it is where the gateway is.
    if (id.includes("|")) return this.holds(account, region, prefix, id.slice(0, id.indexOf("|")));
    const locator: Locator | undefined = (this.cloud === "tencent" ? TENCENT_LOCATORS : ALIBABA_LOCATORS)[prefix];
    if (!locator) throw new CloudError("ResourceNotFound", `'${id}' is not an ID the endpoint path can look up.`);
    try {
      return locator((r, a, p) => this.send(account, r, a, p), region, id);
    } catch (err) {
      if (CloudError.isCloudError(err) && /NotFound|InvalidParameterValue/.test(err.code)) return false;
      throw err;
    }
  }

  private port(account: string): CloudPort {
    return {
      account,
      call: (region, action, params) => this.send(account, region, action, params),
      regionOf: (id, as) => this.regionOf(id, as ?? account),
      remember: (id, region) => void this.regions.set(id, region),
      defaultRegion: () => this.defaultRegion(),
      admin: (action, params) => this.admin(account, action, params),
    };
  }
}
