import type { Decision } from '../../core/review.js';
import type { RiskLevel } from '../../core/risk.js';
import type { Role } from '../../config/schema.js';
import type { PolicyRule } from '../../config/schema.js';

/** What each role may do at each level before any rule from the config applies. */
export const ROLE_DECISIONS: Record<Role, Record<RiskLevel, { decision: Decision; reason: string }>> = {
  viewer: {
    read: { decision: 'allow', reason: 'viewers may run read steps' },
    write: { decision: 'deny', reason: 'viewers may only read' },
    admin: { decision: 'deny', reason: 'viewers may only read' },
    dangerous: { decision: 'deny', reason: 'dangerous steps are refused unless the policy allows them' },
  },
  operator: {
    read: { decision: 'allow', reason: 'read steps change nothing' },
    write: { decision: 'allow', reason: 'operators may make scoped, recoverable changes' },
    admin: { decision: 'confirm', reason: 'admin steps can delete, reset or run arbitrary code: they ask first' },
    dangerous: { decision: 'deny', reason: 'operators may not run dangerous steps' },
  },
  admin: {
    read: { decision: 'allow', reason: 'read steps change nothing' },
    write: { decision: 'allow', reason: 'scoped, recoverable changes' },
    admin: { decision: 'confirm', reason: 'admin steps can delete, reset or run arbitrary code: they ask first' },
    dangerous: { decision: 'deny', reason: 'dangerous steps are refused unless an allow rule names them' },
  },
};

/**
 * Rules that hold unless the config says otherwise. Shell text that changes anything asks: the
 * judge can say what a command is, not whether this user meant it.
 */
export const DEFAULT_CONFIRM_RULES: (PolicyRule & { id: string })[] = [
  { id: 'default.shell-changes-ask', action: 'shell.run', level: 'write', reason: 'shell commands that change state ask first' },
];
