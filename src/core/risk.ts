import { z } from 'zod';

/** How much harm a step can do, least to most. Policy turns a level into a decision. */
const RISK_LEVELS = ['read', 'write', 'admin', 'dangerous'] as const;
export const RiskLevel = z.enum(RISK_LEVELS);
export type RiskLevel = z.infer<typeof RiskLevel>;

export function riskRank(level: RiskLevel): number {
  return RISK_LEVELS.indexOf(level);
}

/** The most harmful of several levels; `read` when there are none. */
export function maxRisk(...levels: RiskLevel[]): RiskLevel {
  let worst: RiskLevel = 'read';
  for (const level of levels) if (riskRank(level) > riskRank(worst)) worst = level;
  return worst;
}

/** A level with the reason a person is shown for it. */
export interface RiskReason {
  level: RiskLevel;
  /** The part of the command or input the reason is about, e.g. `rm -rf /`. */
  part?: string;
  /** The rule that decided, e.g. `coreutils.rm.recursive-root`. */
  rule: string;
  reason: string;
}

export interface RiskJudgement {
  level: RiskLevel;
  reasons: RiskReason[];
}
