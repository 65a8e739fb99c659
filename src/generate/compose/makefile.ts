import { commandLine, shellQuote } from '../../core/shell-quote.js';
import { ARCHIVE_IMAGE, backupOf, type ServiceBackup } from './backups.js';
import type { Stack } from './stack.js';

/**
 * A Makefile for people who will never run Reign again: up, down, logs, ps, and backups and
 * restores that do what `compose.backup` and `compose.restore` do, with the same file names and
 * checksums. Works with either Compose CLI.
 */
export function makefile(stack: Stack): string {
  const backups = stack.services.map(backupOf).filter((b): b is ServiceBackup => Boolean(b));
  const rules: string[][] = [
    ['up:', '\t$(COMPOSE) up -d', '\t$(COMPOSE) ps'],
    ['down:', '\t$(COMPOSE) down'],
    ['logs:', '\t$(COMPOSE) logs --tail=100 -f $(SERVICE)'],
    ['ps:', '\t$(COMPOSE) ps'],
    [`backup:${backups.map((b) => ` backup-${b.service}`).join('')}`],
    [
      'restore:',
      '\t@test -n "$(SERVICE)" -a -n "$(FILE)" || { echo "usage: make restore SERVICE=<service> FILE=<backup file>"; exit 2; }',
      '\tcd "$(dir $(FILE))" && sha256sum --check --quiet "$(notdir $(FILE)).sha256"',
      '\t$(MAKE) --no-print-directory restore-$(SERVICE) FILE="$(abspath $(FILE))"',
    ],
    ...backups.flatMap((b) => [backupRule(stack.project, b), restoreRule(stack.project, b)]),
  ];
  const targets = ['up', 'down', 'logs', 'ps', 'backup', 'restore', ...backups.flatMap((b) => [`backup-${b.service}`, `restore-${b.service}`])];
  return [
    `# The ${stack.project} stack: make up | down | logs [SERVICE=x] | ps | backup | restore SERVICE=x FILE=backups/...`,
    '# Uses the Compose v2 plugin when it answers, else docker-compose v1.',
    'COMPOSE := $(shell docker compose version >/dev/null 2>&1 && echo "docker compose" || echo docker-compose)',
    'STAMP := $(shell date -u +%Y%m%dT%H%M%SZ)',
    'BACKUPS := backups',
    '',
    `.PHONY: ${targets.join(' ')}`,
    '',
    rules.map((r) => r.join('\n')).join('\n\n'),
    '',
  ].join('\n');
}

/** Shell text inside a Makefile recipe: make expands `$`, so the shell's own are doubled. */
const forMake = (text: string) => text.replaceAll('$', () => '$$');
const container = (service: string) => `"$$($(COMPOSE) ps -q ${service})"`;

function backupRule(project: string, b: ServiceBackup): string[] {
  const name = `${project}-${b.service}-$(STAMP)`;
  const head = [`backup-${b.service}:`, '\tmkdir -p $(BACKUPS)'];
  if ('volumes' in b) {
    const file = `${name}.tar.gz`;
    const mounts = b.volumes.map((v) => `-v ${project}_${v}:/volumes/${v}:ro`).join(' ');
    return [
      ...head,
      `\tdocker run --rm ${mounts} -v "$(CURDIR)/$(BACKUPS)":/backup ${ARCHIVE_IMAGE} tar -czf /backup/${file} -C /volumes .`,
      `\tcd $(BACKUPS) && sha256sum ${file} > ${file}.sha256`,
    ];
  }
  const file = `${name}.${b.method.extension}`;
  const produce =
    b.method.kind === 'dump'
      ? `\t$(COMPOSE) exec -T ${b.service} sh -c ${forMake(shellQuote(b.method.dump))}`
      : `\t$(COMPOSE) exec -T ${b.service} ${commandLine(b.method.snapshot)}`;
  return [
    ...head,
    produce,
    `\tdocker cp ${container(b.service)}:${b.method.file} $(BACKUPS)/${file}`,
    ...(b.method.kind === 'dump' ? [`\t$(COMPOSE) exec -T ${b.service} rm -f ${b.method.file}`] : []),
    `\tcd $(BACKUPS) && sha256sum ${file} > ${file}.sha256`,
  ];
}

function restoreRule(project: string, b: ServiceBackup): string[] {
  const head = `restore-${b.service}:`;
  if ('volumes' in b) {
    const mounts = b.volumes.map((v) => `-v ${project}_${v}:/volumes/${v}`).join(' ');
    const clear = b.volumes.map((v) => `find /volumes/${v} -mindepth 1 -delete`).join(' && ');
    return [
      head,
      `\t$(COMPOSE) stop ${b.service}`,
      `\tdocker run --rm ${mounts} -v "$(dir $(FILE))":/backup:ro ${ARCHIVE_IMAGE} sh -c '${clear} && tar -xzf /backup/$(notdir $(FILE)) -C /volumes'`,
      `\t$(COMPOSE) start ${b.service}`,
    ];
  }
  if (b.method.kind === 'snapshot') {
    return [head, `\t$(COMPOSE) stop ${b.service}`, `\tdocker cp "$(FILE)" ${container(b.service)}:${b.method.file}`, `\t$(COMPOSE) start ${b.service}`];
  }
  return [
    head,
    `\tdocker cp "$(FILE)" ${container(b.service)}:${b.method.file}`,
    `\t$(COMPOSE) exec -T ${b.service} sh -c ${forMake(shellQuote(b.method.restore))}`,
    `\t$(COMPOSE) exec -T ${b.service} rm -f ${b.method.file}`,
  ];
}
