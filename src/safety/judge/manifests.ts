import { parseAllDocuments } from 'yaml';
import type { Evaluation, Finding, Invocation } from './evaluation.js';
import { ADMIN_ROLES, HELM_ESCAPES, HOST_PATHS, MANIFEST_VERDICTS, NODE_CAPABILITIES } from './rules/manifests.js';
import { literalStdin } from './script.js';

type Json = Record<string, unknown>;
const object = (value: unknown): Json | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Why a pod spec lets its containers reach the node, one reason per escape. */
function podEscapes(spec: Json): string[] {
  const found: string[] = [];
  for (const key of ['hostPID', 'hostNetwork', 'hostIPC']) if (spec[key] === true) found.push(`sets ${key}: true`);
  for (const container of [...list(spec.containers), ...list(spec.initContainers), ...list(spec.ephemeralContainers)].map(object)) {
    const security = object(container?.securityContext);
    if (security?.privileged === true) found.push(`runs container ${String(container?.name ?? '')} privileged`.replace('  ', ' '));
    const added = list(object(security?.capabilities)?.add).map(String);
    const strong = added.filter((c) => NODE_CAPABILITIES.has(c.toUpperCase().replace(/^CAP_/, '')));
    if (strong.length) found.push(`adds the capabilities ${strong.join(', ')}`);
  }
  for (const volume of list(spec.volumes).map(object)) {
    const path = object(volume?.hostPath)?.path;
    if (typeof path === 'string' && HOST_PATHS.test(path)) found.push(`mounts the node's ${path}`);
  }
  return found;
}

/** The pod spec of any workload kind: a Pod, a template's spec, a CronJob's job template. */
function podSpecOf(doc: Json): Json | undefined {
  const spec = object(doc.spec);
  if (!spec) return undefined;
  if (doc.kind === 'Pod' || spec.containers) return spec;
  const template = object(spec.template) ?? object(object(object(spec.jobTemplate)?.spec)?.template);
  return object(template?.spec);
}

/**
 * Every reason the objects in a manifest (YAML or JSON, one or many documents) escape. An object
 * with no kind is taken as `kindless` (a `kubectl run --overrides` patch is always a Pod).
 */
export function manifestEscapes(text: string, kindless?: string): string[] {
  let docs: unknown[];
  try {
    docs = parseAllDocuments(text).map((d) => d.toJSON());
  } catch {
    return [];
  }
  const found: string[] = [];
  const visit = (doc: Json | undefined) => {
    if (!doc) return;
    if (doc.kind === 'List') return list(doc.items).forEach((item) => visit(object(item)));
    const spec = podSpecOf(doc);
    if (spec) found.push(...podEscapes(spec));
    if ((doc.kind === 'ClusterRoleBinding' || doc.kind === 'RoleBinding') && ADMIN_ROLES.has(String(object(doc.roleRef)?.name))) {
      found.push(`binds ${list(doc.subjects).map((s) => String(object(s)?.name ?? '?')).join(', ') || 'its subjects'} to ${String(object(doc.roleRef)?.name)}`);
    }
  };
  for (const doc of docs.map(object)) visit(doc && kindless && doc.kind === undefined ? { ...doc, kind: kindless } : doc);
  return found;
}

const ALL_INTERFACES = /^(?:0\.0\.0\.0|::|\*|0)$/;

/**
 * `kubectl apply|create|replace -f -` with the manifest in the command, `kubectl run --overrides`,
 * and `kubectl proxy|port-forward --address` on every interface.
 */
export function kubectlPayloads(ev: Evaluation, inv: Invocation, finding: Finding): void {
  const part = inv.site.text;
  const values = inv.words.slice(1).map((w) => w.value);
  const sub = values.find((v) => !v.startsWith('-'));
  const valueOf = (flag: string): string[] =>
    values.flatMap((v, i) => (v === flag ? [values[i + 1] ?? ''] : v.startsWith(`${flag}=`) ? [v.slice(flag.length + 1)] : []));
  const texts: { text: string; kindless?: string }[] = [];
  // A server-side or client-side dry run only validates: nothing is created.
  const dryRun = values.some((v) => v === '--dry-run' || (v.startsWith('--dry-run=') && v !== '--dry-run=none'));
  if (!dryRun && (sub === 'apply' || sub === 'create' || sub === 'replace')) {
    // The grammar drops a lone `-` right before a here-document (`-f - <<EOF`): a missing value reads stdin too.
    if ([...valueOf('-f'), ...valueOf('--filename')].some((v) => v === '-' || (v === '' && inv.site.stdinText))) {
      const text = literalStdin(inv.site);
      if (text !== undefined) texts.push({ text });
    }
  }
  if (sub === 'run') texts.push(...valueOf('--overrides').map((text) => ({ text, kindless: 'Pod' })));
  if (sub === 'run' && values.includes('--privileged')) ev.add(finding, MANIFEST_VERDICTS.escape('runs a privileged pod'), 'kubectl.run.privileged', part);
  for (const reason of texts.flatMap((t) => manifestEscapes(t.text, t.kindless))) ev.add(finding, MANIFEST_VERDICTS.escape(reason), 'kubectl.inline-manifest', part);
  if ((sub === 'proxy' || sub === 'port-forward') && valueOf('--address').some((a) => a.split(',').some((x) => ALL_INTERFACES.test(x.trim())))) {
    ev.add(finding, MANIFEST_VERDICTS.allInterfaces, `kubectl.${sub}.all-interfaces`, part);
  }
}

/** `helm install|upgrade|template --set key=value`: values that make any chart's pods escape. */
export function helmValues(ev: Evaluation, inv: Invocation, finding: Finding): void {
  const values = inv.words.slice(1).map((w) => w.value);
  const sub = values.find((v) => !v.startsWith('-'));
  if (sub !== 'install' && sub !== 'upgrade') return;
  const sets = values.flatMap((v, i) =>
    /^--set(?:-string)?$/.test(v) ? [values[i + 1] ?? ''] : /^--set(?:-string)?=/.test(v) ? [v.slice(v.indexOf('=') + 1)] : []);
  for (const pair of sets.flatMap((s) => s.split(/,(?=[^,=]+=)/))) {
    const at = pair.indexOf('=');
    const [key, value] = at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
    const escape = HELM_ESCAPES.find((e) => e.key.test(key) && (!e.value || e.value.test(value)));
    if (escape) ev.add(finding, MANIFEST_VERDICTS.escape(`${escape.reason} (--set ${pair})`), 'helm.set.escape', inv.site.text);
  }
}
