import pc from 'picocolors';
import type { Colors } from 'picocolors/types.js';

/**
 * Data to stdout, progress and prompts to stderr, so `reign … --json | jq` always works.
 * Colour only when the stream is a terminal and NO_COLOR is unset.
 */
export interface Output {
  json: boolean;
  /** A line of data on stdout. */
  line(text?: string): void;
  /** A value as one JSON document (or one line, for batches) on stdout. */
  jsonValue(value: unknown, options?: { compact?: boolean }): void;
  /** Progress, prompts and warnings on stderr. */
  note(text: string): void;
  color: Colors;
  /** stderr is a terminal: progress can be live. */
  isTerminal: boolean;
  /** stdout is a terminal too, so what stderr showed live need not be repeated there. */
  stdoutIsTerminal: boolean;
  /** Everything printed from now on passes through the secret scanner. */
  redactWith(scanner: Redactor): void;
}

export interface Redactor {
  redactText(text: string): string;
  redactValue<T>(value: T): T;
}

const noRedaction: Redactor = { redactText: (text) => text, redactValue: (value) => value };

export function createOutput(options: { json: boolean; stdout?: NodeJS.WriteStream; stderr?: NodeJS.WriteStream }): Output {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const useColor = Boolean(stdout.isTTY) && !process.env.NO_COLOR;
  let scanner = noRedaction;
  return {
    json: options.json,
    line: (text = '') => void stdout.write(`${scanner.redactText(text)}\n`),
    jsonValue: (value, o) => void stdout.write(`${JSON.stringify(scanner.redactValue(value), null, o?.compact ? undefined : 2)}\n`),
    note: (text) => void stderr.write(`${scanner.redactText(text)}\n`),
    redactWith: (s) => void (scanner = s),
    color: pc.createColors(useColor),
    isTerminal: Boolean(stderr.isTTY),
    stdoutIsTerminal: Boolean(stdout.isTTY) && Boolean(stderr.isTTY),
  };
}

/** A plain table: columns padded to their widest cell, no borders (like kubectl get). */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => visibleLength(r[i] ?? ''))));
  const render = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i]! - visibleLength(c)))).join('   ');
  return [render(headers), ...rows.map(render)].join('\n');
}

function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;]*m/g, '').length;
}

/** An Output that keeps what it is given, without colour, for tests of subcommands. */
export function capturedOutput(json = false): { out: Output; stdout: string[]; stderr: string[]; text(): string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out: Output = {
    json,
    line: (text = '') => void stdout.push(text),
    jsonValue: (value) => void stdout.push(JSON.stringify(value)),
    note: (text) => void stderr.push(text),
    color: pc.createColors(false),
    isTerminal: false,
    stdoutIsTerminal: false,
    redactWith: () => {},
  };
  return { out, stdout, stderr, text: () => stdout.join('\n') };
}
