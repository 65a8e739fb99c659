import type { Domain } from '../../core/interpretation.js';

/**
 * Statements of session defaults ("we use AWS", "default to staging", "our namespace is
 * payments"): they set what later requests leave out. Each pattern is a way people say it.
 */
export const DEFAULT_STATEMENT_PATTERNS: RegExp[] = [
  /^(?:ok[,.]?\s+|note[:,]?\s+|fyi[:,]?\s+|btw[,]?\s+)?(?:we|i)\s+(?:mostly\s+|always\s+|usually\s+|only\s+)?(?:use|are using|run on|run everything on|are on|host on|work (?:on|in)|deploy (?:on|with)|prefer|are an?)\b/i,
  /^(?:our|the|my)\s+(?:default\s+)?(?:cloud|environment|env|namespace|ci|ci system|ci\/cd|provider|target)\s+(?:is|will be|should be)\b/i,
  /^(?:(?:please\s+)?default\s+to|defaults?\s+(?:is|are|to))\b/i,
  /^(?:(?:please\s+)?(?:always|from now on)\s+(?:use|deploy to|target|work in|assume))\b/i,
  /^(?:assume|remember that|remember:?|use)\b.*\b(?:by default|from now on|for now|going forward)\b/i,
  /^(?:assume|remember that)\b/i,
];

/** The session keys a default sets, and the domains of requests it applies to. */
export const DEFAULT_APPLIES_TO: Record<'cloud' | 'environment' | 'namespace' | 'ci', { domains: Domain[]; label: string }> = {
  cloud: { domains: ['terraform'], label: 'cloud' },
  environment: { domains: ['kubernetes', 'helm', 'terraform', 'cloudformation', 'arm', 'bicep'], label: 'environment' },
  namespace: { domains: ['kubernetes', 'helm'], label: 'namespace' },
  ci: { domains: ['ci'], label: 'ci' },
};
