import { beforeAll, describe, expect, it } from 'vitest';
import type { Judge } from '../../core/context.js';
import { createJudge } from './index.js';
import { manifestEscapes } from './manifests.js';

let judge: Judge;
beforeAll(async () => {
  judge = await createJudge();
});
const levelOf = (command: string) => judge.judge(command).level;

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n${spec}`;

describe('manifests given inline', () => {
  it('finds every way a pod spec reaches the node, in any workload kind', () => {
    expect(manifestEscapes(pod('  hostPID: true\n  containers: [{name: a, image: alpine}]'))).toEqual(['sets hostPID: true']);
    expect(manifestEscapes(pod('  containers:\n  - name: a\n    image: alpine\n    securityContext: {privileged: true}'))).toEqual(['runs container a privileged']);
    expect(manifestEscapes(pod('  containers: [{name: a, image: alpine}]\n  volumes: [{name: s, hostPath: {path: /var/run/docker.sock}}]'))).toEqual(["mounts the node's /var/run/docker.sock"]);
    const cron = 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          hostNetwork: true\n          containers: [{name: c, image: alpine, securityContext: {capabilities: {add: [NET_ADMIN]}}}]';
    expect(manifestEscapes(cron)).toEqual(['sets hostNetwork: true', 'adds the capabilities NET_ADMIN']);
    expect(manifestEscapes('{"kind":"ClusterRoleBinding","roleRef":{"name":"cluster-admin"},"subjects":[{"name":"ci"}]}')).toEqual(['binds ci to cluster-admin']);
  });

  it('finds nothing in ordinary objects, and nothing in text that is not a manifest', () => {
    expect(manifestEscapes(pod('  containers: [{name: web, image: nginx, securityContext: {runAsNonRoot: true}}]\n  volumes: [{name: data, hostPath: {path: /srv/data}}]'))).toEqual([]);
    expect(manifestEscapes('kind: ConfigMap\ndata: {privileged: "true"}')).toEqual([]);
    expect(manifestEscapes('not: [valid')).toEqual([]);
  });

  it('judges kubectl apply and create of a manifest written in the command, by here-document or pipe', () => {
    expect(levelOf(`kubectl apply -f - <<EOF\n${pod('  hostPID: true\n  containers: [{name: a, image: alpine}]')}\nEOF`)).toBe('dangerous');
    expect(levelOf(`cat <<'EOF' | kubectl create -f -\n${pod('  containers: [{name: a, image: alpine, securityContext: {privileged: true}}]')}\nEOF`)).toBe('dangerous');
    expect(levelOf(`echo '{"kind":"ClusterRoleBinding","roleRef":{"name":"cluster-admin"},"subjects":[{"name":"default"}]}' | kubectl apply -f -`)).toBe('dangerous');
    expect(levelOf(`kubectl apply -f - <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\nEOF`)).toBe('write');
  });

  it('judges kubectl run overrides and --privileged', () => {
    expect(levelOf(`kubectl run x --image=alpine --overrides='{"spec":{"hostPID":true,"containers":[{"name":"x","image":"alpine"}]}}'`)).toBe('dangerous');
    expect(levelOf('kubectl run x --image=alpine --privileged -- sh')).toBe('dangerous');
    expect(levelOf(`kubectl run x --image=alpine --overrides='{"metadata":{"labels":{"a":"b"}}}'`)).toBe('write');
    // the patch is a Pod's even without a kind or containers
    expect(levelOf(`kubectl run x --image=alpine --overrides='{"spec":{"hostNetwork":true}}'`)).toBe('dangerous');
    expect(levelOf(`kubectl run x --image=alpine --overrides '{"spec":{"hostPID":true}}'`)).toBe('dangerous');
    expect(levelOf(`kubectl run x --image=alpine --overrides='{"spec":{"volumes":[{"name":"r","hostPath":{"path":"/"}}]}}'`)).toBe('dangerous');
  });

  it('judges helm --set values that make a chart\'s pods escape', () => {
    expect(levelOf('helm install x ./chart --set securityContext.privileged=true')).toBe('dangerous');
    expect(levelOf('helm upgrade --install mon ./exporter --set hostNetwork=true,hostPID=true')).toBe('dangerous');
    expect(levelOf("helm install x ./c --set-string 'containers[0].securityContext.capabilities.add[0]=SYS_ADMIN'")).toBe('dangerous');
    expect(levelOf('helm install web bitnami/nginx --set replicaCount=3,service.type=ClusterIP')).toBe('write');
  });

  it('judges kubectl proxy and port-forward on every interface as dangerous, and on loopback as write', () => {
    expect(levelOf("kubectl proxy --address=0.0.0.0 --accept-hosts='.*'")).toBe('dangerous');
    expect(levelOf('kubectl port-forward --address 0.0.0.0 svc/db 5432:5432')).toBe('dangerous');
    expect(levelOf('kubectl port-forward --address localhost,0.0.0.0 pod/x 8080')).toBe('dangerous');
    expect(levelOf('kubectl port-forward svc/db 5432:5432')).toBe('write');
    expect(levelOf('kubectl port-forward --address 127.0.0.1 svc/db 5432:5432')).toBe('write');
  });
});
