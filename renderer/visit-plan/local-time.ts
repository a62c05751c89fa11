/**
 * "9.30", "9:30", "09.30", "930", "0930" or "9" -> "09:30" / "09:00" (24-hour). null when the text is no time of
 * day (hours 0–23, minutes 0–59).
 */
export function parseLocalTime(text: string): string | null {
  const trimmed = text.trim().replace(/^(klo|kl\.?)\s*/i, '');
  const match = /^(\d{1,2})(?:[.:]?(\d{2}))?$/.exec(trimmed);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
