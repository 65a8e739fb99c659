import { backupOf } from './backups.js';
import type { Stack, StackService } from './stack.js';

/** A short README: what runs, where to reach it, how to connect, and how to back it up. */
export function readme(stack: Stack): string {
  const rows = stack.services.map((s) => `| ${s.name} | ${s.entry?.title ?? s.image ?? 'built from ./' + s.name} | ${s.image ?? `./${s.name}/Dockerfile`} | ${endpoints(s)} | ${s.entry?.user.runsAs ?? s.user ?? 'image default'} |`);
  const connections = stack.services.filter((s) => s.entry?.offers).map((s) => `- **${s.name}**: \`${localConnection(s)}\``);
  const apps = stack.services.filter((s) => s.build);
  const backups = stack.services.filter((s) => backupOf(s));
  return [
    `# ${stack.project}`,
    '',
    'A local development stack. Every port is published on 127.0.0.1 only; services reach each',
    'other by service name on the stack\'s own network. Passwords are in `.env` (mode 600): keep it',
    'out of version control.',
    '',
    '| service | what | image | on this machine | runs as |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    ...(connections.length ? ['## Connecting', '', 'Replace `${VAR}` with its value from `.env`.', '', ...connections, ''] : []),
    ...(apps.length
      ? [
          '## Your code',
          '',
          ...apps.map((s) => `- **${s.name}**: put the app in \`./${s.name}\`; \`./${s.name}/Dockerfile\` builds it and runs it as a non-root user. It must listen on port ${s.entry?.build?.port ?? s.ports[0]?.container} and answer \`GET ${s.entry?.kind === 'frontend' ? '/' : '/health'}\`.`),
          '',
        ]
      : []),
    '## Running it',
    '',
    '```sh',
    'make up       # start, then `make ps` until every service says healthy',
    'make logs     # follow the logs (SERVICE=name for one)',
    'make down     # stop and remove the containers; the named volumes keep the data',
    '```',
    '',
    ...(backups.length
      ? [
          '## Backups',
          '',
          '`make backup` writes timestamped files and their sha256 checksums to `backups/`;',
          '`make restore SERVICE=<service> FILE=backups/<file>` checks the checksum first and refuses on a mismatch.',
          '',
          ...backups.map((s) => {
            const b = backupOf(s)!;
            return `- ${s.name}: ${'method' in b ? b.method.tool : `an archive of the volume${b.volumes.length > 1 ? 's' : ''} ${b.volumes.join(', ')}`}`;
          }),
          '',
        ]
      : []),
    ...(stack.notes.length ? ['## Notes', '', ...stack.notes.map((n) => `- ${n}`), ''] : []),
  ].join('\n');
}

function endpoints(s: StackService): string {
  if (!s.ports.length) return 'inside the stack only';
  return s.ports.map((p) => (p.http ? `http://localhost:${p.host}` : `127.0.0.1:${p.host}`) + ` (${p.purpose})`).join(', ');
}

/** The entry's local connection string, with the published host port if it moved. */
function localConnection(s: StackService): string {
  let text = s.entry!.offers!.local;
  for (const p of s.ports) {
    const wanted = s.entry!.ports.find((e) => e.container === p.container)?.host;
    if (wanted && wanted !== p.host) text = text.replaceAll(`:${wanted}`, `:${p.host}`);
  }
  return text;
}
