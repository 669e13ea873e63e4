import 'server-only'

import { grantAdditionSchema, type GrantAddition, type GrantStatus } from '@/lib/time-bound/time-bound-dto'

import type { AccessRequestStore } from './access-request-store'

/** One cluster's time-bound settings as stored: its maximum grant length and whether editors decide requests. */
export type ClusterSettings = { maxSeconds: number; editorsMayApprove: boolean; updatedBy?: string }

/** A time-bound grant as stored. */
export type StoredGrant = {
  id: string
  region: string
  cluster: string
  principalArn: string
  addition: GrantAddition
  createdBy: string
  createdAt: Date
  expiresAt: Date
  status: GrantStatus
  attempts: number
  nextAttemptAt: Date
  lastError: string | null
}

/** A grant to store: what was added, by whom, until when. */
export type NewGrant = Pick<StoredGrant, 'id' | 'region' | 'cluster' | 'principalArn' | 'addition' | 'createdBy'> & {
  createdAt: Date
  expiresAt: Date
}

/**
 * Where time-bound grants live: next to the audit log (the same SQLite file, or the same PostgreSQL database), so a
 * restart or another replica sees every grant still to revoke.
 */
export interface TimeBoundStore {
  readonly kind: 'sqlite' | 'postgres'
  /** Access requests, in the same database. */
  readonly requests: AccessRequestStore
  add(grant: NewGrant): Promise<void>
  /** Forgets a grant whose AWS write failed (nothing was added, so there is nothing to revoke). */
  discard(id: string): Promise<void>
  /**
   * Completes an active grant's record of what it added with what only the write could tell (a RoleBinding's uid,
   * assigned by the API server when it is created).
   */
  updateAddition(id: string, addition: GrantAddition): Promise<void>
  /** The active grants of one cluster (for the access table), or of every cluster, soonest expiry first. */
  listActive(cluster?: { region: string; cluster: string }): Promise<StoredGrant[]>
  /** Every active grant whose revocation has failed at least `minAttempts` times (the stuck banner). */
  listFailing(minAttempts: number): Promise<StoredGrant[]>
  /**
   * Claims up to `limit` active grants due at `now` for `owner` until `leaseUntil`: no other caller (in this process,
   * another process on the same SQLite file, or another replica on PostgreSQL) gets them while the lease holds.
   */
  claimDue(now: Date, owner: string, leaseUntil: Date, limit: number): Promise<StoredGrant[]>
  /** Ends a claimed grant (revoked or drifted); false when `owner` no longer holds it (nothing changed). */
  finish(id: string, owner: string, status: Exclude<GrantStatus, 'active'>, at: Date): Promise<boolean>
  /** Records a failed attempt and releases the claim until `nextAttemptAt`. */
  retryLater(id: string, owner: string, nextAttemptAt: Date, error: string): Promise<void>
  /** The cluster's settings an admin saved; null = never saved (the defaults apply). */
  readSettings(cluster: { region: string; cluster: string }): Promise<ClusterSettings | null>
  writeSettings(cluster: { region: string; cluster: string }, settings: ClusterSettings, by: string): Promise<void>
  close(): Promise<void>
}

/** The columns both dialects store (times as epoch ms in SQLite, TIMESTAMPTZ in PostgreSQL). */
export type GrantRow = {
  id: string
  cluster_region: string
  cluster_name: string
  principal_arn: string
  addition_json: string
  created_by: string
  created_at: number | string | Date
  expires_at: number | string | Date
  status: string
  attempts: number
  next_attempt_at: number | string | Date
  last_error: string | null
}

const toDate = (value: number | string | Date) => (value instanceof Date ? value : new Date(Number(value)))

/** Maps a stored row back to a grant. */
export function fromGrantRow(row: GrantRow): StoredGrant {
  return {
    id: row.id,
    region: row.cluster_region,
    cluster: row.cluster_name,
    principalArn: row.principal_arn,
    addition: grantAdditionSchema.parse(JSON.parse(row.addition_json)),
    createdBy: row.created_by,
    createdAt: toDate(row.created_at),
    expiresAt: toDate(row.expires_at),
    status: row.status as GrantStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: toDate(row.next_attempt_at),
    lastError: row.last_error,
  }
}
