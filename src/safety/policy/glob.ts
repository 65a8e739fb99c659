/** `*` matches any text (including `/` and spaces); everything else is literal. */
export function globMatch(pattern: string, text: string): boolean {
  let compiled = cache.get(pattern);
  if (!compiled) {
    const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*');
    compiled = new RegExp(`^${source}$`);
    cache.set(pattern, compiled);
  }
  return compiled.test(text);
}

const cache = new Map<string, RegExp>();
