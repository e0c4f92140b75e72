import { ResourceType } from "../../../lib";
import { formatId, ID_PREFIXES } from "../ids";

/** The rows of a type with a client token whose ID number is above `after`: [number, account, token]. */
export type TokenScan = (type: ResourceType, after: number) => Array<[n: number, account: string, token: string]>;

const TYPES = Object.keys(ID_PREFIXES) as ResourceType[];

/**
 * Which resource each account's client token created, held in memory for one
 * connection. An index in the store would cost every create a page write at
 * a random place (tokens are random); the rows already hold their token, and
 * IDs only grow (a deleted ID is never reused), so the rows another connection
 * added since this one last looked are those numbered above the highest it
 * has read, per type. The first lookup reads every token; after that, a
 * lookup first reads the rows added since the index was marked stale (by the
 * Store, when another connection has committed, or after a rollback).
 *
 * An entry may outlive its resource (deleted elsewhere, or a create rolled
 * back): callers check that the row still exists and carries the token.
 */
export class ClientTokenIndex {
  // By account, then token: no key string to build (and hash) per lookup.
  private readonly ids = new Map<string, Map<string, string>>();
  private readonly seen = new Map<ResourceType, number>();
  private stale = true;

  constructor(private readonly scan: TokenScan) {}

  /** The ID this account's token created, as far as the index knows (call before the transaction writes). */
  public lookup(account: string, token: string): string | undefined {
    if (this.stale) this.catchUp();
    return this.ids.get(account)?.get(token);
  }

  /** Records a create of this connection (it is read again if another connection's commit prompts a catch-up). */
  public add(account: string, token: string, id: string): void {
    let tokens = this.ids.get(account);
    if (!tokens) {
      tokens = new Map();
      this.ids.set(account, tokens);
    }
    tokens.set(token, id);
  }

  /** Forgets a deleted resource's token. */
  public remove(account: string, token: string, id: string): void {
    const tokens = this.ids.get(account);
    if (tokens?.get(token) === id) tokens.delete(token);
  }

  /** Another connection may have added rows: read them before the next lookup. */
  public markStale(): void {
    this.stale = true;
  }

  /**
   * Reads the committed rows numbered above the highest read so far. Only the
   * store's rows move `seen`, never this connection's own creates, so a create
   * rolled back cannot hide another connection's row that later takes its ID.
   */
  private catchUp(): void {
    for (const type of TYPES) {
      let top = this.seen.get(type) ?? 0;
      for (const [n, account, token] of this.scan(type, top)) {
        this.add(account, token, formatId(type, n));
        if (n > top) top = n;
      }
      this.seen.set(type, top);
    }
    this.stale = false;
  }
}
