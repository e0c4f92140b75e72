import Database = require("better-sqlite3");
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ACCOUNT_FEATURES, CloudEngine, CloudError } from "../../../providers/cloud";
import type { ProfileName } from "../../../lib/core/profiles";

export const ACCOUNT_A = "100000000001";
export const ACCOUNT_B = "100000000002";
export const ACCOUNT_C = "100000000003";
export const as = (account: string, clientToken?: string) => ({ account, ...(clientToken ? { clientToken } : {}) });
/** The store's operator acting as `account`: may also call simulator verbs (AdvanceClock, Fail…, RecordVpcPeeringTraffic). */
export const asOperator = (account: string) => ({ account, operator: true });

/**
 * Grants `accounts` the VPN route table's ticket (seed 000's gray release), as
 * any Tencent customer who uses route-based connections or gateway routes must
 * have; the refusal without it is test/providers/cloud/account-features.test.ts's.
 * Only where the engine's cloud gates the feature: elsewhere there is no ticket to grant.
 */
export function grantTickets(engine: CloudEngine, accounts: readonly string[], features: readonly string[] = ["vpn-route-table"]): CloudEngine {
  for (const account of accounts) {
    for (const feature of features) {
      if (ACCOUNT_FEATURES[feature].applies(engine.profile)) engine.request("GrantAccountFeature", { feature, ticket: `test-ticket-${account}` }, asOperator(account));
    }
  }
  return engine;
}

/** A fresh in-memory engine; the standard test accounts hold the VPN route table's ticket (`tickets: []` for none). */
export function memoryEngine(profile: ProfileName = "tencent", options: { tickets?: readonly string[] } = {}): CloudEngine {
  return grantTickets(CloudEngine.open({ path: ":memory:", profile }), options.tickets ?? [ACCOUNT_A, ACCOUNT_B, ACCOUNT_C]);
}

/** A temp folder removed after the test file. */
export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "hybridlink-engine-test-"));
}

/** The CloudError a call throws (fails the test if it does not throw one). */
export function refusal(call: () => unknown): CloudError {
  try {
    call();
  } catch (err) {
    if (CloudError.isCloudError(err)) return err;
    throw err;
  }
  throw new Error("expected a CloudError, but the call succeeded");
}

/** Every row of every table of a store file, read through a separate connection. */
export function snapshotStore(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2`).all()]));
  } finally {
    db.close();
  }
}

type Json = Record<string, unknown>;

/** A small world of resources in one account, built through the API. */
export class World {
  constructor(
    public readonly engine: CloudEngine,
    public readonly account = ACCOUNT_A,
  ) {}

  /** As the world's account; the test is also the store's operator, so simulator verbs work here too. */
  public request(action: string, params: object = {}): Json {
    return this.engine.request(action, params, asOperator(this.account));
  }

  public vpc(cidrs: string[], region = "ap-guangzhou", name = "vpc"): { vpc: string; table: string } {
    const vpc = this.request("CreateVpc", { name, region, cidrs }).id as string;
    const table = this.request("CreateRouteTable", { name: `${name}-main`, vpc, main: true }).id as string;
    return { vpc, table };
  }

  public subnet(vpc: string, table: string, cidr: string): string {
    return this.request("CreateSubnet", { name: `sn-${cidr}`, vpc, cidr, routeTable: table }).id as string;
  }

  public gateway(vpc: string | undefined, region = "ap-guangzhou", type: "VPC" | "CCN" = "VPC"): string {
    return this.request("CreateVpnGateway", {
      name: "gw",
      region,
      type,
      ...(vpc ? { vpc } : {}),
      bandwidthMbps: 100,
      ipsecEnabled: true,
      sslEnabled: false,
    }).id as string;
  }

  public site(cidrs: string[], name = "idc"): string {
    return this.request("CreateIdcSite", { name, cidrs }).id as string;
  }

  public device(ipAddress: string, site?: string): string {
    return this.request("CreateCustomerGateway", { name: `dev-${ipAddress}`, ipAddress, ...(site ? { site } : {}) }).id as string;
  }

  public connection(gateway: string, device: string, overrides: Json = {}): string {
    return this.request("CreateVpnConnection", connectionParams(gateway, device, overrides)).id as string;
  }
}

/** Tencent defaults for a connection between 10.0.0.0/16 and 192.168.0.0/16. */
export function connectionParams(gateway: string, device: string, overrides: Json = {}): Json {
  return {
    name: "tunnel",
    vpnGateway: gateway,
    customerGateway: device,
    preSharedKey: "Correct-Horse-9",
    routeType: "SPD",
    spdPolicies: [{ localCidrs: ["10.0.0.0/16"], remoteCidrs: ["192.168.0.0/16"] }],
    ike: { version: "IKEV2", encryption: "AES-CBC-256", integrity: "SHA-256", dhGroup: "GROUP14", lifetimeSeconds: 86400, exchangeMode: "MAIN" },
    ipsec: { encryption: "AES-CBC-256", integrity: "SHA-256", pfsDhGroup: "DH-GROUP14", lifetimeSeconds: 3600 },
    ...overrides,
  };
}

/** Every row of every table of the store, canonical: equal digests mean nothing changed. */
export function storeDigest(engine: CloudEngine): string {
  const db = engine.storeConnection();
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  return JSON.stringify(tables.map((t) => [t, (db.prepare(`SELECT * FROM "${t}"`).all() as object[]).map((r) => JSON.stringify(r)).sort()]));
}
