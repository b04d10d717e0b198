/** The file name the gateway gave the download (Content-Disposition), or a dated one. */
export function downloadName(contentDisposition: string | null, today: string): string {
  const match = /filename="([^"\\/]+)"/.exec(contentDisposition ?? '');
  return match ? match[1] : `openday-personal-data-${today}.json`;
}
