// Download a server-made file (statistics .xlsx / CSV, forecast CSV) through the adapter, so the
// bearer token goes with it (a plain link would not carry it), and save it as a Blob.

/** The file name from a Content-Disposition header (RFC 5987 filename* first), else `fallback`. */
export function fileNameOf(disposition: string | null | undefined, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : fallback;
}

/** Save `blob` as a file named `name` (an object URL and a temporary link). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Run a generated call with parseAs 'blob' and save its answer under the server's file name. */
export async function downloadFile(
  call: () => Promise<{ data: unknown; response: Response }>,
  fallbackName: string,
): Promise<void> {
  const { data, response } = await call();
  const blob = data instanceof Blob ? data : new Blob([String(data)]);
  saveBlob(blob, fileNameOf(response.headers.get('Content-Disposition'), fallbackName));
}
