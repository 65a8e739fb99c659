import type { ErrorCode } from '../core/errors.js';
import type { RiskLevel } from '../core/risk.js';

/** Exit codes are an API: documented in the README, stable, tested. */
export const EXIT = {
  success: 0,
  failure: 1,
  usage: 2,
  refused: 3,
  notConfirmed: 4,
  rolledBack: 5,
  notFound: 6,
  cancelled: 130,
} as const;

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'usage': return EXIT.usage;
    case 'refused': return EXIT.refused;
    case 'not_confirmed': return EXIT.notConfirmed;
    case 'rolled_back': return EXIT.rolledBack;
    case 'not_found': return EXIT.notFound;
    case 'cancelled': return EXIT.cancelled;
    case 'failure': return EXIT.failure;
  }
}

/** `reign check --exit-code`: the judged level as the exit status, for scripts that gate on it. */
export const RISK_EXIT: Record<RiskLevel, number> = {
  read: 0,
  write: 10,
  admin: 11,
  dangerous: 12,
};
