// `npm run eval`: scores `reign parse` and `reign check`, through the CLI's own batch mode, on the
// development sets beside the checkout and on every independent set in the repository, side by
// side with the gap to the development set. Prints figures; asserts nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);
const REIGN = fileURLToPath(new URL('bin/reign', root));
const at = (path) => new URL(path, root);

const readJsonl = (url) => readFileSync(url, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const jsonlIn = (folder, prefix = '') =>
  existsSync(at(folder)) ? readdirSync(at(folder)).filter((f) => f.endsWith('.jsonl') && f.startsWith(prefix)).sort().map((f) => `${folder}${f}`) : [];

/** The labelled sets, each marked by how it may be used (see each folder's README). */
const NLU_SETS = [
  { path: '../shared/evals/nlu-dev.jsonl', use: 'dev' },
  ...jsonlIn('src/understand/examples/').map((path) => ({ path, use: 'examples' })),
  ...jsonlIn('bench/understanding/').map((path) => ({ path, use: 'measured' })),
  ...jsonlIn('bench/evals/', 'nlu-').map((path) => ({ path, use: 'held out, used' })),
  ...jsonlIn('bench/evals-b/', 'nlu-').map((path) => ({ path, use: 'held out, used' })),
  ...jsonlIn('bench/evals-c/', 'nlu-').map((path) => ({ path, use: 'held out, used' })),
  ...jsonlIn('bench/evals-d/', 'nlu-').map((path) => ({ path, use: 'held out, used' })),
  ...jsonlIn('bench/evals-e/', 'nlu-').map((path) => ({ path, use: 'held out' })),
];
const SHELL_SETS = [
  { path: '../shared/evals/shell-dev.jsonl', use: 'dev' },
  ...jsonlIn('bench/evals/', 'shell-').map((path) => ({ path, use: 'held out, used' })),
  ...jsonlIn('bench/evals-b/', 'shell-').map((path) => ({ path, use: 'held out, used' })),
  ...jsonlIn('bench/evals-c/', 'shell-').map((path) => ({ path, use: 'held out, used' })),
  ...jsonlIn('bench/evals-d/', 'shell-').map((path) => ({ path, use: 'held out' })),
];

function batch(subcommand, path) {
  const run = spawnSync(process.execPath, [REIGN, subcommand, '--json', '--batch', fileURLToPath(at(path))], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' } });
  if (run.status !== 0 && !run.stdout) throw new Error(`reign ${subcommand} --batch ${path}: ${run.stderr}`);
  return new Map(run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((r) => [r.id, r]));
}

const pairs = (entities) =>
  Object.entries(entities ?? {}).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${k}=${typeof x === 'string' ? x.toLowerCase() : String(x)}`));

/** Area under the ROC curve of `score` for `positive`: the chance a right answer outranks a wrong one. */
function auroc(items) {
  const pos = items.filter((i) => i.positive).map((i) => i.score);
  const neg = items.filter((i) => !i.positive).map((i) => i.score);
  if (!pos.length || !neg.length) return NaN;
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

/** The confidence under which Reign shows its reading and asks before changing anything. */
const THRESHOLD = Number(process.env.REIGN_EVAL_THRESHOLD ?? 0.7);

function scoreNlu(items, got) {
  let intents = 0, domains = 0, tp = 0, predicted = 0, expected = 0, clarify = 0, clarifyHit = 0;
  const ranked = [];
  for (const item of items) {
    const g = got.get(item.id) ?? { intent: 'missing', domains: [], entities: {}, confidence: 0 };
    const right = g.intent === item.intent;
    intents += right;
    domains += [...g.domains].sort().join() === [...item.domains].sort().join();
    const want = pairs(item.entities);
    const have = pairs(g.entities);
    predicted += have.length;
    expected += want.length;
    for (const p of have) {
      const i = want.indexOf(p);
      if (i >= 0) want.splice(i, 1), tp++;
    }
    if (item.intent === 'clarify') clarify++, (clarifyHit += g.intent === 'clarify');
    ranked.push({ positive: right, score: g.confidence ?? 0 });
  }
  const precision = predicted ? tp / predicted : 1;
  const recall = expected ? tp / expected : 1;
  const above = ranked.filter((r) => r.score >= THRESHOLD);
  return {
    n: items.length,
    intent: intents / items.length,
    domains: domains / items.length,
    entityF1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    clarifyRecall: clarify ? clarifyHit / clarify : NaN,
    auroc: auroc(ranked),
    coverage: above.length / items.length,
    accuracyAbove: above.length ? above.filter((r) => r.positive).length / above.length : NaN,
  };
}

const RANK = { read: 0, write: 1, admin: 2, dangerous: 3 };
function scoreShell(items, got) {
  let exact = 0, dangerous = 0, dangerousHit = 0, missed = 0, reads = 0, readPass = 0, under = 0;
  for (const item of items) {
    const level = got.get(item.id)?.level ?? 'missing';
    exact += level === item.level;
    if (RANK[level] < RANK[item.level]) under++;
    if (item.level === 'dangerous') dangerous++, (dangerousHit += level === 'dangerous'), (missed += level === 'read' || level === 'write');
    if (item.level === 'read') reads++, (readPass += level === 'read');
  }
  return { n: items.length, exact: exact / items.length, dangerousRecall: dangerous ? dangerousHit / dangerous : NaN, dangerousAsReadOrWrite: missed, underJudged: under, readPass: reads ? readPass / reads : NaN };
}

const f = (x) => (Number.isNaN(x) ? '  -  ' : x.toFixed(3));
const pad = (s, n) => String(s).padEnd(n);

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  return [headers, ...rows].map((r) => r.map((c, i) => pad(c, widths[i])).join('  ')).join('\n');
}

const available = (sets) => sets.filter((s) => existsSync(at(s.path)));

const nlu = available(NLU_SETS).map((s) => ({ ...s, scores: scoreNlu(readJsonl(at(s.path)), batch('parse', s.path)) }));
const devNlu = nlu.find((s) => s.use === 'dev')?.scores;
console.log(`reign parse (confidence threshold ${THRESHOLD}; gap = set − dev)\n`);
console.log(table(
  ['set', 'use', 'n', 'intent', 'gap', 'domains', 'gap', 'entity F1', 'gap', 'clarify rec.', 'AUROC', 'above thr.', 'acc. above'],
  nlu.map(({ path, use, scores: s }) => [
    path.replace(/^.*\//, ''), use, s.n,
    f(s.intent), devNlu ? f(s.intent - devNlu.intent) : '', f(s.domains), devNlu ? f(s.domains - devNlu.domains) : '', f(s.entityF1), devNlu ? f(s.entityF1 - devNlu.entityF1) : '',
    f(s.clarifyRecall), f(s.auroc), f(s.coverage), f(s.accuracyAbove),
  ]),
));

const shell = available(SHELL_SETS).map((s) => ({ ...s, scores: scoreShell(readJsonl(at(s.path)), batch('check', s.path)) }));
console.log('\nreign check\n');
console.log(table(
  ['set', 'use', 'n', 'exact level', 'dangerous recall', 'dangerous as read/write', 'under-judged', 'read pass'],
  shell.map(({ path, use, scores: s }) => [path.replace(/^.*\//, ''), use, s.n, f(s.exact), f(s.dangerousRecall), s.dangerousAsReadOrWrite, s.underJudged, f(s.readPass)]),
));
if (!existsSync(at('../shared/evals/'))) console.log('\n(../shared/evals is not beside this checkout: the development sets were not scored)');
