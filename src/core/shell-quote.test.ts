import { describe, expect, it } from 'vitest';
import { commandLine, shellQuote } from './shell-quote.js';

describe('shell quoting for previews', () => {
  it('leaves plain words bare and quotes the rest so a shell reads them literally', () => {
    expect(commandLine(['docker', 'run', '--name', 'web', '-p', '127.0.0.1:8080:80', 'nginx:1.25'])).toBe(
      'docker run --name web -p 127.0.0.1:8080:80 nginx:1.25',
    );
    expect(shellQuote("it's $(id)")).toBe(`'it'\\''s $(id)'`);
    expect(shellQuote('')).toBe("''");
  });
});
