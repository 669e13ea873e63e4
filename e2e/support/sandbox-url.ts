/** The console's sandbox on the port playwright.config.ts starts it on (fault injection goes to its admin API). */
export const SANDBOX_URL = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? 4610}`
