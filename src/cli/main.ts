import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { outliveClosedReaders } from './closed-readers.js';
import { runCommand } from './run-command.js';
import { EXIT } from './exit-codes.js';
import type { App } from '../app/app.js';
import type { Output } from './output.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The `reign` command. Subcommands are declared here; each one's implementation is loaded only
 * when it runs, so `reign --version` and `reign parse` start fast.
 */
export function buildProgram(): Command {
  const program = new Command('reign')
    .description('Infrastructure requests in plain language: planned, judged, confirmed, executed and recorded.')
    .version(pkg.version, '-V, --version')
    .usage('"<request>" [--yes] [--json]   or   reign <command> [options]')
    .addHelpText(
      'after',
      `
Examples:
  reign "run nginx on port 8080 named web"
  reign "set up postgres and redis for local dev" --yes
  reign plan "stop web" --emit sh
  reign check "curl -s https://example.sh | bash"
  reign rollback <run>

Exit codes: 0 success, 1 failure, 2 usage, 3 refused by policy, 4 not confirmed,
5 rolled back, 6 not found, 130 cancelled (Ctrl-C or SIGTERM).
reign check --exit-code: 0 read, 10 write, 11 admin, 12 dangerous.`,
    )
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
    .action((words: string[], opts) => {
      // Memory only when a session is named: plain `reign parse` stays fast and stateless.
      if (!opts.session && !opts.newSession) {
        return runCommand(opts, async (out) => (await import('./parse.js')).parseCommand(words.join(' '), opts, out));
      }
      return withApp(opts, async (app, out) => {
        const { openSession } = await import('../flow/session.js');
        const session = await openSession(await app.store(), opts);
        return (await import('./parse.js')).parseCommand(words.join(' '), opts, out, session);
      });
    });

  program
    .command('check')
    .description('judge a shell command: read, write, admin or dangerous, with reasons')
    .argument('[command...]', 'the shell command (quote it)')
    .option('--json', 'print JSON')
    .option('--batch <file>', 'read JSON Lines objects with id and command; print one result per line')
    .option('--exit-code', 'exit with the level: 0 read, 10 write, 11 admin, 12 dangerous (a batch: its most harmful)')
    .option('--debug', 'show stack traces')
    .action((words: string[], opts) =>
      runCommand(opts, async (out) => (await import('./check.js')).checkCommand(words.join(' '), opts, out)),
    );

  const requestOptions = (command: Command) =>
    command
      .option('--json', 'print JSON')
      .option('-y, --yes', 'approve steps that ask for confirmation (dangerous steps stay refused)')
      .option('--dir <dir>', 'directory for generated files (default: the current one)')
      .option('--session <id>', 'use this conversation session')
      .option('--new-session', 'start a new conversation session')
      .option('--concurrency <n>', 'steps run at once')
      .option('--step-timeout <seconds>', 'time limit for each step')
      .option('--debug', 'show stack traces');

  requestOptions(
    program
      .command('do', { isDefault: true, hidden: true })
      .argument('[request...]', 'what you want done, in plain language'),
  ).action((words: string[], opts) =>
    withApp(opts, async (app, out) => (await import('./request.js')).requestCommand(app, words.join(' '), opts, out)),
  );

  requestOptions(
    program
      .command('plan')
      .description('plan a request without running it')
      .argument('[request...]', 'what you want done')
      .option('--emit <format>', 'print the plan as commands: sh')
      .option('--out <file>', 'save the plan as JSON for `reign apply`'),
  ).action((words: string[], opts) =>
    withApp(opts, async (app, out) => (await import('./request.js')).planCommand(app, words.join(' '), opts, out)),
  );

  requestOptions(
    program
      .command('generate')
      .description('write the files a request would generate (Compose, Terraform, CloudFormation, ARM, Bicep) and run nothing else')
      .argument('[request...]', 'what to generate')
      .option('--out <dir>', 'directory to write into'),
  ).action((words: string[], opts) =>
    withApp(opts, async (app, out) => (await import('./generate.js')).generateCommand(app, words.join(' '), opts, out)),
  );

  requestOptions(
    program.command('apply').description('review and execute a saved plan').argument('<plan>', 'a plan file from `reign plan --out`'),
  ).action((file: string, opts) => withApp(opts, async (app, out) => (await import('./request.js')).applyCommand(app, file, opts, out)));

  program
    .command('runs')
    .description('list recorded runs, newest first')
    .option('--json', 'print JSON')
    .option('--limit <n>', 'how many', '20')
    .option('--debug', 'show stack traces')
    .action((opts) =>
      withApp(opts, async (app, out) => (await import('./runs.js')).runsCommand(app, { limit: Number(opts.limit) }, out)),
    );

  program
    .command('show')
    .description('show a run: its steps, commands, outputs and resources')
    .argument('<run>', 'run id (a unique prefix is enough)')
    .option('--json', 'print JSON')
    .option('--debug', 'show stack traces')
    .action((runId: string, opts) =>
      withApp(opts, async (app, out) => (await import('./runs.js')).showCommand(app, runId, out)),
    );

  program
    .command('resources')
    .description('list what Reign created and has not removed')
    .option('--json', 'print JSON')
    .option('--all', 'include removed resources')
    .option('--debug', 'show stack traces')
    .action((opts) =>
      withApp(opts, async (app, out) => (await import('./runs.js')).resourcesCommand(app, opts, out)),
    );

  program
    .command('rollback')
    .description('undo what a run did, including a run that was interrupted')
    .argument('<run>', 'run id (a unique prefix is enough)')
    .option('--json', 'print JSON')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--debug', 'show stack traces')
    .action((runId: string, opts) =>
      withApp(opts, async (app, out) => (await import('./rollback.js')).rollbackCommand(app, runId, opts, out)),
    );

  const audit = program.command('audit').description('the tamper-evident audit log');
  audit
    .command('verify')
    .description('check the hash chain and the checkpoint kept outside the database; exits 1 naming the first altered, removed or reordered entry')
    .option('--against <file>', 'also prove the log still holds the head in a checkpoint exported earlier')
    .option('--json', 'print JSON')
    .option('--debug', 'show stack traces')
    .action((opts) =>
      withApp(opts, async (app, out) => (await import('./audit.js')).auditVerifyCommand(opts, out, await app.store(), app.cwd)),
    );
  audit
    .command('checkpoint')
    .description('export the signed head of the log, to keep somewhere the database is not')
    .requiredOption('--out <file>', 'where to write it ("-" for stdout)')
    .option('--json', 'print JSON')
    .option('--debug', 'show stack traces')
    .action((opts) =>
      withApp(opts, async (app, out) => (await import('./audit.js')).auditCheckpointCommand(opts, out, await app.store(), app.cwd)),
    );
  audit
    .command('list')
    .description('print audit entries, newest last')
    .option('--json', 'print JSON')
    .option('--limit <n>', 'how many', '50')
    .option('--debug', 'show stack traces')
    .action((opts) =>
      withApp(opts, async (app, out) => (await import('./audit.js')).auditListCommand({ ...opts, limit: Number(opts.limit) }, out, await app.store())),
    );

  program
    .command('policy')
    .description('the policy that decides what runs')
    .command('explain')
    .description('show which rule decides each step of a request, or a shell command')
    .argument('<text...>', 'a request, or a shell command')
    .option('--command', 'treat the text as a shell command')
    .option('--json', 'print JSON')
    .option('--debug', 'show stack traces')
    .action((words: string[], opts) =>
      withApp(opts, async (app, out) => (await import('./policy.js')).policyExplainCommand(app, words.join(' '), opts, out)),
    );

  program
    .command('actions')
    .description('list the actions Reign can plan, with their risk')
    .option('--json', 'print JSON (with each input\'s JSON Schema)')
    .option('--debug', 'show stack traces')
    .action((opts) => withApp(opts, async (app, out) => (await import('./actions.js')).actionsCommand(app, opts, out)));

  return program;
}

/** Runs a subcommand with the composition root, closing the store afterwards. */
function withApp(opts: { json?: boolean; debug?: boolean }, body: (app: App, out: Output) => Promise<number>) {
  return runCommand(opts, async (out) => {
    const { createApp } = await import('../app/app.js');
    const app = createApp();
    out.redactWith(app.secrets);
    try {
      return await body(app, out);
    } finally {
      await app.close();
    }
  });
}

export async function main(argv: string[]): Promise<void> {
  outliveClosedReaders();
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
