import { readFile } from 'node:fs/promises';
import { ReignError, UsageError } from '../core/errors.js';
import type { Entities, Interpretation } from '../core/interpretation.js';
import type { ConversationMemory } from '../understand/index.js';
import { defaultsStated, remember, understand } from '../understand/index.js';
import { EXIT } from './exit-codes.js';
import type { Output } from './output.js';

export interface ParseOptions {
  json?: boolean;
  batch?: string;
  session?: string;
  newSession?: boolean;
}

/** Where a conversation's memory lives between runs; the CLI's composition root provides it. */
export interface SessionMemory {
  load(): Promise<ConversationMemory>;
  save(memory: ConversationMemory): Promise<void>;
}

/** The contract's output: these fields, in this order, every time. */
interface ParseResult {
  id: string | number | null;
  intent: Interpretation['intent'];
  domains: Interpretation['domains'];
  entities: Entities;
  confidence: number;
  question: string | null;
}

// Every contract key, checked against the Entities type; a plain list keeps zod out of start-up.
const CONTRACT_KEYS: Record<keyof Entities, true> = {
  services: true, name: true, image: true, replicas: true, environments: true, cloud: true, namespace: true, port: true,
  version: true, ci: true, branch: true,
};
const ENTITY_KEYS = Object.keys(CONTRACT_KEYS) as (keyof Entities)[];

/**
 * `reign parse`: how Reign understands a request. One request, or `--batch` JSON Lines (objects
 * with `id` and `text`; one JSON object per line out, an error object for a line that cannot be
 * read, exit 1 if any could not). A batch uses no session memory: each line stands alone.
 */
export async function parseCommand(text: string, opts: ParseOptions, out: Output, session?: SessionMemory): Promise<number> {
  if (opts.batch) return parseBatch(opts.batch, out);
  if (!text.trim()) throw new UsageError('nothing to parse', 'give a request, e.g. reign parse "run redis named cache", or --batch requests.jsonl');

  const memory = session ? await session.load() : undefined;
  const interpretation = understand(text, memory);
  if (session && memory) await session.save(remember(memory, interpretation));

  const result = resultOf(null, interpretation);
  if (opts.json) {
    out.jsonValue(result);
    return EXIT.success;
  }
  const stated = defaultsStated(text);
  if (stated) {
    out.line(`noted: ${Object.entries(stated).map(([k, v]) => `${k} ${String(v)}`).join(', ')}`);
    return EXIT.success;
  }
  out.line(humanLine(interpretation, out));
  for (const note of interpretation.applied) out.note(out.color.dim(`  applied ${note}`));
  return EXIT.success;
}

async function parseBatch(path: string, out: Output): Promise<number> {
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReignError(code === 'ENOENT' ? 'not_found' : 'usage', `cannot read ${path}: ${code ?? String(error)}`, 'give a JSON Lines file with one {"id", "text"} object per line');
  }
  let failed = 0;
  content.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    const item = readItem(line, index + 1);
    if ('error' in item) {
      failed++;
      out.jsonValue(item, { compact: true });
      return;
    }
    out.jsonValue(resultOf(item.id, understand(item.text)), { compact: true });
  });
  return failed ? EXIT.failure : EXIT.success;
}

type BatchItem = { id: string | number | null; text: string } | { id: string | number | null; error: { code: 'usage'; message: string } };

function readItem(line: string, lineNumber: number): BatchItem {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { id: null, error: { code: 'usage', message: `line ${lineNumber}: not JSON` } };
  }
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  const id = typeof record?.id === 'string' || typeof record?.id === 'number' ? record.id : null;
  if (!record || typeof record.text !== 'string') return { id, error: { code: 'usage', message: `line ${lineNumber}: expected an object with a string "text"` } };
  return { id, text: record.text };
}

function resultOf(id: string | number | null, i: Interpretation): ParseResult {
  const entities: Entities = {};
  for (const key of ENTITY_KEYS) if (i.entities[key] !== undefined) Object.assign(entities, { [key]: i.entities[key] });
  return { id, intent: i.intent, domains: i.domains, entities, confidence: i.confidence, question: i.question };
}

function humanLine(i: Interpretation, out: Output): string {
  const c = out.color;
  if (i.intent === 'clarify') return `${c.yellow('clarify')}  ${i.question ?? ''}`;
  const entities = Object.entries(i.entities).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`).join(' ');
  return [c.bold(i.intent), i.domains.join(','), entities].filter(Boolean).join('  ');
}
