/**
 * Words that say which view of a container a request asks for, when the understanding stage
 * names no object. Object nouns (network, volume, image) come only from the understanding, which
 * knows "on the network backend" is a setting, not the thing acted on. First match wins.
 */
export const OBJECT_WORDS: [string, string[]][] = [
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

export function firstMatch(table: [string, string[]][], text: string): string | undefined {
  const words = new Set(text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean));
  return table.find(([, cues]) => cues.some((c) => words.has(c)))?.[0];
}
