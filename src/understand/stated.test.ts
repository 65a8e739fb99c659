import { describe, expect, it } from 'vitest';
import { assignmentsIn, commandLineIn, placeIn, statedValues } from './stated.js';

const kinds = (text: string) => statedValues(text).map((s) => [s.kind, s.value]);

describe('values a request states', () => {
  it('keeps an environment value whole, quoted or not, and treats a secret-named variable as a secret', () => {
    expect(assignmentsIn('run nginx with env FOO="two words" BAR=web1;')).toEqual([['FOO', 'two words'], ['BAR', 'web1']]);
    expect(kinds('run api with DB_PASSWORD=hunter2x')).toContainEqual(['secret', 'hunter2x']);
    expect(kinds('run api with MODE=fast')).toContainEqual(['env', 'fast']);
  });

  it('states an option no recipe reads, and not the ones the details take', () => {
    expect(kinds('run nginx named web --privileged')).toContainEqual(['flag', '--privileged']);
    expect(kinds('run nginx named web -rf')).toContainEqual(['flag', '-rf']);
    expect(kinds('run nginx named web --memory 512m --user=app').filter(([k]) => k === 'flag')).toEqual([]);
  });

  it('states a memory size as bytes, refusable words as written, and reads prose as nothing', () => {
    expect(kinds('run redis with 512m of memory')).toContainEqual(['memory', String(512 * 1024 ** 2)]);
    expect(kinds('run redis with 2 GB of memory')).toContainEqual(['memory', String(2 * 1024 ** 3)]);
    expect(kinds('run redis with memory limit of 1g')).toContainEqual(['memory', String(1024 ** 3)]);
    expect(kinds("run redis with api'web of memory")).toContainEqual(['memory', "api'web"]);
    for (const prose of ['the api keeps running out of memory', 'give it lots of memory', 'show memory usage per process', 'a memory optimized postgres', 'git commit -m "fix"']) {
      expect(kinds(prose).filter(([k]) => k === 'memory'), prose).toEqual([]);
    }
  });

  it('states words only a value would be, and a quoted word, and not English', () => {
    expect(kinds('stop web*')).toContainEqual(['word', 'web*']);
    expect(kinds('stop [a-z]')).toContainEqual(['word', '[a-z]']);
    expect(kinds('terraform plan in api..x')).toContainEqual(['word', 'api..x']);
    expect(statedValues('stop `api`')).toContainEqual({ kind: 'word', value: 'api', words: 'api', quotedOnly: true });
    expect(kinds("don't stop the container's logs, it's 90% full; retry ~5 times")).toEqual([]);
  });

  it('names a command line inside a request, and the directory a build or Terraform works in', () => {
    expect(commandLineIn('rm -rf build/')).toBe('rm -rf build/');
    expect(commandLineIn('touch canary/file')).toBe('touch canary/file');
    expect(commandLineIn('find the container')).toBeUndefined();
    expect(placeIn('terraform plan in infra')).toMatchObject({ kind: 'path', value: 'infra' });
    expect(placeIn('terraform plan in prod')).toBeUndefined();
    expect(placeIn('deploy it in us-east-1')).toBeUndefined();
  });
});
