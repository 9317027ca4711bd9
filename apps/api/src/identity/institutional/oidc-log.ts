/** A request URL as logs show it: an OpenID Connect callback's `code` and `state` replaced (decision record 0049). */
export function withoutOidcSecrets(url: string | undefined): string | undefined {
  if (!url?.startsWith('/api/auth/oidc/callback?')) return url;
  return url.replace(/([?&](?:code|state)=)[^&#]*/g, '$1[redacted]');
}
