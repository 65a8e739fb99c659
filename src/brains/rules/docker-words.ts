/**
 * Words that say which Docker object and which verb a request is about, when the
 * understanding stage leaves them implicit. First match wins: specific words come first.
 */
export const OBJECT_WORDS: [string, string[]][] = [
  ['logs', ['logs', 'log', 'output']],
  ['stats', ['stats', 'usage', 'resources', 'consumption']],
  ['network', ['network', 'networks', 'net']],
  ['volume', ['volume', 'volumes']],
  ['image', ['image', 'images']],
  ['inspect', ['inspect', 'details', 'config', 'configuration']],
  ['container', ['container', 'containers']],
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
