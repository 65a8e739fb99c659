import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { UsageError } from '../core/errors.js';
import { Config } from './schema.js';

/**
 * Configuration from the user's `$REIGN_HOME/config.yaml` and the project's `reign.yaml` (the
 * project's keys win; lists of rules are concatenated). Invalid config fails with the file, the
 * path inside it and what was expected.
 */
export function loadConfig(options: { home: string; cwd: string }): { config: Config; files: string[] } {
  const sources = [join(options.home, 'config.yaml'), join(options.cwd, 'reign.yaml')];
  let merged: Record<string, unknown> = {};
  const files: string[] = [];
  for (const file of sources) {
    const raw = readYamlObject(file);
    if (raw === undefined) continue;
    files.push(file);
    validate(raw, file);
    merged = mergeConfig(merged, raw);
  }
  return { config: validate(merged, files.join(' + ') || 'defaults'), files };
}

function readYamlObject(file: string): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length) {
    const first = doc.errors[0]!;
    const at = first.linePos?.[0] ? `:${first.linePos[0].line}:${first.linePos[0].col}` : '';
    throw new UsageError(`${file}${at}: invalid YAML: ${first.message.split('\n')[0]}`);
  }
  if (doc.contents === null) return {};
  if (!isMap(doc.contents)) throw new UsageError(`${file}: expected a mapping of settings at the top level`);
  return doc.toJS() as Record<string, unknown>;
}

function validate(raw: unknown, file: string): Config {
  const result = Config.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(top level)';
    return `${file}: ${path}: ${issue.message}`;
  });
  throw new UsageError(problems.join('\n'), 'see "Configuration" in the README for every setting');
}

function mergeConfig(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const prior = out[key];
    if (Array.isArray(prior) && Array.isArray(value)) out[key] = [...prior, ...value];
    else if (isPlainObject(prior) && isPlainObject(value)) out[key] = mergeConfig(prior, value);
    else out[key] = value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
