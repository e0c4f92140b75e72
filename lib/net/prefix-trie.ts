import { Cidr } from "./cidr";

/** One prefix stored in a trie and every value filed under it. */
export interface PrefixEntry<V> {
  readonly cidr: Cidr;
  readonly values: readonly V[];
}

interface TrieNode<V> {
  zero?: TrieNode<V>;
  one?: TrieNode<V>;
  entry?: { cidr: Cidr; values: V[] };
}

/**
 * A binary trie over IPv4 prefixes: longest-prefix match walks at most 32
 * nodes, whatever the number of routes. Several values may share one prefix
 * (active/standby routes, overlapping attachments); callers choose among them.
 */
export class PrefixTrie<V> {
  private readonly root: TrieNode<V> = {};
  private count = 0;

  /** Number of distinct prefixes stored. */
  public get size(): number {
    return this.count;
  }

  /** File `value` under the block `cidr` (its normalized network; host bits are ignored). */
  public insert(cidr: Cidr, value: V): void {
    let node = this.root;
    for (let bit = 0; bit < cidr.prefix; bit++) {
      if ((cidr.start >>> (31 - bit)) & 1) node = node.one ??= {};
      else node = node.zero ??= {};
    }
    if (!node.entry) {
      node.entry = { cidr, values: [] };
      this.count++;
    }
    node.entry.values.push(value);
  }

  /** The entry stored for exactly this block, or undefined. */
  public exact(cidr: Cidr): PrefixEntry<V> | undefined {
    let node: TrieNode<V> | undefined = this.root;
    for (let bit = 0; bit < cidr.prefix && node; bit++) {
      node = (cidr.start >>> (31 - bit)) & 1 ? node.one : node.zero;
    }
    return node?.entry;
  }

  /** The longest prefix containing `ip`, or undefined when none does. */
  public match(ip: number): PrefixEntry<V> | undefined {
    let node: TrieNode<V> | undefined = this.root;
    let best = node.entry;
    for (let bit = 0; bit < 32 && node; bit++) {
      node = (ip >>> (31 - bit)) & 1 ? node.one : node.zero;
      if (node?.entry) best = node.entry;
    }
    return best;
  }

  /**
   * The longest prefix containing `ip` that has a value accepted by `keep`,
   * with only the accepted values; for lookups that must skip some entries
   * (a CCN route learned from the very attachment the packet came from).
   */
  public matchWhere(ip: number, keep: (value: V) => boolean): PrefixEntry<V> | undefined {
    const path: Array<{ cidr: Cidr; values: V[] }> = [];
    let node: TrieNode<V> | undefined = this.root;
    if (node.entry) path.push(node.entry);
    for (let bit = 0; bit < 32 && node; bit++) {
      node = (ip >>> (31 - bit)) & 1 ? node.one : node.zero;
      if (node?.entry) path.push(node.entry);
    }
    for (let i = path.length - 1; i >= 0; i--) {
      const kept = path[i].values.filter(keep);
      if (kept.length > 0) return { cidr: path[i].cidr, values: kept };
    }
    return undefined;
  }

  /** Every stored prefix, shortest first, each with its values in insertion order. */
  public entries(): PrefixEntry<V>[] {
    const out: PrefixEntry<V>[] = [];
    const walk = (node: TrieNode<V> | undefined): void => {
      if (!node) return;
      if (node.entry) out.push(node.entry);
      walk(node.zero);
      walk(node.one);
    };
    walk(this.root);
    return out.sort((a, b) => a.cidr.prefix - b.cidr.prefix || a.cidr.start - b.cidr.start);
  }
}
