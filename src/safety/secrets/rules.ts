/**
 * What a secret looks like, as a table a reviewer can read top to bottom.
 *
 * Order matters: when two rules match overlapping text, the earlier row wins, so specific formats
 * (a GitHub token, a private key) come before the generic "a key that names a secret, then a
 * value" rows and the reported rule id says what the secret is.
 *
 * The secret is the first named group that took part in the match, else the whole match: the
 * rest (a user name in a URL, the variable name in `DB_PASSWORD=…`) stays readable.
 *
 * Every pattern must run in linear time: no nested unbounded quantifiers that can split the same
 * text two ways, and generic assignment rows start only at the first character of a key
 * (the negative lookbehind), so a long run of word characters is scanned once.
 */
export interface SecretRule {
  id: string;
  description: string;
  pattern: RegExp;
  /** Keeps a candidate only when it looks like a secret (random enough), for generic keys. */
  accept?: (secret: string) => boolean;
}

/** A value: inside its quotes, or up to whitespace or a character in `stop`. */
const value = (stop: string) => String.raw`(?:'(?<single>[^'\n]*)'|"(?<double>[^"\n]*)"|(?<bare>[^\s'"${stop}]+))`;
/** A value after `=` or `:` in an assignment, a query string or a connection string. */
const VALUE = value(',;&');
/** A value on a shell command line. */
const ARGUMENT = value('|;&');

export const SECRET_RULES: readonly SecretRule[] = [
  {
    id: 'private-key',
    description: 'A PEM or OpenSSH private key block (an unterminated block is redacted to the end of the text)',
    pattern: /-----BEGIN[A-Z0-9 ]{0,40} PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END[A-Z0-9 ]{0,40} PRIVATE KEY(?: BLOCK)?-----|$)/,
  },
  {
    id: 'jwt',
    description: 'A JSON Web Token: base64url header and payload that both start with {"',
    pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/,
  },
  {
    id: 'aws-access-key-id',
    description: 'An AWS access key id (long-term AKIA…, temporary ASIA…)',
    pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/,
  },
  {
    id: 'aws-secret-access-key',
    description: 'An AWS secret access key assigned to aws_secret_access_key / secretAccessKey',
    pattern: /\b(?:aws_?)?secret_?access_?key["']?[ \t]*[:=][ \t]*["']?(?<secret>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/i,
  },
  {
    id: 'github-token',
    description: 'A GitHub personal, OAuth, user-to-server, server-to-server or refresh token',
    pattern: /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/,
  },
  {
    id: 'github-fine-grained-token',
    description: 'A GitHub fine-grained personal access token',
    pattern: /\bgithub_pat_[A-Za-z0-9_]{22,255}/,
  },
  {
    id: 'gitlab-token',
    description: 'A GitLab personal access token',
    pattern: /\bglpat-[A-Za-z0-9_-]{20,}/,
  },
  {
    id: 'slack-webhook',
    description: 'The secret path of a Slack incoming webhook URL',
    pattern: /\bhttps:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/(?<secret>[A-Za-z0-9_/-]{16,})/,
  },
  {
    id: 'slack-token',
    description: 'A Slack bot, user, app-level, refresh or legacy token',
    pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/,
  },
  {
    id: 'anthropic-api-key',
    description: 'An Anthropic API key',
    pattern: /\bsk-ant-[A-Za-z0-9_-]{20,}/,
  },
  {
    id: 'openai-api-key',
    description: 'An OpenAI-style API key (sk-…, sk-proj-…)',
    pattern: /\bsk-[A-Za-z0-9_-]{20,}/,
  },
  {
    id: 'stripe-api-key',
    description: 'A Stripe secret or restricted key',
    pattern: /\b[sr]k_(?:live|test)_[A-Za-z0-9]{16,}/,
  },
  {
    id: 'npm-token',
    description: 'An npm access token',
    pattern: /\bnpm_[A-Za-z0-9]{36}\b/,
  },
  {
    id: 'url-password',
    description: 'The password in a URL (scheme://user:password@host); the user name stays',
    pattern: /\b[A-Za-z][A-Za-z0-9+.-]{1,30}:\/\/[^\s:/?#@"'<>]*:(?<secret>[^\s/?#@"'<>]+)@/,
  },
  {
    id: 'authorization-header',
    description: 'The credentials of an Authorization header (Bearer, Basic, Token, …)',
    pattern: /\b(?:proxy-)?authorization["']?[ \t]*[:=][ \t]*["']?(?:(?:bearer|basic|token|digest|bot)[ \t]+)?(?<secret>[A-Za-z0-9._~+/=-]{6,})/i,
  },
  {
    id: 'bearer-token',
    description: 'A bearer token outside a header (curl -H "…", logs); 16 characters or more so prose survives',
    pattern: /\b[Bb]earer[ \t]+(?<secret>[A-Za-z0-9._~+/-]{16,}=*)/,
  },
  {
    id: 'mysql-password-flag',
    description: 'A password after -p (glued or not) on a mysql, mysqldump, mysqladmin or mariadb command line',
    pattern: new RegExp(String.raw`\b(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump)\b[^\n|;&]*?[ \t]-p` + ARGUMENT),
  },
  {
    id: 'mysql-spaced-password',
    // `mysql -p app` names the database `app` and prompts; only a word that looks like a password
    // (letters and digits mixed) after a spaced -p is taken as one.
    description: 'A password-like word after a spaced -p on a mysql or mariadb command line ("mysql -u root -p s3cretpw")',
    pattern: new RegExp(String.raw`\b(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump)\b[^\n|;&]*?[ \t]-p[ \t]+(?!-)` + ARGUMENT),
    accept: (secret) => looksLikeSecretWord(secret),
  },
  {
    id: 'redis-password-flag',
    description: 'A password given to redis-cli with -a',
    pattern: new RegExp(String.raw`\bredis-cli\b[^\n|;&]*?[ \t]-a[ \t]+` + ARGUMENT),
  },
  {
    id: 'password-flag',
    description: 'A command-line flag that takes a secret: --password=…, --token …, --client-secret …',
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9-])--?(?:password|passwd|pass|passphrase|token|secret|api-key|apikey|access-token|auth-token|client-secret|secret-key)(?:=|[ \t]+)` + ARGUMENT,
      'i',
    ),
  },
  {
    id: 'plain-word-secret',
    description: 'A value given in words after password, passphrase, token, secret or key ("with password hunter2secret"); only a value mixing letters and digits, so prose survives',
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9_-])(?:password|passwd|passphrase|token|secret|api[ _-]?key|key)(?:[ \t]+(?:is|of|was))?[ \t]+` + ARGUMENT,
      'i',
    ),
    accept: (secret) => looksLikeSecretWord(secret),
  },
  {
    id: 'env-secret',
    description: 'An environment-style assignment to a name ending in PASSWORD, PASS, TOKEN, SECRET, KEY, CREDENTIALS or AUTH',
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9_])(?:[A-Z0-9]+_)*(?:PASSWORD|PASSWD|PASS|TOKEN|SECRET|KEY|APIKEY|CREDENTIALS|AUTH)["']?[ \t]*[=:][ \t]*` + VALUE,
    ),
  },
  {
    id: 'secret-assignment',
    description: 'A value assigned to a key that names a secret: password=, dbPassword:, client_secret=, api-key: (any case)',
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9_.-])[A-Za-z0-9_.-]*?(?:password|passwd|passphrase|secret|token|api[_-]?key|access[_-]?key|secret[_-]?key|private[_-]?key|client[_-]?secret)["']?[ \t]*[=:][ \t]*` + VALUE,
      'i',
    ),
  },
  {
    id: 'high-entropy-assignment',
    description: 'A random-looking value of 16 characters or more assigned to a key such as *_key, auth, signature, salt, session, cookie',
    pattern: /(?<![A-Za-z0-9_.-])[A-Za-z0-9_.-]*?(?:key|auth|credentials?|signature|salt|cookie|session|hmac|seed|cert)["']?[ \t]*[=:][ \t]*["']?(?<secret>[A-Za-z0-9+/=_.~-]{16,})/i,
    accept: looksRandom,
  },
];

/**
 * Object keys whose values are secrets whatever they look like (`password`, `apiKey`,
 * `POSTGRES_PASSWORD`, `X-Api-Key`), judged by the key's last word.
 */
export const SECRET_KEY_WORDS: ReadonlySet<string> = new Set([
  'password', 'passwd', 'passphrase', 'pass', 'secret', 'token', 'auth', 'authorization', 'cookie',
  'credential', 'credentials', 'apikey', 'secretkey', 'privatekey', 'accesskey',
]);

/** A key whose last word is `key` names a secret after one of these (`apiKey`, `ssh_key`), not after `sort` or `primary`. */
export const SECRET_KEY_QUALIFIERS: ReadonlySet<string> = new Set([
  'api', 'secret', 'private', 'access', 'encryption', 'signing', 'master', 'client', 'ssh', 'deploy',
  'auth', 'license', 'account', 'service', 'session', 'hmac', 'crypto',
]);

/** Shannon entropy per character, in bits. */
function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Letters and digits mixed, with the spread of a random value rather than a word or a path. */
function looksRandom(value: string): boolean {
  return value.length >= 16 && /[0-9]/.test(value) && /[A-Za-z]/.test(value) && entropy(value) >= 3;
}

/** A word in prose that is a secret rather than a name: long enough, letters and digits mixed, not a path. */
function looksLikeSecretWord(word: string): boolean {
  return word.length >= 6 && /[0-9]/.test(word) && /[A-Za-z]/.test(word) && !/^[\w.-]+\/[\w./-]+$/.test(word);
}
