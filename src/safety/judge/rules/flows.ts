import type { Verdict } from './types.js';

/**
 * What passes between commands: text piped into a shell, secrets piped to the network, lists of
 * everything piped into a delete. Each verdict here is about how commands are combined.
 */
export const FLOW_VERDICTS = {
  downloadToShell: { level: 'dangerous', reason: 'runs code downloaded from the network without checking it' },
  decodedToShell: { level: 'dangerous', reason: 'runs text that is decoded or rearranged at run time, so what runs cannot be checked' },
  unknownToShell: { level: 'admin', reason: 'runs commands read from a file or another command\'s output' },
  expandedToShell: { level: 'admin', reason: 'runs a here-document with variables expanded at run time' },
  runsDownload: { level: 'dangerous', reason: 'runs a file downloaded earlier in the same command' },
  exfiltrateInput: { level: 'dangerous', reason: 'sends secret material or the environment to another host' },
  exfiltrateArgs: { level: 'dangerous', reason: 'puts secret material into a request to another host' },
  everything: { level: 'dangerous', reason: 'acts on every object of a kind at once, listed by another command' },
  reverseShell: { level: 'dangerous', reason: 'connects a shell to the network (a reverse shell)' },
  readsSecret: { level: 'admin', reason: 'reads secret material from a file' },
  printsSecretVariable: { level: 'admin', reason: 'prints a variable that holds a secret' },
  forkBomb: { level: 'dangerous', reason: 'a function that starts copies of itself without end (a fork bomb)' },
  dynamicCommand: { level: 'dangerous', reason: 'the command name comes from a variable or substitution, so what runs cannot be checked' },
  dynamicCode: { level: 'dangerous', reason: 'runs code built at run time from variables or substitutions, which cannot be checked' },
  evalToolSetup: { level: 'write', reason: 'applies the shell setup printed by a known tool' },
  pathBinary: { level: 'admin', reason: 'runs a program by a path outside the system directories, which is not a known tool' },
  function: { level: 'read', reason: 'calls a function defined in the same text; its body is judged on its own' },
  interactiveRemote: { level: 'admin', reason: 'opens an interactive shell on another host or inside a container' },
  tunnel: { level: 'write', reason: 'opens a tunnel to another host' },
  syntax: { level: 'dangerous', reason: 'the text could not be parsed completely, so what it runs cannot be checked' },
  tooLong: { level: 'dangerous', reason: 'the text is too long or too deeply nested to check' },
  empty: { level: 'read', reason: 'an empty command does nothing' },
  noProgram: { level: 'read', reason: 'runs no program: only tests, assignments or shell settings' },
  internal: { level: 'dangerous', reason: 'the judge could not finish checking this text' },
} satisfies Record<string, Verdict>;

/**
 * Second words that make a known tool print its own shell setup, which `eval "$(…)"` and
 * `source <(…)` then apply: `ssh-agent -s`, `kubectl completion bash`, `pyenv init -`.
 */
export const TOOL_SETUP_WORDS = new Set(['completion', 'completions', 'shellenv', 'init', 'env', 'docker-env', 'podman-env', 'hook', 'activate', 'shell-init', 'hook-env']);

/** Commands that pass every line through (projections), so a list of everything stays one. */
export const PASS_THROUGH = new Set(['cut', 'tr', 'sort', 'uniq', 'column', 'xargs', 'cat', 'tee', 'paste', 'rev', 'tac', 'jq', 'yq']);

/** awk and sed programs without a condition print every line. */
export const UNCONDITIONAL_PROGRAM = /^\s*(\{|s[^a-z])/;

/** Variable names that hold secrets: printing one shows it, sending one leaks it. */
export const SECRET_VARIABLE = /TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|API_?KEY|ACCESS_KEY|PRIVATE_KEY|CREDENTIAL|_AUTH$|^AUTH_|CLIENT_KEY|SIGNING_KEY/i;
