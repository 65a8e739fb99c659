import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretScanner, isSecretKey } from './scanner.js';
import { SECRET_RULES } from './rules.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const BASE64 = `${ALNUM}+/`;
const URL_SAFE = `${ALNUM}-_.~!*`;

function random(length: number, alphabet = ALNUM): string {
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[randomInt(alphabet.length)];
  return text;
}
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const pemBody = () => Array.from({ length: 4 }, () => random(64, BASE64)).join('\n');

/**
 * Each entry: the secret, and the realistic text it appears in. Generated afresh on every run so
 * the rules cannot be tuned to fixed strings.
 */
function plantedInText(): { secret: string; text: string }[] {
  const s = (secret: string, text: (secret: string) => string) => ({ secret, text: text(secret) });
  return [
    s(`AKIA${random(16, UPPER_ALNUM)}`, (v) => `aws_access_key_id = ${v}`),
    s(`ASIA${random(16, UPPER_ALNUM)}`, (v) => `export AWS_ACCESS_KEY_ID=${v}`),
    s(random(40, BASE64), (v) => `aws_secret_access_key = ${v}`),
    s(random(40, BASE64), (v) => `{"AccessKeyId": "x", "SecretAccessKey": "${v}"}`),
    s(`ghp_${random(36)}`, (v) => `git clone https://${v}@github.com/acme/app.git`),
    s(`gho_${random(36)}`, (v) => `token: ${v}`),
    s(`ghu_${random(36)}`, (v) => `using ${v} for the API`),
    s(`ghs_${random(36)}`, (v) => `GH_INSTALLATION=${v}`),
    s(`ghr_${random(36)}`, (v) => `refresh with ${v}`),
    s(`github_pat_${random(22)}_${random(59)}`, (v) => `gh auth login --with-token <<< ${v}`),
    s(`glpat-${random(20, `${ALNUM}_-`)}`, (v) => `git remote add origin https://oauth2:${v}@gitlab.example.com/a/b.git`),
    s(`glpat-${random(20)}`, (v) => `CI_JOB ran with ${v}`),
    s(`xoxb-${random(12, '0123456789')}-${random(13, '0123456789')}-${random(24)}`, (v) => `SLACK_BOT=${v} node bot.js`),
    s(`xoxp-${random(12, '0123456789')}-${random(24)}`, (v) => `slack token ${v}`),
    s(`T${random(8, UPPER_ALNUM)}/B${random(8, UPPER_ALNUM)}/${random(24)}`, (v) => `curl -X POST https://hooks.slack.com/services/${v} -d @msg.json`),
    s(pemBody(), (v) => `-----BEGIN RSA PRIVATE KEY-----\n${v}\n-----END RSA PRIVATE KEY-----`),
    s(pemBody(), (v) => `key:\n-----BEGIN OPENSSH PRIVATE KEY-----\n${v}\n-----END OPENSSH PRIVATE KEY-----\ndone`),
    s(pemBody(), (v) => `-----BEGIN EC PRIVATE KEY-----\n${v}\n(output truncated)`),
    s(`${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ sub: random(8), iat: randomInt(1e9) })}.${random(43, `${ALNUM}-_`)}`, (v) => `cookie session=${v}; Path=/`),
    s(random(16, URL_SAFE), (v) => `DATABASE_URL=postgres://app:${v}@db:5432/app`),
    s(random(14, URL_SAFE), (v) => `redis://:${v}@cache:6379/0`),
    s(random(18, URL_SAFE), (v) => `mongodb+srv://admin:${v}@cluster0.example.net/test?retryWrites=true`),
    s(random(12, URL_SAFE), (v) => `pushing to https://deploy:${v}@git.example.com/app.git`),
    s(random(16), (v) => `docker run -d -e POSTGRES_PASSWORD=${v} postgres:16`),
    s(random(20), (v) => `MYSQL_ROOT_PASSWORD="${v}"`),
    s(random(32), (v) => `APP_SECRET=${v}`),
    s(random(24), (v) => `SENDGRID_KEY: ${v}`),
    s(random(10), (v) => `PASSWORD=${v} ./migrate.sh`),
    s(random(40), (v) => `export CI_DEPLOY_TOKEN=${v}`),
    s(random(14), (v) => `psql --password=${v} -h db`),
    s(random(14), (v) => `vault login --token ${v}`),
    s(random(12), (v) => `mysql -u root -p${v} app < dump.sql`),
    s(random(12), (v) => `redis-cli -h cache -a ${v} PING`),
    s(random(30, `${ALNUM}._-`), (v) => `curl -H "Authorization: Bearer ${v}" https://api.example.com`),
    s(Buffer.from(`admin:${random(12)}`).toString('base64'), (v) => `Authorization: Basic ${v}`),
    s(random(32, `${ALNUM}-_`), (v) => `sent with bearer ${v} to the API`),
    s(`sk-${random(48)}`, (v) => `OPENAI=${v}`),
    s(`sk-proj-${random(40, `${ALNUM}-_`)}`, (v) => `using key ${v}`),
    s(`sk-ant-api03-${random(60, `${ALNUM}-_`)}`, (v) => `anthropic ${v}`),
    s(`sk_live_${random(24)}`, (v) => `stripe charge --api ${v}`),
    s(`rk_test_${random(24)}`, (v) => `restricted ${v}`),
    s(`npm_${random(36)}`, (v) => `//registry.npmjs.org/:_authToken=${v}`),
    s(random(20), (v) => `db_password: ${v}`),
    s(random(20), (v) => `{"clientSecret": "${v}"}`),
    s(random(24), (v) => `connection: Server=db;User Id=sa;Password=${v};Encrypt=true`),
    s(random(32, '0123456789abcdef'), (v) => `encryption_key: ${v}`),
    s(random(40, BASE64), (v) => `webhook signature=${v}`),
    s(random(22), (v) => `kubectl create secret generic db --from-literal=password=${v}`),
  ];
}

/** Values users are shown and that look a little like secrets; none may be touched. */
const sha = () => randomBytes(20).toString('hex');
const hex64 = () => randomBytes(32).toString('hex');
function ordinaryValues(): string[] {
  return [
    sha(),
    sha().slice(0, 7),
    randomUUID(),
    `request id ${randomUUID()}`,
    `sha256:${hex64()}`,
    `nginx@sha256:${hex64()}`,
    `docker.io/library/postgres:16@sha256:${hex64()}`,
    hex64(),
    hex64().slice(0, 12),
    `docker rm -f ${hex64().slice(0, 12)}`,
    'dGhpcyBpcyBqdXN0IGJhc2U2NA==',
    'the word aGVsbG8gd29ybGQ appears in a sentence',
    'docker run -d -p 8080:80 --name web nginx:1.27',
    'kubectl get pods -n kube-system -o wide',
    'postgres://db:5432/app',
    'https://github.com/acme/app.git',
    'git@github.com:acme/app.git',
    'POSTGRES_PASSWORD_FILE=/run/secrets/db_password',
    'echo "$REGISTRY_TOKEN_PATH" | docker login --password-stdin registry.example.com',
    'mysql -u root -P 3306 -p app',
    'Bearer tokens with roles; Basic authentication is off',
    'PWD=/home/deploy OLDPWD=/',
    'max_tokens: 1024',
    'secretName: db-credentials',
    'primary_key: id',
    'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGsmJq3dYbRr2iO0mJm0hZq5a8r3hOeQ6d7ZkQxF1nQZ deploy@ci',
    '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ\n-----END CERTIFICATE-----',
    'r-lz3k9q-4f2a1c finished at 2026-01-05T10:22:33.123Z',
    'scikit-learn task-runner ask-me desk-top',
    'terraform plan -out=tfplan -var environment=prod',
  ];
}

describe('secret scanner', () => {
  const scanner = createSecretScanner();

  it('redacts 50 freshly generated secrets of every kind, in text and in structures', () => {
    const planted = plantedInText();
    const configured = `correct-horse-${random(12)}`;
    const structured = [
      { secret: random(18), value: (v: string) => ({ env: { POSTGRES_PASSWORD: v, PORT: '5432' } }) },
      { secret: random(32), value: (v: string) => ({ provider: { apiKey: v, region: 'eu-west-1' } }) },
      { secret: random(12), value: (v: string) => ({ spec: { env: [{ name: 'DB_PASSWORD', value: v }, { name: 'DB_HOST', value: 'db' }] } }) },
      { secret: random(20), value: (v: string) => ({ headers: { 'X-Api-Key': v, Accept: 'application/json' } }) },
      { secret: `ghp_${random(36)}`, value: (v: string) => ({ args: ['clone', `https://${v}@github.com/a/b`], nested: [[{ note: v }]] }) },
      { secret: random(16), value: (v: string) => ({ auth: { username: 'ci', password: v } }) },
      { secret: configured, value: (v: string) => ({ message: `the passphrase is ${v} today` }) },
    ];
    const all = [...planted.map((p) => p.secret), ...structured.map((s) => s.secret)];
    expect(new Set(all).size).toBeGreaterThanOrEqual(50);

    const withConfig = createSecretScanner({ extraSecrets: [configured] });
    for (const { secret, text } of planted) {
      const redacted = withConfig.redactText(text);
      expect(redacted, text).not.toContain(secret);
      expect(redacted).toContain('[REDACTED:');
    }
    const everything = planted.map((p) => p.text).join('\n');
    const redactedAll = withConfig.redactText(everything);
    for (const { secret } of planted) expect(redactedAll).not.toContain(secret);

    const value = structured.map((s) => s.value(s.secret));
    const redactedValue = JSON.stringify(withConfig.redactValue({ steps: value, text: everything }));
    for (const secret of all) expect(redactedValue).not.toContain(secret);
  });

  it('leaves 30 ordinary values untouched: SHAs, UUIDs, digests, container ids, commands', () => {
    const values = ordinaryValues();
    expect(values).toHaveLength(30);
    for (const value of values) {
      expect(scanner.findSecrets(value), value).toEqual([]);
      expect(scanner.redactText(value)).toBe(value);
    }
    const structure = { image: values[5], container: { id: values[7], labels: { 'dev.reign.run': 'r-1' } }, env: { PORT: '80' }, notes: values };
    expect(scanner.redactValue(structure)).toEqual(structure);
  });

  it('names the rule and keeps the readable part', () => {
    expect(scanner.redactText('postgres://app:hunter2hunter2@db/app')).toBe('postgres://app:[REDACTED:url-password]@db/app');
    expect(scanner.redactText('-e POSTGRES_PASSWORD=abc123 -e PORT=1')).toBe('-e POSTGRES_PASSWORD=[REDACTED:env-secret] -e PORT=1');
    expect(scanner.redactText('{"password": "two words"}')).toBe('{"password": "[REDACTED:secret-assignment]"}');
    expect(scanner.redactText(`deploy with ghp_${'a1'.repeat(18)} now`)).toBe('deploy with [REDACTED:github-token] now');
  });

  it('has an example for every rule in the table that the rule itself reports', () => {
    const examples: Record<string, string> = {
      'private-key': `-----BEGIN PRIVATE KEY-----\n${random(64, BASE64)}\n-----END PRIVATE KEY-----`,
      jwt: `${base64url({ alg: 'none' })}.${base64url({ sub: 'me' })}.`,
      'aws-access-key-id': `AKIA${random(16, UPPER_ALNUM)}`,
      'aws-secret-access-key': `secret_access_key: ${random(40, BASE64)}`,
      'github-token': `ghs_${random(36)}`,
      'github-fine-grained-token': `github_pat_${random(22)}_${random(59)}`,
      'gitlab-token': `glpat-${random(20)}`,
      'slack-webhook': `https://hooks.slack.com/services/T000/B000/${random(24)}`,
      'slack-token': `xoxa-2-${random(20)}`,
      'anthropic-api-key': `sk-ant-${random(30)}`,
      'openai-api-key': `sk-${random(30)}`,
      'stripe-api-key': `sk_test_${random(24)}`,
      'npm-token': `npm_${random(36)}`,
      'url-password': `amqp://guest:${random(10)}@rabbit:5672`,
      'authorization-header': `proxy-authorization: Digest ${random(20)}`,
      'bearer-token': `Bearer ${random(20)}`,
      'mysql-password-flag': `mysqldump -uroot -p'${random(10)}' app`,
      'mysql-spaced-password': `mysql -u root -p ${random(10)}9x`,
      'plain-word-secret': `with password ${random(10)}7q`,
      'redis-password-flag': `redis-cli -a "${random(10)}" info`,
      'password-flag': `openssl enc -pass ${random(10)}`,
      'env-secret': `HCLOUD_TOKEN=${random(20)}`,
      'secret-assignment': `access_token=${random(20)}&state=1`,
      'high-entropy-assignment': `session: ${random(24)}1a`,
    };
    expect(Object.keys(examples).sort()).toEqual(SECRET_RULES.map((r) => r.id).sort());
    for (const [rule, text] of Object.entries(examples)) {
      expect(scanner.findSecrets(text).map((m) => m.rule), text).toEqual([rule]);
    }
  });

  it('reports positions in order without overlaps', () => {
    const token = `ghp_${random(36)}`;
    const text = `a=1 GITHUB_TOKEN=${token} b postgres://u:pw@h`;
    const found = scanner.findSecrets(text);
    expect(found.map((f) => f.rule)).toEqual(['github-token', 'url-password']);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe(token);
    expect(text.slice(found[1]!.start, found[1]!.end)).toBe('pw');
  });

  it('redacts literal values the configuration marks secret, however they appear', () => {
    const configured = createSecretScanner({ extraSecrets: ['tiger-lily-42', 'abc'] });
    expect(configured.redactText('x tiger-lily-42y and tiger-lily-42')).toBe('x [REDACTED:configured-secret]y and [REDACTED:configured-secret]');
    // Too short to be told from ordinary text.
    expect(configured.redactText('abc')).toBe('abc');
  });

  it('judges object keys by their last word', () => {
    for (const key of ['password', 'POSTGRES_PASSWORD', 'apiKey', 'client_secret', 'X-Api-Key', 'GITHUB_TOKEN', 'DEPLOY_KEY', 'sshKey', 'authorization']) {
      expect(isSecretKey(key), key).toBe(true);
    }
    for (const key of ['secretName', 'passwordFile', 'tokens', 'sort_key', 'primaryKey', 'key', 'name', 'monkey', 'PWD']) {
      expect(isSecretKey(key), key).toBe(false);
    }
  });

  it('keeps the shape of values: numbers, booleans, nulls, dates, and cycles', () => {
    const cyclic: Record<string, unknown> = { n: 1, ok: true, none: null, at: new Date(0) };
    cyclic.self = cyclic;
    expect(scanner.redactValue(cyclic)).toEqual({ n: 1, ok: true, none: null, at: '1970-01-01T00:00:00.000Z', self: '[circular]' });
    expect(scanner.redactValue({ pin: 1234, password: '' })).toEqual({ pin: 1234, password: '' });
    expect(scanner.redactValue({ PASSWORD: 1234 })).toEqual({ PASSWORD: '[REDACTED:secret-field]' });
  });

  it('scans long adversarial text in one pass', () => {
    const long = 200_000;
    const inputs = [
      'a_'.repeat(long / 2),
      `${'A_'.repeat(long / 2)}=`,
      `-----BEGIN RSA PRIVATE KEY-----${' x'.repeat(long / 2)}`,
      `mysql ${'x'.repeat(long)}`,
      `postgres://${'u'.repeat(long)}`,
      `https://u:${'p'.repeat(long)}`,
      `${'password'.repeat(long / 8)}`,
      `${'sk-'.repeat(long / 3)}`,
      `${'eyJ'.repeat(long / 3)}.eyJ`,
    ];
    for (const text of inputs) expect(typeof scanner.redactText(text)).toBe('string');
    expect(scanner.redactText(inputs[2]!)).toBe('[REDACTED:private-key]');
  });
});
