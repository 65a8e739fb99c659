import { termsOf, type Recipe } from '../../core/recipe.js';
import { shellTaskFor } from './tasks.js';

const run = (command: string, title: string) => [{ id: 'shell', action: 'shell.run', title, input: { command } }];

/** Shell requests: quoted commands are judged and run as given; machine questions map to fixed commands. */
export const SHELL_RECIPES: Recipe[] = [
  {
    id: 'shell.quoted-command',
    intent: '*',
    domain: 'shell',
    needs: (i) => i.details.command !== undefined,
    does: 'run a shell command you quote, after judging it',
    example: 'run "du -sh /var/log"',
    build: (i) => run(i.details.command!, 'Run the command'),
  },
  {
    id: 'shell.command-needed',
    intent: 'execute',
    domain: 'shell',
    does: 'run a file or process task when you quote the command',
    example: 'run "find . -name \'*.log\' -mtime +7"',
    build: () => ({ question: 'Which command should I run? Quote it, e.g. reign \'run "du -sh ."\'' }),
  },
  {
    id: 'shell.inspect-machine',
    intent: 'monitor',
    domain: 'shell',
    does: 'answer questions about this machine: disk, memory, CPU, processes, ports, users, uptime',
    example: 'show me the top CPU-consuming processes',
    build: (i) => {
      if (i.details.command) return run(i.details.command, 'Run the command');
      const task = shellTaskFor(termsOf(i));
      return task ? run(task.command, `Show ${task.explain}`) : { question: 'Which part of the machine should I look at: disk, memory, CPU, processes, ports, users or uptime?' };
    },
  },
];
