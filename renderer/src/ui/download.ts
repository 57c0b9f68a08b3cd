/**
 * Saves text as a file the way a browser downloads one: a Blob URL and a temporary
 * `<a download>` clicked in script. Chromium saves it to the downloads folder (or asks, per the
 * browser's setting); Electron shows a save dialog.
 */
export function saveTextFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The download reads the Blob asynchronously: revoking at once can cancel it in Chromium.
    setTimeout(() => {
      URL.revokeObjectURL(url);
    }, 60_000);
  }
}
