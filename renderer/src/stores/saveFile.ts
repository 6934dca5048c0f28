/** Hands bytes or text to the browser as a download under `fileName`. */
export function saveFile(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The download has its own copy once it started; give slow machines a moment first.
    window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}
