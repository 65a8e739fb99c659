import { describe, expect, it } from 'vitest';
import { explain, understand, understandAll } from './index.js';

const parse = (text: string) => understand(text);

describe('intents', () => {
  it.each([
    ['bring up a mysql container listening on 3306', 'create'],
    ['please ship build 1.3.0 of checkout to production', 'deploy'],
    ['bump the billing deployment to acme/billing:4.2 in staging', 'update'],
    ['set the replica count for checkout to seven in production', 'scale'],
    ['what pods are running in the argo namespace?', 'monitor'],
    ['could you tear down the redis container named sessions', 'destroy'],
    ['take a snapshot of the grafana volume', 'backup'],
    ['import the dump into the mysql container', 'restore'],
    ['roll back the frontend release to revision 12', 'rollback'],
    ['the payments pod is in CrashLoopBackOff, figure out why', 'debug'],
    ['compress the logs folder into logs.tar.gz', 'execute'],
  ])('reads "%s" as %s', (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });

  it('takes the first task as the main goal', () => {
    expect(parse('make a new github repo named infra-live and push the scaffold to main').intent).toBe('create');
  });

  it('lets a clear request outweigh the symptoms described before it', () => {
    expect(parse('checkout on live started returning 502s after the release, roll it back').intent).toBe('rollback');
  });

  it('does not take a verb in a relative clause for the request', () => {
    expect(parse('a GitLab pipeline that deploys the api to staging').intent).toBe('create');
  });

  it('reads a verb used as a noun as a noun', () => {
    expect(parse('the nightly backup failed on the db container, why').intent).toBe('debug');
  });

  it('reads tool commands by their subcommand', () => {
    expect(parse('terraform validate').intent).toBe('monitor');
    expect(parse('helm uninstall grafana -n observability').intent).toBe('destroy');
    expect(parse('kubectl rollout undo deployment/cart').intent).toBe('rollback');
  });
});

describe('domains', () => {
  it('sends multi-tool requests to every tool named', () => {
    const r = parse('write Terraform for an AKS cluster, a Helm chart for the orders service and a CircleCI pipeline that deploys it');
    expect(r.intent).toBe('create');
    expect([...r.domains].sort()).toEqual(['ci', 'helm', 'terraform']);
    expect(r.entities).toMatchObject({ cloud: 'azure', ci: 'circleci', name: 'orders' });
  });

  it('treats k8s as kubernetes', () => {
    expect(parse('list every k8s service in the web namespace').domains).toEqual(['kubernetes']);
  });

  it('uses compose for several services with no tool named', () => {
    expect(parse('set up a local dev environment with django, celery and redis').domains).toEqual(['compose']);
  });

  it('uses kubernetes for an app operation on staging or prod', () => {
    expect(parse('restart the payments service in staging').domains).toEqual(['kubernetes']);
  });

  it('uses docker for one named app with no environment', () => {
    expect(parse('stop web').domains).toEqual(['docker']);
  });

  it('writes cloud resources with no tool named as terraform', () => {
    expect(parse('create an S3 bucket for logs in us-east-1')).toMatchObject({ domains: ['terraform'], entities: { cloud: 'aws' } });
  });

  it('keeps a helm request helm alone when the namespace is only where it goes', () => {
    expect(parse('upgrade prometheus via helm in the monitoring namespace').domains).toEqual(['helm']);
  });

  it('keeps a pipeline that runs another tool ci alone', () => {
    expect(parse('write a GitHub Actions workflow to run terraform plan on pull requests').domains).toEqual(['ci']);
  });

  it('reads machine tasks as shell', () => {
    expect(parse('how much memory is the box using')).toMatchObject({ intent: 'monitor', domains: ['shell'] });
    expect(parse('delete every .tmp file in the build directory')).toMatchObject({ intent: 'destroy', domains: ['shell'] });
  });
});

describe('entities', () => {
  it('normalises PostgreSQL, Postgres and pg to postgres', () => {
    for (const word of ['PostgreSQL', 'Postgres', 'pg']) expect(parse(`back up the ${word} database in the compose stack`).entities.services).toEqual(['postgres']);
  });

  it('expands ELK and normalises Mongo', () => {
    expect(parse('add mongo and an ELK stack to the compose file').entities.services).toEqual(['mongodb', 'elasticsearch', 'logstash', 'kibana']);
  });

  it('normalises environment words', () => {
    expect(parse('promote the api from qa to live').entities.environments).toEqual(['test', 'prod']);
    expect(parse('deploy the worker to stg').entities.environments).toEqual(['staging']);
  });

  it('reads number words as replicas', () => {
    expect(parse('run five replicas of the search deployment').entities.replicas).toBe(5);
  });

  it('keeps both ends of a replica range', () => {
    expect(parse('autoscale api between 3 and 10 replicas').entities.replicas).toEqual(expect.arrayContaining([3, 10]));
  });

  it('reads GitLab CI and Azure Pipelines as CI systems, not clouds', () => {
    expect(parse('a GitLab CI file that runs the unit tests').entities.ci).toBe('gitlab-ci');
    expect(parse('an Azure Pipelines definition for the monorepo').entities).toMatchObject({ ci: 'azure-pipelines' });
    expect(parse('an Azure Pipelines definition for the monorepo').entities.cloud).toBeUndefined();
  });

  it('implies the cloud from its products', () => {
    expect(parse('terraform for a GKE cluster').entities.cloud).toBe('gcp');
    expect(parse('push the image to ECR').entities.cloud).toBe('aws');
  });

  it('keeps a tagged image as an image and not a service', () => {
    expect(parse('run redis:7-alpine exposing 6380').entities).toEqual({ image: 'redis:7-alpine', port: 6380 });
  });

  it('takes the published port from a mapping', () => {
    expect(parse('docker run -p 8443:443 caddy').entities.port).toBe(8443);
  });

  it('keeps versions as written', () => {
    expect(parse('upgrade the loki release to chart version 5.41.4').entities.version).toBe('5.41.4');
    expect(parse('release v3 of the api to prod').entities.version).toBe('v3');
  });

  it('puts branches, namespaces and names under their own keys', () => {
    expect(parse('merge feature/cart into develop').entities).toEqual({ branch: ['feature/cart', 'develop'] });
    expect(parse('describe the cart deployment in the shop namespace').entities).toEqual({ name: 'cart', namespace: 'shop' });
  });

  it('reads owner/repo as a repository name unless it is used as an image', () => {
    expect(parse('list open issues in acme/portal').entities).toEqual({ name: 'acme/portal' });
    expect(parse('docker pull acme/portal').entities).toEqual({ image: 'acme/portal' });
  });

  it('does not take common words for names', () => {
    expect(parse('restart the backend').entities.name).toBeUndefined();
    expect(parse('show free disk space').entities).toEqual({});
  });

  it('corrects typos of tool and service names', () => {
    const r = parse('instal grafanna with helm on kuberntes');
    expect(r.entities.services).toEqual(['grafana']);
    expect(r).toMatchObject({ intent: 'deploy', domains: ['helm'] });
  });
});

describe('clarification', () => {
  it('asks which service when scale has no target', () => {
    expect(parse('scale it')).toMatchObject({ intent: 'clarify', domains: [], question: 'Which service should I scale, and to how many replicas?' });
  });

  it.each(['make it better', 'sort this out', 'do the same as last time', 'roll it out', 'update everything'])('asks instead of guessing for "%s"', (text) => {
    const r = parse(text);
    expect(r.intent).toBe('clarify');
    expect(r.domains).toEqual([]);
    expect(r.question).toMatch(/\?$/);
  });

  it('answers empty or meaningless text with a question', () => {
    for (const text of ['', '   ', '?!', '🙂']) expect(parse(text)).toMatchObject({ intent: 'clarify', domains: [] });
  });

  it('reads words that are also JavaScript property names as plain words', () => {
    expect(parse('scale constructor to 3 replicas in prod')).toMatchObject({ intent: 'scale', entities: { name: 'constructor', replicas: 3 } });
    expect(parse('toString __proto__ hasOwnProperty').intent).toBe('clarify');
  });

  it('does not ask when a tool scopes "everything"', () => {
    expect(parse('terraform fmt everything')).toMatchObject({ intent: 'update', domains: ['terraform'] });
  });
});

describe('details for the planner', () => {
  it('reads a docker run with its settings', () => {
    const r = parse('run nginx:1.25 on 8080:80 with FOO=bar and restart always, read-only, as user 1000, with 0.5 cpus, volume data:/data, on network backend');
    expect(r).toMatchObject({ intent: 'create', domains: ['docker'], entities: { image: 'nginx:1.25', port: 8080 } });
    expect(r.details).toMatchObject({ containerPort: 80, env: { FOO: 'bar' }, restart: 'always', readOnly: true, user: '1000', cpus: 0.5, volumes: ['data:/data'], network: 'backend' });
  });

  it('reads a memory limit in bytes', () => {
    const r = parse('start a memcached container called sessions with 512 MB of memory');
    expect(r).toMatchObject({ intent: 'create', domains: ['docker'], entities: { services: ['memcached'], name: 'sessions' } });
    expect(r.details.memoryBytes).toBe(512 * 1024 * 1024);
  });

  it('names the object acted on', () => {
    expect(parse('create a network called backend')).toMatchObject({ intent: 'create', entities: { name: 'backend' }, details: { object: 'network' } });
    expect(parse('remove the backend network')).toMatchObject({ intent: 'destroy', entities: { name: 'backend' }, details: { object: 'network' } });
    expect(parse('list running containers')).toMatchObject({ intent: 'monitor', domains: ['docker'], details: { object: 'container' } });
  });

  it('reads logs requests with follow, lines and all', () => {
    expect(parse('follow the logs of web').details).toMatchObject({ object: 'logs', follow: true });
    expect(parse('show the last 50 lines of logs from web').details).toMatchObject({ object: 'logs', lines: 50 });
    expect(parse('list all containers').details.all).toBe(true);
  });

  it('reads a build context and tag', () => {
    expect(parse('build an image from ./app tagged api:dev')).toMatchObject({ intent: 'create', entities: { image: 'api:dev' }, details: { path: './app' } });
  });

  it('keeps quoted shell text as the command to judge', () => {
    expect(parse('run: find /var/log -name "*.gz" -mtime +30')).toMatchObject({ intent: 'execute', domains: ['shell'], details: { command: 'find /var/log -name "*.gz" -mtime +30' } });
    expect(parse('please run `du -sh /srv/* | sort -h`').details.command).toBe('du -sh /srv/* | sort -h');
    expect(parse('run "touch notes.txt"').details.command).toBe('touch notes.txt');
    expect(parse("execute 'make deploy'").details.command).toBe('make deploy');
    // Quotes inside a sentence are not a command unless they read as one.
    expect(parse('run nginx named "web"').details.command).toBeUndefined();
  });
});

describe('explanations', () => {
  it('says which cues decided', () => {
    const { reasons } = explain('uninstall the grafana chart');
    expect(reasons.join(' ')).toMatch(/uninstall/);
    expect(reasons.join(' ')).toMatch(/helm/);
  });
});

describe('several named services in one request', () => {
  it('reads each service with its own name as its own task, with the verb said once', () => {
    const parts = understandAll('run postgres named db and redis named cache on the network backend');
    expect(parts.map((p) => [p.intent, p.entities.services, p.entities.name])).toEqual([
      ['create', ['postgres'], 'db'],
      ['create', ['redis'], 'cache'],
    ]);
    expect(parts[1]!.details.network).toBe('backend');
  });

  it('keeps services listed without names together as one stack', () => {
    expect(understandAll('set up postgres and redis for local dev')).toHaveLength(1);
  });
});

describe('names that are also service words', () => {
  it('keeps "db" as the name in "run postgres named db", as it keeps "mydb"', () => {
    for (const name of ['db', 'mydb', 'cache', 'postgres2']) {
      expect(understand(`run postgres named ${name}`).entities).toEqual({ services: ['postgres'], name });
      expect(understand(`run postgres called ${name}`).entities).toEqual({ services: ['postgres'], name });
    }
  });
});

describe('the structure of the sentence decides the intent', () => {
  const intentOf = (text: string) => understand(text).intent;

  it('takes the intent from the sentence that asks, after a ticket\'s background', () => {
    expect(intentOf('The nightly export has been failing since Tuesday. Please restart the exporter container.')).toBe('update');
    expect(intentOf('Users are seeing stale pages. Can you roll back the web release in staging?')).toBe('rollback');
    expect(intentOf('Disk usage on the runner is at 90%. Remove the dangling images.')).toBe('destroy');
  });

  it('reads a request that only names a new thing as a create', () => {
    expect(intentOf('gke cluster in europe-west1 for analytics')).toBe('create');
    expect(intentOf('namespace payments-dev on the cluster asap')).toBe('create');
    expect(intentOf('s3 bucket for the audit logs pls')).toBe('create');
    expect(intentOf('the cluster')).toBe('clarify');
  });

  it('reads a report of what keeps happening as debug', () => {
    expect(intentOf('the worker pod restarts every 5 min in prod')).toBe('debug');
    expect(intentOf('rebase dies on a lock file conflict')).toBe('debug');
    expect(intentOf('the nightly job deletes too many rows')).toBe('debug');
    expect(intentOf('restart the worker pod in prod')).toBe('update');
  });

  it('does not take its intent from a quoted error message when the words around it say what is asked', () => {
    expect(intentOf('docker compose up fails with `port is already allocated`')).toBe('debug');
    expect(intentOf('can you run `npm test` in the api container')).toBe('execute');
    expect(intentOf('`helm rollback api 4 -n shop`')).toBe('rollback');
  });
});

describe('values written as settings, lists and times', () => {
  it('reads counts written as flags and config keys as scaling', () => {
    expect(understand('docker compose up -d --scale consumer=3')).toMatchObject({ intent: 'scale', entities: { name: 'consumer', replicas: 3 } });
    expect(understand('maxReplicas: 12 for checkout in prod')).toMatchObject({ intent: 'scale', entities: { replicas: 12, environments: ['prod'] } });
    expect(understand('replicas: 6 for checkout in stg').entities.replicas).toBe(6);
  });

  it('reads environment lists written with slashes', () => {
    expect(understand('deploy notifier 1.3.0 to qa/stage/prod in that order').entities.environments).toEqual(['test', 'staging', 'prod']);
    expect(understand('push acme/web to the registry').entities.environments).toBeUndefined();
  });

  it('does not take a time of day for a port', () => {
    expect(understand('restart the api at 16:45').entities.port).toBeUndefined();
    expect(understand('run nginx on 8080:80').entities.port).toBe(8080);
    expect(understand('run sshd with -p 22:22').entities.port).toBe(22);
  });

  it('reads bringing data back as a restore', () => {
    expect(understand("bring the grafana dashboards back from yesterday's export").intent).toBe('restore');
    expect(understand('reload the customers table from the s3 backup').intent).toBe('restore');
  });
});

describe('what a request sets aside', () => {
  it('leaves negated and excluded things out of the entities, the tools and the intent', () => {
    expect(understand("don't touch prod, just staging: scale api to 4").entities.environments).toEqual(['staging']);
    expect(understand('instead of a compose file, give me plain docker run commands for nginx and php').domains).toEqual(['docker']);
    expect(understand("i don't want terraform for this, write the s3 bucket as a CloudFormation template").domains).toEqual(['cloudformation']);
    expect(understand("don't open a PR, just commit the changes and push to fix/timeouts").domains).toEqual(['git']);
    expect(understand('restart everything except kibana and logstash').entities.services).toBeUndefined();
  });

  it('keeps a negation that reports a symptom', () => {
    expect(understand('the pod does not start').intent).toBe('debug');
    expect(understand("why can't the api reach redis in compose")).toMatchObject({ intent: 'debug', entities: { services: ['redis'] } });
  });
});

describe('polite and indirect requests', () => {
  it('takes the verb after "would it be possible to", "I would like to" as the request', () => {
    expect(understand('Excuse me, would it be possible to uninstall the sentry chart from the tools namespace? We moved to a hosted plan.').intent).toBe('destroy');
    expect(understand('Hello, would it be possible to convert our docker-compose.yml into Kubernetes manifests?').intent).toBe('create');
  });

  it('reads asking someone to take a look as debug', () => {
    expect(understand('The nightly build on GitLab has been red for three days. Can someone take a look?').intent).toBe('debug');
    expect(understand('something is wrong with the payments-db container, have a look').intent).toBe('debug');
  });
});

describe('capacity changes said as updates', () => {
  it('reads raising memory, CPU or replicas as a scale, and a version bump as an update', () => {
    expect(understand('bump the memory on the search-indexer pods in the qa namespace to 2Gi').intent).toBe('scale');
    expect(understand('Raise its memory limit to 4 GB in the compose file').intent).toBe('scale');
    expect(understand('bump api to 2.4 in stg').intent).toBe('update');
    expect(understand('import the existing RDS instance into tf').intent).toBe('update');
  });
});

describe('command lines typed as requests', () => {
  it('reads what the command does from its subcommand words', () => {
    expect(understand('git tag -d v3.0.0-beta && git push origin :refs/tags/v3.0.0-beta').intent).toBe('destroy');
    expect(understand('aws cloudformation describe-stack-events --stack-name payments-api | head -20').intent).toBe('monitor');
    expect(understand('az group delete -n rg-old').intent).toBe('destroy');
    expect(understand('docker run -d -p 8080:80 nginx').intent).toBe('create');
  });

  it('lets a question how to fix outweigh the command pasted with it', () => {
    expect(understand('git push origin feature/x gives me rejected non-fast-forward, how do i fix').intent).toBe('debug');
  });
});

describe('tickets whose first word is also a program', () => {
  it('reads "Last week\'s …" as prose, and the sentence that asks as the request', () => {
    expect(understand("Last week's migration corrupted some rows. We have a mongodump from Sunday. Please restore it to the mongo container.").intent).toBe('restore');
    expect(understand('We dropped the sessions table on staging. There is a dump from 02:00. Please load it back into the postgres pod.').intent).toBe('restore');
    expect(understand('last -n 20').intent).toBe('monitor');
  });

  it('reads a cron job on a machine as shell work', () => {
    expect(understand('cron on this box to clear /tmp every night at 3')).toMatchObject({ intent: 'create', domains: ['shell'] });
  });
});

describe('file tasks and removals said in other words', () => {
  it('reads counting lines, setting permissions and bundling files as execute', () => {
    expect(understand('how many lines in src/ total').intent).toBe('execute');
    expect(understand('Set permissions to 640 on everything in /srv/uploads').intent).toBe('execute');
    expect(understand('Please bundle those logs up as a single gzip').intent).toBe('execute');
  });

  it('reads "can go" as a removal', () => {
    expect(understand('The hack-2024 repository on GitHub can go.')).toMatchObject({ intent: 'destroy', domains: ['github'] });
  });
});
