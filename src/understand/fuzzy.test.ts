import { describe, expect, it } from 'vitest';
import { TypoCorrector } from './fuzzy.js';

describe('typo correction', () => {
  const corrector = new TypoCorrector(['kubectl', 'prometheus', 'docker', 'stack', 'github', 'terraform'], new Set(['slack']));

  it('corrects a missing, extra, changed or swapped letter in a long word', () => {
    expect(corrector.correct('kubctl')).toBe('kubectl');
    expect(corrector.correct('promethues')).toBe('prometheus');
    expect(corrector.correct('dokcer')).toBe('docker');
    expect(corrector.correct('githb')).toBe('github');
    expect(corrector.correct('terrafomr')).toBe('terraform');
  });

  it('leaves known words and short words alone', () => {
    expect(corrector.correct('slack')).toBe('slack');
    expect(corrector.correct('dock')).toBe('dock');
  });

  it('does not change a five-letter word into another by one different letter', () => {
    expect(corrector.correct('stark')).toBe('stark');
  });

  it('corrects a five-letter word when the different letter is a neighbouring key', () => {
    const services = new TypoCorrector(['redis', 'nginx', 'stack'], new Set());
    expect(services.correct('redus')).toBe('redis');
    expect(services.correct('nginz')).toBe('nginx');
    // l and t are far apart: "slick" is no slip for "stack".
    expect(services.correct('stick')).toBe('stick');
  });

  it('does not correct across the first letter', () => {
    expect(corrector.correct('rocker')).toBe('rocker');
  });
});
