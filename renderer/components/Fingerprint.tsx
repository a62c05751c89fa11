import './fingerprint.css';

/**
 * A certificate fingerprint (AB:CD:…, 32 pairs) that wraps only after a colon, never inside a pair, so each line
 * can be read out and compared pair by pair. <wbr> adds no text: copying gives the fingerprint as it is.
 */
export function Fingerprint({ value }: { value: string }) {
  const pairs = value.split(':');
  return (
    <code className="fingerprint">
      {pairs.map((pair, index) => (
        <span key={index}>
          {pair}
          {index < pairs.length - 1 && (
            <>
              {':'}
              <wbr />
            </>
          )}
        </span>
      ))}
    </code>
  );
}
