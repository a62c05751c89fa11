import { useEffect, useState, type ReactNode } from 'react';
import { base64ToBytes, safeFileName } from './pdf-bytes.ts';

interface PdfDownloadLinkProps {
  pdfBase64: string;
  fileName: string;
  className?: string;
  children: ReactNode;
}

/**
 * "Save PDF" as a download link to a Blob URL. The app's Content-Security-Policy (default-src 'self',
 * object-src 'none') blocks a blob: PDF in an <iframe> or <object>, but not a download: the browser saves the
 * file (Chromium asks where), and Electron shows its save dialog. The URL is revoked when the bytes change or
 * the link goes away.
 */
export function PdfDownloadLink({ pdfBase64, fileName, className, children }: PdfDownloadLinkProps) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const objectUrl = URL.createObjectURL(new Blob([base64ToBytes(pdfBase64)], { type: 'application/pdf' }));
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [pdfBase64]);
  if (!url) return null;
  return (
    <a className={className ? `download-link ${className}` : 'download-link'} href={url} download={safeFileName(fileName)}>
      {children}
    </a>
  );
}
