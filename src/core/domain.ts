import type { ZodType } from 'zod';
import type { Action } from './action.js';
import type { DomainClients, PlanningClients } from './context.js';
import type { Recipe } from './recipe.js';
import type { Inventory } from './review.js';

/**
 * A tool domain declared in one value: what it can run, how the rules brain plans it, its section
 * of the config and its client, and what it records. The action registry, the recipes, the config
 * schema, the clients and the inventory are all built from one list of these.
 */
export interface ToolDomain<Section = unknown> {
  /** The domain's name, and the key of its config section (`docker:` in reign.yaml). */
  name: string;
  actions: Action[];
  /** Rows for the rules brain, tried in list order (domains earlier in the list first). */
  recipes?: Recipe[];
  /** Its section of the config; absent when it has none. */
  config?: ZodType<Section>;
  /** Builds its clients from its section of the config and the environment. */
  clients?(section: Section, env: Readonly<Record<string, string | undefined>>): Partial<DomainClients>;
  /** Read-only views of its clients for planning (`prepare`): no method that changes anything. */
  planning?(clients: DomainClients): Partial<PlanningClients>;
  /** The kinds of resource its steps record. */
  resources?: ResourceKind[];
}

export interface ResourceKind {
  kind: string;
  /**
   * Reign records every one of these it creates, so a target of this kind that is not recorded was
   * not created by Reign (and changing it asks first). Files and Terraform resources are not vouched
   * for: most of them were made by other means.
   */
  vouched: boolean;
}

/** A domain of any config section, as lists of domains hold them. */
export type AnyToolDomain = ToolDomain<any>;

/** Declares a domain with its config section's type inferred from the schema. */
export function defineDomain<Section>(domain: ToolDomain<Section>): ToolDomain<Section> {
  return domain;
}

/** What Reign knows it created, answered only for the kinds some domain vouches for. */
export function inventoryOf(domains: readonly AnyToolDomain[], created: readonly { kind: string; id: string; name?: string | undefined }[]): Inventory {
  const vouched = new Set(domains.flatMap((d) => (d.resources ?? []).filter((r) => r.vouched).map((r) => r.kind)));
  const known = new Set(created.map((r) => `${r.kind}/${r.name ?? r.id}`));
  return { created: (kind, name) => (vouched.has(kind) ? known.has(`${kind}/${name}`) : undefined) };
}
