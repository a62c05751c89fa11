import { ApiFailure } from '../../contract/api-error.ts';
import type { HandlerGroup } from './handler-context.ts';

export const scaleHandlers: HandlerGroup<'scales.list' | 'scales.get'> = {
  'scales.list': (_input, { registry }) =>
    registry.list().map(({ data, contentHash }) => ({
      id: data.id,
      version: data.version,
      contentHash,
      languages: data.languages,
      title: data.title as Record<string, string>,
      latest: registry.latest(data.id)?.data.version === data.version,
    })),
  'scales.get': ({ id, version }, { registry }) => {
    const scale = registry.get(id, version);
    if (!scale) throw new ApiFailure('not-found', { entity: 'scale', id: `${id}@${version}` });
    return { contentHash: scale.contentHash, scale: scale.data };
  },
};
