import { randomBytes } from 'node:crypto';

/**
 * A secret the plan needs but must not hold: it stands in the plan (and in every preview and saved
 * plan) as this placeholder, and the step that needs it makes the value when it runs.
 */
export const GENERATED = '<generated>';

/** Hex, so no `.env` parser, shell or URL needs it quoted. */
function newSecret(): string {
  return randomBytes(16).toString('hex');
}

/** Each value that is the placeholder gets a new secret; the names of those are returned too. */
export function resolveGeneratedValues(values: Record<string, string>): { values: Record<string, string>; generated: string[] } {
  const generated = Object.keys(values).filter((key) => values[key] === GENERATED);
  return { values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === GENERATED ? newSecret() : v])), generated };
}

const PLACEHOLDER_LINE = /^([A-Za-z_][A-Za-z0-9_]*)=<generated>$/;
const ASSIGNMENT = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/;

/**
 * A `.env`-style file with `KEY=<generated>` lines given values: the value the file already has for
 * KEY (regenerating a project keeps the passwords its volumes were made with), else a new one.
 */
export function resolveGeneratedLines(content: string, previous: string | undefined): { content: string; generated: string[]; kept: string[] } {
  const existing = new Map<string, string>();
  for (const line of (previous ?? '').split('\n')) {
    const match = ASSIGNMENT.exec(line);
    if (match && match[2]!.trim() && match[2]!.trim() !== GENERATED) existing.set(match[1]!, match[2]!.trim());
  }
  const generated: string[] = [];
  const kept: string[] = [];
  const lines = content.split('\n').map((line) => {
    const key = PLACEHOLDER_LINE.exec(line)?.[1];
    if (!key) return line;
    const value = existing.get(key);
    (value ? kept : generated).push(key);
    return `${key}=${value ?? newSecret()}`;
  });
  return { content: lines.join('\n'), generated, kept };
}
