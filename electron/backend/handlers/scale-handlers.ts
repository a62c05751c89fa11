import { scaleDifferences } from '../../../scales/scale-diff.ts';
import { ApiFailure } from '../../contract/api-error.ts';
import { appendAudit } from '../store/audit-log.ts';
import { adoptedVersion, defaultScaleVersion } from './default-scale.ts';
import type { HandlerContext, HandlerGroup } from './handler-context.ts';

function requireScale(ctx: HandlerContext, id: string, version: string) {
  const scale = ctx.registry.get(id, version);
  if (!scale) throw new ApiFailure('not-found', { entity: 'scale', id: `${id}@${version}` });
  return scale;
}

export const scaleHandlers: HandlerGroup<'scales.list' | 'scales.get' | 'scales.differences' | 'scales.adopt'> = {
  'scales.list': (_input, ctx) =>
    ctx.registry.list().map((version) => ({
      id: version.data.id,
      version: version.data.version,
      contentHash: version.contentHash,
      languages: version.data.languages,
      title: version.data.title as Record<string, string>,
      isDefault: defaultScaleVersion(ctx, version.data.id) === version,
      shipped: ctx.registry.isShipped(version),
      differsFromShipped: ctx.registry.differsFromShipped(version),
    })),

  'scales.get': ({ id, version }, ctx) => {
    const scale = requireScale(ctx, id, version);
    return { contentHash: scale.contentHash, scale: scale.data };
  },

  'scales.differences': ({ id, version }, ctx) => {
    const scale = requireScale(ctx, id, version);
    const shipped = ctx.registry.newestShipped(id);
    if (!shipped) return { shipped: null, differences: null };
    return { shipped: { id, version: shipped.data.version }, differences: scaleDifferences(shipped.data, scale.data) };
  },

  'scales.adopt': ({ id, version }, ctx) => {
    if (!ctx.storage) throw new ApiFailure('conflict', { reason: 'no-settings' });
    if (version !== null) requireScale(ctx, id, version);
    const before = adoptedVersion(ctx, id) ?? null;
    if (before !== version) {
      ctx.storage.updateSettings({ adoptedScales: { [id]: version } });
      appendAudit(ctx.db, { actor: ctx.actor, at: ctx.now(), entity: 'scale', entityId: id, action: 'adopt-version', oldValue: before, newValue: version });
    }
    return { id, defaultVersion: defaultScaleVersion(ctx, id)?.data.version ?? null, adopted: version !== null };
  },
};
