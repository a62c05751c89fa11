/**
 * "Save PNG": the chart's pixels on a white background (a chart.js canvas is transparent, which most image viewers
 * show as black or checkered), saved through a download link to a Blob URL. The app's CSP allows blob: downloads;
 * Electron shows its save dialog, a browser its download.
 */
export async function savePng(source: HTMLCanvasElement, fileName: string): Promise<void> {
  const canvas = document.createElement('canvas');
  canvas.width = source.width;
  canvas.height = source.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context for the PNG');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(source, 0, 0);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the chart could not be turned into a PNG');
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
