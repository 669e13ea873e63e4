/**
 * The bearer token of the e2e console's /api/metrics: playwright.config.ts sets METRICS_TOKEN to it for the launcher,
 * so specs can count the console's AWS calls.
 */
export const E2E_METRICS_TOKEN = process.env.METRICS_TOKEN ?? 'e2e-metrics-token-0123456789'
