import { Construct, IConstruct } from "constructs";
import { appContextOf } from "./app-context";
import { ManifestResource, Ref, ResourcePropsByType, ResourceType } from "./manifest";

const NETWORK_RESOURCE = Symbol.for("hybridlink.NetworkResource");

/** Options every low-level resource accepts. */
export interface ResourceOptions {
  /**
   * The account that owns the resource.
   *
   * @default - the app's default account
   */
  readonly account?: string;
}

/**
 * An attribute of a resource known only once it exists (its ID, a gateway's
 * public IP). It renders as `{ ref, attr }` in the manifest and becomes a Pulumi
 * Output in the adapter.
 */
export class ResourceAttribute {
  constructor(
    public readonly resource: NetworkResource,
    public readonly name: string,
  ) {}

  public toRef(): Ref {
    return { ref: this.resource.logicalId, attr: this.name };
  }

  public toString(): string {
    return `\${${this.resource.logicalId}.${this.name}}`;
  }
}

/**
 * The base of every low-level resource construct: one construct, one resource
 * in the manifest, with a logical ID taken from its construct path.
 */
export abstract class NetworkResource<T extends ResourceType = ResourceType> extends Construct {
  /** True for any low-level resource, whichever copy of the library made it. */
  public static isNetworkResource(x: unknown): x is NetworkResource {
    return typeof x === "object" && x !== null && NETWORK_RESOURCE in x;
  }

  /** The low-level type in the manifest and the engine. */
  public abstract readonly resourceType: T;

  /** The owning account. */
  public readonly account: string;

  private cachedLogicalId?: string;
  private readonly referenced = new Set<string>();

  constructor(scope: Construct, id: string, options: ResourceOptions = {}) {
    super(scope, id);
    Object.defineProperty(this, NETWORK_RESOURCE, { value: true });
    this.account = options.account ?? appContextOf(this).defaultAccount;
  }

  /** Logical ID in the manifest: the construct path, stable across runs. */
  public get logicalId(): string {
    if (this.cachedLogicalId === undefined) this.cachedLogicalId = this.node.path;
    return this.cachedLogicalId;
  }

  /** The cloud ID, known after creation. */
  public get resourceId(): ResourceAttribute {
    return new ResourceAttribute(this, "id");
  }

  /** The manifest entry of this resource. */
  public toManifest(): ManifestResource<T> {
    this.referenced.clear();
    const props = this.renderProps();
    const dependsOn = new Set(this.referenced);
    for (const dep of this.node.dependencies) collectResources(dep, dependsOn);
    dependsOn.delete(this.logicalId);
    return {
      logicalId: this.logicalId,
      path: this.logicalId,
      type: this.resourceType,
      account: this.account,
      props,
      dependsOn: [...dependsOn].sort(),
    };
  }

  /** The props as they go into the manifest, references rendered with `ref()`. */
  protected abstract renderProps(): ResourcePropsByType[T];

  /** A reference to another resource's attribute; records the dependency. */
  protected ref(target: NetworkResource, attr = "id"): Ref {
    this.referenced.add(target.logicalId);
    return { ref: target.logicalId, attr };
  }
}

function collectResources(scope: IConstruct, into: Set<string>): void {
  for (const c of scope.node.findAll()) {
    if (NetworkResource.isNetworkResource(c)) into.add(c.logicalId);
  }
}
