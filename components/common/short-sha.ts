/** CodeSha256 is 44 base64 characters; the first 10 tell versions apart at a glance. */
export function shortSha(sha: string | undefined): string {
  if (!sha) return "—";
  return sha.length > 10 ? `${sha.slice(0, 10)}…` : sha;
}
