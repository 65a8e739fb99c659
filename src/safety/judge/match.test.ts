import { describe, expect, it } from 'vitest';
import { conditionHolds, parseArgs, selectArgs, subMatch, type MatchContext } from './match.js';

const context: MatchContext = { prodSelected: false, recorded: () => false };

describe('parseArgs', () => {
  it('splits bundled short options when the tool allows it', () => {
    const args = parseArgs(['-rf', 'build'], { bundles: true });
    expect(args.flags.has('-r')).toBe(true);
    expect(args.flags.has('-f')).toBe(true);
    expect(args.positionals).toEqual(['build']);
  });

  it('takes the value of an option from the next word or after =', () => {
    const args = parseArgs(['-n', 'dev', 'delete', '--output=yaml', 'pod'], { valueFlags: ['-n'] });
    expect(args.flags.get('-n')).toEqual(['dev']);
    expect(args.flags.get('--output')).toEqual(['yaml']);
    expect(args.positionals).toEqual(['delete', 'pod']);
  });

  it('reads a value attached to a bundled option, like curl -fsSLo file', () => {
    const args = parseArgs(['-fsSLo', 'kubectl', 'https://x'], { bundles: true, valueFlags: ['-o'] });
    expect(args.flags.get('-o')).toEqual(['kubectl']);
    expect(args.positionals).toEqual(['https://x']);
  });

  it('reads tar options written without a dash', () => {
    const args = parseArgs(['czf', '-', 'dir'], { bundles: true, dashlessFirst: true, valueFlags: ['-f'] });
    expect(args.flags.get('-f')).toEqual(['-']);
    expect(args.flags.has('-c')).toBe(true);
  });

  it('treats everything after -- as positional', () => {
    expect(parseArgs(['--', '-rf'], {}).positionals).toEqual(['-rf']);
  });
});

describe('conditions', () => {
  const args = (words: string[]) => parseArgs(words, { valueFlags: ['-n'] });

  it('matches subcommands with alternatives, prefixes and sequences', () => {
    expect(subMatch('delete|del', ['del', 'pod'])).toBe(1);
    expect(subMatch('* describe-*', ['ec2', 'describe-instances'])).toBe(2);
    expect(subMatch(['stop', 'container stop'], ['container', 'stop'])).toBe(2);
    expect(subMatch('delete', ['get'])).toBe(-1);
  });

  it('sees a production target in any word', () => {
    expect(conditionHolds({ sub: 'delete', prod: true }, args(['delete', 'ns', 'production']), context)).toBe(true);
    expect(conditionHolds({ sub: 'delete', prod: true }, args(['delete', 'pod', 'x', '-n', 'staging']), context)).toBe(false);
    expect(conditionHolds({ prod: true }, args(['destroy']), { ...context, prodSelected: true })).toBe(true);
  });

  it('tests option values and positional arguments', () => {
    const parsed = args(['get', 'secret', 'db', '-n', 'dev']);
    expect(conditionHolds({ sub: 'get', arg: /^secret$/, flagValue: { '-n': /^dev$/ } }, parsed, context)).toBe(true);
    expect(conditionHolds({ sub: 'get', noArgs: true }, parsed, context)).toBe(false);
  });
});

describe('selectArgs', () => {
  it('selects the destination, the sources or an option value', () => {
    const parsed = parseArgs(['a', 'b', 'dest', 'of=/dev/sda'], {});
    expect(selectArgs('last', parsed, 0)).toEqual(['of=/dev/sda']);
    expect(selectArgs('all-but-last', parsed, 0)).toEqual(['a', 'b', 'dest']);
    expect(selectArgs({ flag: 'of=' }, parsed, 0)).toEqual(['/dev/sda']);
  });
});
