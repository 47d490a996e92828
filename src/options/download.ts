/**
 * Saves text as a file the user downloads: a Blob behind an object URL, clicked from a temporary link, so no
 * `downloads` permission is needed. Used by the export and by the usage dashboard's CSV.
 */
export function downloadText(doc: Document, fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL only has to outlive it. Revoking at once can cancel the
  // download in some browsers, so it waits.
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/** Long enough for a browser that starts the download late; the Blob is freed with the page in any case. */
export const REVOKE_AFTER_MS = 60_000;
