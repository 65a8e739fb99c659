import { z } from 'zod';
import { RiskLevel } from '../core/risk.js';
import type { AnyToolDomain } from '../core/domain.js';
import { DOMAINS } from '../tools/index.js';

export const Role = z.enum(['viewer', 'operator', 'admin']);
export type Role = z.infer<typeof Role>;

/**
 * A policy rule. Every field given must match; globs use `*` for any text. The reason is shown to
 * the user when the rule decides.
 */
export const PolicyRule = z
  .object({
    action: z.string().optional().describe('action id glob, e.g. "docker.container.*"'),
    command: z.string().optional().describe('shell text glob for shell.run, e.g. "npm test*"'),
    target: z.string().optional().describe('name glob of the thing acted on'),
    environment: z.string().optional(),
    namespace: z.string().optional(),
    path: z.string().optional().describe('path glob, e.g. "/etc/*"'),
    level: RiskLevel.optional().describe('only steps judged at this level'),
    reason: z.string().optional(),
  })
  .strict();
export type PolicyRule = z.infer<typeof PolicyRule>;

/** Each domain's section of the config, under the domain's name (`docker: {host}`). */
function domainSections(domains: readonly AnyToolDomain[]): Record<string, z.ZodType> {
  return Object.fromEntries(domains.filter((d) => d.config).map((d) => [d.name, (d.config as z.ZodType).prefault({})]));
}

export const Config = z
  .object({
    ...domainSections(DOMAINS),
    role: Role.default('admin').describe('what this user may do: viewer, operator or admin'),
    actor: z.string().min(1).optional().describe('name recorded in the audit log (default: the OS user)'),
    /** Image name → image to use instead: an air-gapped mirror, or locally built images. */
    images: z.record(z.string(), z.string()).default({}),
    policy: z
      .object({
        allow: z.array(PolicyRule).default([]),
        deny: z.array(PolicyRule).default([]),
        confirm: z.array(PolicyRule).default([]),
        protected: z
          .object({
            environments: z.array(z.string()).default(['prod']),
            namespaces: z.array(z.string()).default(['kube-system', 'kube-public']),
            paths: z.array(z.string()).default(['/', '/etc', '/usr', '/boot', '/var/lib', '/bin', '/sbin', '/lib']),
          })
          .strict()
          .prefault({}),
        /** Confirming a step on a protected target means typing the target's name. */
        typeToConfirmProtected: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    execution: z
      .object({
        concurrency: z.number().int().min(1).max(64).default(4),
        stepTimeoutSeconds: z.number().int().positive().default(600),
      })
      .strict()
      .prefault({}),
    /** Literal values to treat as secrets and redact everywhere. */
    secrets: z.array(z.string().min(4)).default([]),
  })
  .strict();
export type Config = z.infer<typeof Config>;
