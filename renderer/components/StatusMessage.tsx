import './status-message.css';

/**
 * A polite live region that is always in the page, so screen readers announce each new message
 * ("saved", "archived") without moving focus.
 */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <p role="status" className={message ? 'status-message' : 'status-message status-message--empty'}>
      {message}
    </p>
  );
}
