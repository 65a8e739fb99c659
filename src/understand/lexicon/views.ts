/**
 * Words that say which view of a container a request asks for, when no object noun is named.
 * Object nouns (network, volume, image) come from the clause structure, which knows "on the
 * network backend" is a setting, not the thing acted on. First match wins.
 */
export const VIEW_WORDS: [string, string[]][] = [
  ['logs', ['output']],
  ['stats', ['stats', 'usage', 'resources', 'consumption']],
  ['inspect', ['inspect', 'details', 'config', 'configuration']],
];

/** Verbs within `update` that map to different container actions. */
export const UPDATE_VERBS: [string, string[]][] = [
  ['stop', ['stop', 'halt', 'shut', 'shutdown', 'pause']],
  ['start', ['start', 'resume', 'boot', 'unpause']],
  ['restart', ['restart', 'reboot', 'bounce', 'reload', 'recycle']],
];

export function firstMatch(table: [string, string[]][], terms: readonly string[]): string | undefined {
  return table.find(([, cues]) => cues.some((c) => terms.includes(c)))?.[0];
}
