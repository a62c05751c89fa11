import en from '../../../renderer/i18n/locales/consensus/en.json' with { type: 'json' };
import fi from '../../../renderer/i18n/locales/consensus/fi.json' with { type: 'json' };
import sv from '../../../renderer/i18n/locales/consensus/sv.json' with { type: 'json' };

/** The consensus view's, visit plan's and site chart's messages (the app shows them under `consensus.`). */
export type ConsensusMessages = typeof fi;
export const CONSENSUS_MESSAGES: Record<'fi' | 'sv' | 'en', ConsensusMessages> = { fi, sv, en };
