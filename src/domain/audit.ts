/** One append-only audit entry. Who did what to which customer, with which outcome. */
export interface AuditEntry {
  id: string;
  partnerTenantId: string;
  /** e.g. 'invitation.created', 'relationship.remove', 'invitation.accepted'. */
  action: string;
  /** `unknown`: a write whose outcome could not be confirmed, not even by reading the state back. */
  outcome: 'succeeded' | 'failed' | 'cancelled' | 'refused' | 'unknown';
  at: string;
  actor?: { aadObjectId?: string; name?: string; roles?: string[] };
  customer?: { id?: string; companyName?: string; domain?: string };
  /** Partner Center request id of the call that decided the outcome, if any. */
  requestId?: string;
  details?: Record<string, unknown>;
}

export interface AuditLog {
  /** Appends an entry; an entry with the same id is written at most once. */
  append(entry: Omit<AuditEntry, 'id' | 'at'> & { id?: string; at?: string }): Promise<AuditEntry>;
  /** Newest first. */
  latest(partnerTenantId: string, limit: number): Promise<AuditEntry[]>;
}
