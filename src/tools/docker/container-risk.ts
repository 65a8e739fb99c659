import type { RiskJudgement, RiskLevel, RiskReason } from '../../core/risk.js';
import { maxRisk } from '../../core/risk.js';

/**
 * What makes creating a container more harmful than the action's base level, as rows a reviewer
 * reads top to bottom. The facts come from a `docker.container.run` input or from a captured
 * create configuration being re-created.
 */
export interface ContainerFacts {
  binds: { source: string; readOnly: boolean }[];
  published: { hostIp: string; host: string }[];
  privileged: boolean;
  /** Namespaces shared with the host: `pid`, `ipc`, `network`, `uts`, `userns`. */
  hostNamespaces: string[];
  addedCapabilities: string[];
}

/** Host paths whose mount hands the container control of the host (or of Docker itself). */
const HOST_CONTROL_PATHS = ['/etc', '/root', '/boot', '/proc', '/sys', '/dev', '/var/lib/docker', '/var/run/docker.sock', '/run/docker.sock'];

function controlsHost(path: string): boolean {
  const clean = path.replace(/\/+$/, '') || '/';
  return clean === '/' || HOST_CONTROL_PATHS.some((p) => clean === p || clean.startsWith(`${p}/`));
}

const RULES: { rule: string; level: RiskLevel; reason: string; parts(facts: ContainerFacts): string[] }[] = [
  {
    rule: 'docker.container.privileged',
    level: 'dangerous',
    reason: 'a privileged container can do anything the host can',
    parts: (f) => (f.privileged ? ['--privileged'] : []),
  },
  {
    rule: 'docker.container.host-namespace',
    level: 'dangerous',
    reason: "shares the host's namespace, leaving the container's isolation",
    parts: (f) => f.hostNamespaces.map((ns) => `--${ns}=host`),
  },
  {
    rule: 'docker.container.mount-host-control',
    level: 'dangerous',
    reason: 'mounts a host path that gives control of the host or of Docker',
    parts: (f) => f.binds.filter((b) => controlsHost(b.source)).map((b) => b.source),
  },
  {
    rule: 'docker.container.mount-writable',
    level: 'admin',
    reason: 'lets the container change files on the host',
    parts: (f) => f.binds.filter((b) => !b.readOnly && !controlsHost(b.source)).map((b) => b.source),
  },
  {
    rule: 'docker.container.add-capability',
    level: 'admin',
    reason: 'gives the container extra kernel capabilities',
    parts: (f) => f.addedCapabilities,
  },
  {
    rule: 'docker.container.publish-beyond-localhost',
    level: 'admin',
    reason: 'publishes a port to other machines, not only this one',
    parts: (f) => f.published.filter((p) => !p.hostIp.startsWith('127.')).map((p) => `${p.hostIp || '0.0.0.0'}:${p.host}`),
  },
];

/** The base level, raised by every rule whose parts are present. */
export function judgeContainer(actionId: string, base: RiskLevel, baseReason: string, facts: ContainerFacts): RiskJudgement {
  const reasons: RiskReason[] = [{ level: base, rule: actionId, reason: baseReason }];
  for (const rule of RULES) {
    for (const part of rule.parts(facts)) reasons.push({ level: rule.level, part, rule: rule.rule, reason: rule.reason });
  }
  return { level: maxRisk(...reasons.map((r) => r.level)), reasons };
}
