import { Cidr, OwnedCidr } from "../../net/cidr";

/**
 * A set of owned CIDR blocks answering "is this block covered / overlapped"
 * in O(log n) by binary search over the merged union. Naming the owners of an
 * overlap scans the members, which only happens on the (rare) violation path.
 */
export class CidrSet<T> {
  /** The union as disjoint, sorted [start, end] ranges. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(public readonly members: readonly OwnedCidr<T>[]) {
    // Most sets are one VPC's one or two blocks: skip the copy and sort for a single block.
    const sorted = members.length <= 1 ? members : [...members].sort((a, b) => a.cidr.start - b.cidr.start);
    for (const { cidr } of sorted) {
      const last = this.ends.length - 1;
      // Adjacent blocks merge too: 10.0.0.0/17 + 10.0.128.0/17 cover 10.0.0.0/16.
      if (last >= 0 && cidr.start <= this.ends[last] + 1) {
        if (cidr.end > this.ends[last]) this.ends[last] = cidr.end;
      } else {
        this.starts.push(cidr.start);
        this.ends.push(cidr.end);
      }
    }
  }

  public get isEmpty(): boolean {
    return this.starts.length === 0;
  }

  /** True when every address of `block` is in the union of the members. */
  public covers(block: Cidr): boolean {
    const i = this.rangeAtOrBefore(block.start);
    return i >= 0 && block.end <= this.ends[i];
  }

  /** True when `ip` is in the union of the members. */
  public containsIp(ip: number): boolean {
    const i = this.rangeAtOrBefore(ip);
    return i >= 0 && ip <= this.ends[i];
  }

  /** True when `block` shares an address with some member. */
  public overlaps(block: Cidr): boolean {
    const i = this.rangeAtOrBefore(block.end);
    return i >= 0 && this.ends[i] >= block.start;
  }

  /** The members that share an address with `block`. */
  public overlapping(block: Cidr): OwnedCidr<T>[] {
    if (!this.overlaps(block)) return [];
    return this.members.filter((m) => m.cidr.start <= block.end && block.start <= m.cidr.end);
  }

  /** Index of the last merged range starting at or before `address`, or -1. */
  private rangeAtOrBefore(address: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= address) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}
