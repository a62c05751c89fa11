import { useEffect, useState, type Ref } from 'react';
import { base64ToBytes, safeFileName } from '../reports/pdf-bytes.ts';

interface BundleDownloadLinkProps {
  bundleBase64: string;
  fileName: string;
  label: string;
  linkRef?: Ref<HTMLAnchorElement>;
}

/**
 * "Save the bundle" as a download link to a Blob URL, as the report page saves a PDF: the browser (or Electron's
 * save dialog) writes the file. The URL is revoked when the bytes change or the link goes away.
 */
export function BundleDownloadLink({ bundleBase64, fileName, label, linkRef }: BundleDownloadLinkProps) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const objectUrl = URL.createObjectURL(new Blob([base64ToBytes(bundleBase64)], { type: 'application/json' }));
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [bundleBase64]);
  if (!url) return null;
  return (
    <a ref={linkRef} className="download-link" href={url} download={safeFileName(fileName)}>
      {label}
    </a>
  );
}
