import { useEffect, useState, type ReactNode } from 'react';
import { base64ToBytes, safeFileName } from '../platform/pdf-bytes.ts';

interface DownloadLinkProps {
  base64: string;
  /** The file's media type, e.g. application/pdf. */
  type: string;
  fileName: string;
  className?: string;
  children: ReactNode;
}

/**
 * "Save …" as a download link to a Blob URL (a report PDF, a review bundle). The app's Content-Security-Policy
 * (default-src 'self', object-src 'none') blocks a blob: PDF in an <iframe> or <object>, but not a download: the
 * browser saves the file (Chromium asks where), and Electron shows its save dialog. The URL is revoked when the
 * bytes change or the link goes away.
 */
export function DownloadLink({ base64, type, fileName, className, children }: DownloadLinkProps) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const objectUrl = URL.createObjectURL(new Blob([base64ToBytes(base64)], { type }));
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [base64, type]);
  if (!url) return null;
  return (
    <a className={className ? `download-link ${className}` : 'download-link'} href={url} download={safeFileName(fileName)}>
      {children}
    </a>
  );
}
