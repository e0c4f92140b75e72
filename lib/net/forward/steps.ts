import { CompiledCcn, CompiledConnection, CompiledDirectConnect, CompiledGateway, CompiledPeering, CompiledSite, CompiledTable, CompiledVpc } from "../compile";
import { NetCcnAttachment, NetSubnet } from "../model";
import { MissingRoute, Place, TraceHop, TraceVerdict } from "../verdicts";

// The vocabulary of a walk: where it starts, the steps between places, and what it found.

/** Where a packet enters the network. */
export type Start =
  | { readonly kind: "VPC"; readonly vpc: CompiledVpc; readonly table?: CompiledTable; readonly subnet?: NetSubnet }
  | { readonly kind: "IDC_SITE"; readonly site: CompiledSite }
  | { readonly kind: "DIRECT_CONNECT_GATEWAY"; readonly dc: CompiledDirectConnect };

/** What one walk found. Texts and hops are filled only when recording. */
export interface Outcome {
  readonly verdict: TraceVerdict;
  readonly reason: string;
  readonly hops: readonly TraceHop[];
  /** The network the packet reached (a VPC, IDC site or direct-connect gateway node). */
  readonly deliveredNode?: { readonly uid: number };
  /**
   * With DELIVERED: the steps taken, in order, as `node uid × STEP_KINDS + step`
   * (the walker's loop guard, handed over as is, so a walk pays nothing for it).
   */
  readonly path?: readonly number[];
  readonly deliveredTo?: Place;
  readonly droppedAt?: Place;
  readonly missingRoute?: MissingRoute;
}

export type Attached = { readonly ccn: CompiledCcn; readonly attachment: NetCcnAttachment };

// Step kinds; a (node, step) pair seen twice in one walk is a loop.
export const VPC_OUT = 0;
export const VPC_IN = 1;
export const PEERING = 2;
export const GW_CLOUD = 3;
export const TUNNEL = 4;
export const IDC_IN = 5;
export const IDC_OUT = 6;
export const GW_IDC = 7;
export const CCN = 8;
export const DC_OUT = 9;
export const DC_IN = 10;
export const STEP_KINDS = 16;
/** A walk never needs this many steps without revisiting; the bound only guards against bugs. */
export const MAX_STEPS = 256;

export type Step =
  | { readonly s: typeof VPC_OUT; readonly node: CompiledVpc; readonly table?: CompiledTable; readonly subnet?: NetSubnet }
  | { readonly s: typeof VPC_IN; readonly node: CompiledVpc; readonly via: string }
  | { readonly s: typeof PEERING; readonly node: CompiledPeering; readonly from: CompiledVpc }
  | { readonly s: typeof GW_CLOUD; readonly node: CompiledGateway; readonly from: string }
  | { readonly s: typeof TUNNEL; readonly node: CompiledConnection }
  | { readonly s: typeof IDC_IN; readonly node: CompiledSite; readonly tunnel: CompiledConnection }
  | { readonly s: typeof IDC_OUT; readonly node: CompiledSite }
  | { readonly s: typeof GW_IDC; readonly node: CompiledGateway; readonly tunnel: CompiledConnection }
  | { readonly s: typeof CCN; readonly node: CompiledCcn; readonly from: NetCcnAttachment }
  | { readonly s: typeof DC_OUT; readonly node: CompiledDirectConnect }
  | { readonly s: typeof DC_IN; readonly node: CompiledDirectConnect };

export interface Done {
  readonly done: Outcome;
}
