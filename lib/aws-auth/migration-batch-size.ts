// Zod-free, so the wizard's page imports it without zod (docs/client-bundle.md); migration-schemas.ts bounds the
// route's batches with it.

/** Entries per create-entries request: small enough for a visible progress bar, large enough to be quick. */
export const MIGRATION_BATCH_SIZE = 25
