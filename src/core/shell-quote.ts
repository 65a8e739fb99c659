const PLAIN = /^[A-Za-z0-9_@%+=:,./-]$/;

/**
 * Quotes one word for a POSIX shell, leaving plain words bare so previews stay readable.
 * `alsoBare` names further characters to leave bare: the judge keeps `~` (so a rebuilt command
 * still expands it) and its own placeholder characters.
 */
export function shellQuote(word: string, alsoBare = ''): string {
  if (word !== '' && [...word].every((c) => PLAIN.test(c) || alsoBare.includes(c))) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A command line a person could paste: each word quoted as needed. */
export function commandLine(words: readonly string[]): string {
  return words.map((word) => shellQuote(word)).join(' ');
}
