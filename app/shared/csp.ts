/**
 * The Content-Security-Policy of the renderer, the same in the desktop app (app:// protocol) and
 * in browser mode (HTTP header). No inline script, no eval, no plugins, no <base>, no framing.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
