/**
 * `$(( … ))` of integer literals, worked out as bash would, so `kill -9 $((0-1))` is seen as
 * `kill -9 -1`. Anything else (variables, assignments, shifts) is unknown: undefined.
 */
export function evaluateArithmetic(expression: string): number | undefined {
  const tokens = expression.match(/\d+|[-+*/%()]|\S/g) ?? [];
  let at = 0;
  const peek = () => tokens[at];
  const fail = (): never => {
    throw new Error('not static');
  };
  const primary = (): number => {
    const token = tokens[at++];
    if (token === undefined) return fail();
    if (/^\d+$/.test(token)) return Number(token);
    if (token === '-') return -primary();
    if (token === '+') return primary();
    if (token === '(') {
      const value = sum();
      if (tokens[at++] !== ')') fail();
      return value;
    }
    return fail();
  };
  const product = (): number => {
    let value = primary();
    while (peek() === '*' || peek() === '/' || peek() === '%') {
      const op = tokens[at++];
      const right = primary();
      if (op !== '*' && right === 0) fail();
      value = op === '*' ? value * right : op === '/' ? Math.trunc(value / right) : value % right;
    }
    return value;
  };
  const sum = (): number => {
    let value = product();
    while (peek() === '+' || peek() === '-') value = tokens[at++] === '+' ? value + product() : value - product();
    return value;
  };
  try {
    const value = sum();
    return at === tokens.length && Number.isSafeInteger(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
