import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { runCommand } from './run-command.js';
import { EXIT } from './exit-codes.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The `reign` command. Subcommands are declared here; each one's implementation is loaded only
 * when it runs, so `reign --version` and `reign parse` start fast.
 */
export function buildProgram(): Command {
  const program = new Command('reign')
    .description('Infrastructure requests in plain language: planned, judged, confirmed, executed and recorded.')
    .version(pkg.version, '-V, --version')
    .showSuggestionAfterError(true)
    .exitOverride();

  program
    .command('parse')
    .description('show how Reign understands a request (intent, domains, entities)')
    .argument('[text...]', 'the request')
    .option('--json', 'print JSON')
    .option('--batch <file>', 'read JSON Lines objects with id and text; print one result per line')
    .option('--session <id>', 'use this conversation session')
    .option('--new-session', 'start a new conversation session')
    .option('--debug', 'show stack traces')
    .action((words: string[], opts) =>
      runCommand(opts, async (out) => (await import('./parse.js')).parseCommand(words.join(' '), opts, out)),
    );

  program
    .command('check')
    .description('judge a shell command: read, write, admin or dangerous, with reasons')
    .argument('[command...]', 'the shell command (quote it)')
    .option('--json', 'print JSON')
    .option('--batch <file>', 'read JSON Lines objects with id and command; print one result per line')
    .option('--debug', 'show stack traces')
    .action((words: string[], opts) =>
      runCommand(opts, async (out) => (await import('./check.js')).checkCommand(words.join(' '), opts, out)),
    );

  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exit(error.exitCode === 0 ? EXIT.success : EXIT.usage);
    }
    throw error;
  }
}
