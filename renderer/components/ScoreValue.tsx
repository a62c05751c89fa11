import type { FidelitySummary } from '../../electron/contract/entities.ts';
import { useScoreText } from './use-score-text.ts';

/**
 * A review's total in the UI locale (formatTotal): "112", or for a partial review the estimate with everything it
 * rests on, "107,4 (arvio 17/25 kriteerin perusteella, keskiarvo 4,29, vaihteluväli 81–113)"; below the scale's
 * minimum of rated items only the mean and the bounds (useScoreText).
 */
export function ScoreValue({ score }: { score: FidelitySummary }) {
  return <>{useScoreText()(score)}</>;
}
