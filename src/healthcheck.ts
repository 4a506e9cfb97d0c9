// The container's HEALTHCHECK: exits 0 when /healthz on PORT answers 200 within 2 s, 1 otherwise.
const port = process.env.PORT?.trim() || '3000';
fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
  (res) => process.exit(res.ok ? 0 : 1),
  () => process.exit(1),
);
