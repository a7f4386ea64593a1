/** The simulator's GDAP records (what Graph keeps about a relationship and its assignments). */
export type SimStatus =
  | 'created'
  | 'approvalPending'
  | 'approved'
  | 'activating'
  | 'active'
  | 'expiring'
  | 'expired'
  | 'terminationRequested'
  | 'terminating'
  | 'terminated';

export interface SimRelationship {
  id: string;
  version: number;
  displayName: string;
  duration: string;
  autoExtendDuration: string;
  status: SimStatus;
  customer?: { tenantId: string; displayName?: string };
  roles: string[];
  createdAt: number;
  modifiedAt: number;
  /** When lockForApproval moved it to approvalPending (the 90-day approval window starts). */
  lockedAt?: number;
  activatedAt?: number;
  endAt?: number;
  /** The customer pressed Decline on the approval page (Graph shows no status for it). */
  declinedAt?: number;
}

export interface SimAccessAssignment {
  id: string;
  relationshipId: string;
  version: number;
  status: 'pending' | 'active' | 'deleting' | 'deleted' | 'error';
  securityGroupId: string;
  roles: string[];
  createdAt: number;
  modifiedAt: number;
}
