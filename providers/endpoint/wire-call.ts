/**
 * One call over the wire, as the SDK worker takes it: plain data, since it
 * crosses a thread boundary. Secrets travel only between threads of this
 * process; they are never logged and never part of an error.
 */
export type WireCall = TencentWireCall | AlibabaWireCall | AdminWireCall;

/** A Tencent Cloud API 3.0 action through the official SDK (`vpc.v20170312.Client`'s generic `request`). */
export interface TencentWireCall {
  readonly kind: "tencent";
  /** `host:port` as the SDK's `httpProfile.endpoint` takes it. */
  readonly endpoint: string;
  /** `http://` or `https://`. */
  readonly protocol: string;
  readonly secretId: string;
  readonly secretKey: string;
  readonly region: string;
  readonly action: string;
  readonly params: object;
}

/**
 * An Alibaba Cloud VPC API (2016-04-28) action through the official SDK
 * (@alicloud/vpc20160428's typed method for it: `createVpc(new
 * CreateVpcRequest({...}))`); parameters and answers in the SDK models'
 * camelCase names.
 */
export interface AlibabaWireCall {
  readonly kind: "alibaba";
  /** `host:port` as the SDK's Config.endpoint takes it. */
  readonly endpoint: string;
  /** `http` or `https`. */
  readonly protocol: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly region: string;
  readonly action: string;
  readonly params: object;
}

/** A simulator verb on `hybridlink serve`'s admin path (no cloud has these). */
export interface AdminWireCall {
  readonly kind: "admin";
  /** `http://host:port`. */
  readonly url: string;
  readonly token: string;
  readonly account: string;
  readonly action: string;
  readonly params: object;
}

/** What came back: the response object, or the cloud's refusal (code, message, request ID). */
export type WireResult =
  | { readonly ok: true; readonly data: Record<string, unknown> }
  | { readonly ok: false; readonly code: string; readonly message: string; readonly requestId?: string };
