/** `200`, `204`, `2XX` are success statuses; `default` and everything else are not. */
export function isSuccessStatus(status: string): boolean {
  return /^2(\d\d|XX)$/i.test(status);
}
