import { DYNAMIC, ITEM } from './script.js';
import { LOCATIONS, SECRET_FILES, STARTUP_FILES, type Location } from './rules/paths.js';

interface PathClass {
  location: Location;
  secret: boolean;
  startup: boolean;
  /** Part of the path is only known at run time. */
  dynamic: boolean;
  /** The unknown part could be empty, leaving only what precedes it (`"$DIR"/*` → `/*`). */
  mayBeEmpty: boolean;
}

/** Where a path (as bash would pass it) points and what it holds. */
export function classifyPath(value: string): PathClass {
  const cut = value.search(UNKNOWN_PART);
  const dynamic = cut >= 0;
  const mayBeEmpty = dynamic && value[cut] === DYNAMIC;
  const known = normalise(dynamic ? value.slice(0, cut) : value);
  const ownHome = known.replace(/^\/home\/[^/*]+(?=\/|$)/, '~');
  let location = locate(ownHome);
  // `/$X` or `$X/*`: nothing before the unknown part says where it points. Items that xargs
  // reads are relative to the working directory; files find finds under `/` are anywhere.
  if (dynamic && (known === '' || location === 'root')) location = mayBeEmpty ? 'unknown' : known === '' ? 'local' : 'root';
  return {
    location,
    secret: SECRET_FILES.some((p) => p.test(ownHome)),
    startup: STARTUP_FILES.some((p) => p.test(ownHome)),
    dynamic,
    mayBeEmpty,
  };
}

const UNKNOWN_PART = new RegExp(`[${DYNAMIC}${ITEM}]`);

function locate(path: string): Location {
  if (path === '') return 'local';
  for (const { location, pattern } of LOCATIONS) if (pattern.test(path)) return location;
  return 'local';
}

/** Resolves `.` and `..` in absolute paths, so `/tmp/../etc` is seen as `/etc`. */
function normalise(path: string): string {
  if (!path.startsWith('/') || !/(^|\/)\.\.?(\/|$)/.test(path)) return path.replace(/\/{2,}/g, '/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}${path.endsWith('/') && parts.length > 0 ? '/' : ''}`;
}
