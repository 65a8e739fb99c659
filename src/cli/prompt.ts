import { createInterface } from 'node:readline/promises';

/** Asks on stderr and reads a line from stdin; only called when stdin is a terminal. */
export async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

export function canPrompt(): boolean {
  return Boolean(process.stdin.isTTY) && !process.env.CI;
}
