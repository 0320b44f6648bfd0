/** Saves text as a file through the browser's download (works in Electron's renderer too). */
export function downloadText(filename: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download reads the blob asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const harFilename = (scope: string) =>
  `hookscope-${scope}-${new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)}.har`;
