import * as crypto from "crypto";
import { CloudProfile, findProfile, ProfileName } from "../../lib";
import { ACTIONS_BY_TYPE, CloudError, ID_PREFIXES } from "../cloud";
import type { CloudClient, JsonObject, RequestContext } from "../cloud";
import { callOverWire } from "./bridge";
import { credentialsFrom, Keyring } from "./credentials";
import { list, routeTablesIn, TENCENT_NETWORK_KINDS, TencentKind, TencentPort } from "./tencent-kinds";
import { TENCENT_VPN_KINDS } from "./tencent-vpn-kinds";

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

const KINDS: Readonly<Record<string, TencentKind>> = { ...TENCENT_NETWORK_KINDS, ...TENCENT_VPN_KINDS };

/** Engine action name → the kind and verb it is. */
const VERBS: ReadonlyMap<string, { type: string; verb: "create" | "describe" | "modify" | "delete" }> = new Map(
  Object.entries(ACTIONS_BY_TYPE).flatMap(([type, names]) =>
    (["create", "describe", "modify", "delete"] as const).map((verb) => [names[verb], { type, verb }] as const),
  ),
);

/** How to find which region holds an ID of each prefix: the Describe action, its ID list parameter and its result set. */
const LOCATORS: Readonly<Record<string, readonly [string, string, string]>> = {
  [ID_PREFIXES.Vpc]: ["DescribeVpcs", "VpcIds", "VpcSet"],
  [ID_PREFIXES.Subnet]: ["DescribeSubnets", "SubnetIds", "SubnetSet"],
  [ID_PREFIXES.RouteTable]: ["DescribeRouteTables", "RouteTableIds", "RouteTableSet"],
  [ID_PREFIXES.VpnGateway]: ["DescribeVpnGateways", "VpnGatewayIds", "VpnGatewaySet"],
  [ID_PREFIXES.CustomerGateway]: ["DescribeCustomerGateways", "CustomerGatewayIds", "CustomerGatewaySet"],
  [ID_PREFIXES.VpnConnection]: ["DescribeVpnConnections", "VpnConnectionIds", "VpnConnectionSet"],
  [ID_PREFIXES.PeeringConnection]: ["DescribeVpcPeeringConnections", "PeeringConnectionIds", "PeerConnectionSet"],
};

/**
 * The engine's actions through the official Tencent SDK to an endpoint
 * (`hybridlink serve`, or Tencent Cloud itself): the providers' CRUD runs
 * unchanged over it. Each request is signed with the key of the account it is
 * made as; the SDK's asynchronous calls run on a worker thread this one
 * waits for, so the CRUD stays synchronous.
 */
export class SdkCloudClient implements CloudClient {
  public readonly profile: CloudProfile;
  private readonly credentials: Keyring;
  private readonly regions = new Map<string, string>();
  private readonly endpointHost: string;
  private readonly protocol: string;
  private readonly baseUrl: string;

  constructor(private readonly options: SdkClientOptions) {
    if (options.profile !== "tencent") {
      throw new CloudError(
        "UnsupportedOperation.EndpointProfile",
        `The endpoint path speaks Tencent Cloud API 3.0 only so far; this app's profile is '${options.profile}'. Deploy it in process (drop --endpoint / HYBRIDLINK_ENDPOINT).`,
      );
    }
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
    this.credentials = options.credentials ?? credentialsFrom();
    this.endpointHost = url.host;
    this.protocol = `${url.protocol}//`;
    this.baseUrl = `${url.protocol}//${url.host}`;
  }

  public request(action: string, params: object, ctx: RequestContext): JsonObject {
    const p = params as JsonObject;
    const known = VERBS.get(action);
    if (known) {
      const kind = KINDS[known.type];
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
    if (action === "AcceptVpcPeeringConnection" || action === "RejectVpcPeeringConnection") {
      const id = String(p.id);
      this.tencent(ctx.account, this.regionOf(id, ctx.account), action, { PeeringConnectionId: id });
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
    for (const account of new Set(accounts)) this.tencent(account, this.defaultRegion(), "DescribeVpcs", { Limit: "1" });
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

  private tencent(account: string, region: string, action: string, params: object): Record<string, unknown> {
    const key = this.credentials.forAccount(account);
    const result = callOverWire({ kind: "tencent", endpoint: this.endpointHost, protocol: this.protocol, secretId: key.secretId, secretKey: key.secretKey, region, action, params });
    if (!result.ok) throw new CloudError(result.code, result.message, action, result.requestId ?? "");
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
    if (prefix === ID_PREFIXES.Route) {
      return routeTablesIn(region, (r, a, p) => this.tencent(account, r, a, p)).some((t) => list(t.RouteSet).some((route) => route.RouteItemId === id));
    }
    const locator = LOCATORS[prefix];
    if (!locator) throw new CloudError("ResourceNotFound", `'${id}' is not an ID the endpoint path can look up.`);
    const [action, param, set] = locator;
    try {
      return list(this.tencent(account, region, action, { [param]: [id] })[set]).length > 0;
    } catch (err) {
      if (CloudError.isCloudError(err) && /NotFound|InvalidParameterValue/.test(err.code)) return false;
      throw err;
    }
  }

  private port(account: string): TencentPort {
    return {
      account,
      call: (region, action, params) => this.tencent(account, region, action, params),
      regionOf: (id, as) => this.regionOf(id, as ?? account),
      remember: (id, region) => void this.regions.set(id, region),
      defaultRegion: () => this.defaultRegion(),
      admin: (action, params) => this.admin(account, action, params),
    };
  }
}
