import type { Context } from '../../core/context.js';
import { ReignError } from '../../core/errors.js';
import { pullHint } from '../docker/images.js';
import type { ProjectLayout } from './schemas.js';

/** What Compose and the engine say when an image cannot be fetched from its registry. */
const PULL_FAILED = /Pulling \S+ \(|\/v2\/|pull access denied|manifest unknown|manifest for \S+ not found|failed to resolve reference|repository does not exist|no such host|error pulling image|TLS handshake timeout|registry-1\.docker\.io/i;

/**
 * A Compose command that failed because a service's image could not be pulled gets the same
 * hint as a `docker run` would: the `images:` settings, naming the image as the file asks for it
 * and as the settings map it. Other failures pass through unchanged.
 */
export function withPullHint(error: unknown, layout: ProjectLayout, ctx: Pick<Context, 'images'>): unknown {
  if (!(error instanceof ReignError) || error.hint || !PULL_FAILED.test(error.message)) return error;
  const images = layout.services.flatMap((s) => (s.image ? [{ asked: s.image, runs: ctx.images.resolve(s.image) }] : []));
  // The image the error names; else the last one Compose said it was pulling.
  const named =
    images.find((i) => error.message.includes(i.runs)) ??
    images.find((i) => error.message.includes(i.asked)) ??
    images.find((i) => lastPulling(error.message)?.includes(i.runs));
  if (!named) return error;
  return new ReignError(error.code, error.message, pullHint(named.asked, named.runs), { cause: error });
}

function lastPulling(message: string): string | undefined {
  return [...message.matchAll(/Pulling \S+ \(([^)]+)\)/g)].at(-1)?.[1];
}
