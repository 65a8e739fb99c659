import { beforeAll, describe, expect, it } from 'vitest';
import type { Parser } from 'web-tree-sitter';
import { DYNAMIC } from './script.js';
import { decodeAnsiC, loadShellParser, parseScript } from './syntax.js';

let parser: Parser;
beforeAll(async () => {
  parser = await loadShellParser();
});

const names = (text: string) => parseScript(parser, text).sites.map((s) => s.words[0]?.value);

describe('parseScript', () => {
  it('finds every simple command, substitutions before the command that uses them', () => {
    expect(names('a | b && (c; d) || echo $(e)')).toEqual(['a', 'b', 'c', 'd', 'e', 'echo']);
  });

  it('resolves quotes and escapes the way bash does', () => {
    const [site] = parseScript(parser, `\\rm r''m "a b" 'c'`).sites;
    expect(site!.words.map((w) => w.value)).toEqual(['rm', 'rm', 'a b', 'c']);
  });

  it('marks variables and substitutions as unknown, but knows $HOME', () => {
    const [site] = parseScript(parser, 'ls "$HOME"/x $DIR/y').sites;
    expect(site!.words[1]!.value).toBe('~/x');
    expect(site!.words[2]!.value).toBe(`${DYNAMIC}/y`);
  });

  it('links each pipeline stage to the stage before it', () => {
    const [first, second, third] = parseScript(parser, 'a | b | c').sites;
    expect(second!.stdinFrom).toEqual([first]);
    expect(third!.stdinFrom).toEqual([second]);
  });

  it('keeps here-documents and here-strings as standard input', () => {
    const [site] = parseScript(parser, "sh <<'EOF'\nls\nEOF").sites;
    expect(site!.stdinText).toEqual({ text: 'ls\n', literal: true });
    expect(parseScript(parser, 'sh <<< "$X"').sites[0]!.stdinText?.literal).toBe(false);
  });

  it('records the commands a loop variable comes from', () => {
    const sites = parseScript(parser, 'for c in $(docker ps -q); do docker stop $c; done').sites;
    const stop = sites.find((s) => s.words[1]?.value === 'stop')!;
    expect(stop.words[2]!.sources[0]!.words[0]!.value).toBe('docker');
  });

  it('reports text it cannot parse', () => {
    expect(parseScript(parser, 'echo "open').hasSyntaxError).toBe(true);
  });
});

describe('decodeAnsiC', () => {
  it('decodes hex, octal and named escapes', () => {
    expect(decodeAnsiC('\\x72\\x6d')).toBe('rm');
    expect(decodeAnsiC('\\162\\155')).toBe('rm');
    expect(decodeAnsiC('a\\tb')).toBe('a\tb');
  });
});
