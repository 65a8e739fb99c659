import type { Verdict } from './types.js';

/**
 * What makes a Kubernetes object given inline (`kubectl apply -f -`, `kubectl run --overrides`,
 * `helm install --set`) an escape to the node or to the whole cluster.
 */

/** Host paths whose mount gives a container the node: its root, system directories, the runtime's socket. */
export const HOST_PATHS = /^(?:\/|\/etc(?:\/.*)?|\/root(?:\/.*)?|\/home(?:\/.*)?|\/var\/lib\/kubelet(?:\/.*)?|\/proc(?:\/.*)?|\/sys(?:\/.*)?|\/dev(?:\/.*)?|\/boot(?:\/.*)?|\/usr(?:\/.*)?|\/bin|\/sbin|\/lib(?:64)?|\/var\/run|\/run|(?:\/var)?\/run\/(?:docker|containerd\/containerd|crio\/crio|podman\/podman)\.sock|\/var\/run\/docker\.sock)\/?$/;

/** Capabilities that amount to root on the node. */
export const NODE_CAPABILITIES = new Set(['ALL', 'SYS_ADMIN', 'SYS_PTRACE', 'SYS_MODULE', 'NET_ADMIN', 'DAC_READ_SEARCH', 'SYS_RAWIO', 'BPF']);

/** Roles that grant everything in the cluster or in a namespace. */
export const ADMIN_ROLES = new Set(['cluster-admin', 'admin', 'system:masters']);

/** `helm --set` keys (and values) that make a chart's pods escape, whatever the chart. */
export const HELM_ESCAPES: { key: RegExp; value?: RegExp; reason: string }[] = [
  { key: /(?:^|\.)privileged$/i, value: /^true$/i, reason: 'runs a privileged container' },
  { key: /(?:^|\.)host(?:PID|Network|IPC)$/i, value: /^true$/i, reason: 'shares the node\'s processes, network or IPC' },
  { key: /(?:^|\.)allowPrivilegeEscalation$/i, value: /^true$/i, reason: 'lets a process gain more privileges than its parent' },
  { key: /capabilities\.add/i, value: /SYS_ADMIN|ALL|SYS_PTRACE|SYS_MODULE|NET_ADMIN/i, reason: 'adds capabilities that amount to root on the node' },
  { key: /hostPath(?:\.path)?$/i, value: /^\/(?:$|etc|root|var\/run|run|proc|sys|dev)/, reason: 'mounts a system path of the node' },
  { key: /(?:^|\.)runAsUser$/, value: /^0$/, reason: 'runs the chart\'s containers as root' },
  { key: /clusterRole(?:Name)?$|roleRef\.name$/i, value: /^cluster-admin$/, reason: 'binds the chart to cluster-admin' },
];

export const MANIFEST_VERDICTS = {
  escape: (reason: string): Verdict => ({ level: 'dangerous', reason: `the inline manifest ${reason}` }),
  allInterfaces: { level: 'dangerous', reason: 'exposes the cluster API or a service on every network interface of this machine' } satisfies Verdict,
};
