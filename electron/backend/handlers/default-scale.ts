import type { ScaleVersion } from '../../../scales/scale-version.ts';
import type { HandlerContext } from './handler-context.ts';

/** The scale new reviews use when none is chosen. */
export const DEFAULT_SCALE_ID = 'ips-25';

/** The version of scale `id` the user adopted in settings (scales.adopt), if any. */
export function adoptedVersion(ctx: HandlerContext, id: string): string | undefined {
  return ctx.storage?.settings().adoptedScales[id];
}

/**
 * The version new reviews of scale `id` default to: the rule is ScaleRegistry.defaultVersion (the adopted version,
 * else the newest shipped one); this only supplies the user's adoption from the settings.
 */
export function defaultScaleVersion(ctx: HandlerContext, id = DEFAULT_SCALE_ID): ScaleVersion | undefined {
  return ctx.registry.defaultVersion(id, adoptedVersion(ctx, id));
}
