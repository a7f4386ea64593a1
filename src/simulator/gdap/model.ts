import { randomUUID } from 'node:crypto';
import { addDuration, parseIsoDuration } from '../../domain/gdap/duration';
import {
  checkAutoExtend,
  readAssignment,
  readAutoExtend,
  readCustomer,
  readDisplayName,
  readDuration,
  readRoles,
  requireObject,
  type SimAccessAssignment,
  type SimRelationship,
} from './rules';
import { badRequest, conflict, etagOf, GraphSimError, notFound, relationshipUri } from './wire';

export const GDAP_EVENTS = {
  approved: 'granular-admin-relationship-approved',
  activated: 'granular-admin-relationship-activated',
  terminated: 'granular-admin-relationship-terminated',
  expired: 'granular-admin-relationship-expired',
  assignmentCreated: 'granular-admin-access-assignment-created',
  assignmentActivated: 'granular-admin-access-assignment-activated',
} as const;

const DAY = 86_400_000;
/** A request not approved within 90 days expires. */
export const APPROVAL_WINDOW_DAYS = 90;

export interface GdapCustomerRef {
  tenantId: string;
  companyName: string;
  domain: string;
}

export interface GdapSimulatorOptions {
  /** Wall clock (default Date.now); the test clock's offset is added. */
  now?: () => number;
  /** Partner Center webhook events (the integrator wires this to the signed webhook sender). */
  emitEvent?: (eventName: string, resourceUri: string) => void;
  /** The Partner Center simulator's customers, matched by domain on the approval page. */
  findCustomerByDomain?: (domain: string) => GdapCustomerRef | undefined;
  newId?: () => string;
}

export interface ApproveInput {
  companyName: string;
  domain: string;
}

/**
 * Microsoft Graph's GDAP state in memory, usable without HTTP. Status changes Graph makes in the
 * background (approved → activating → active, terminationRequested → terminating → terminated,
 * expiring → expired) happen at once here; every intermediate status is still passed through in
 * that order and the events are emitted.
 */
export class GdapSimulatorModel {
  private readonly relationships = new Map<string, SimRelationship>();
  private readonly assignments = new Map<string, SimAccessAssignment>();
  /** Tenants that approved without being a Partner Center simulator customer, by domain. */
  private readonly otherTenants = new Map<string, GdapCustomerRef>();
  private offsetMs = 0;
  private readonly newId: () => string;

  constructor(private readonly options: GdapSimulatorOptions = {}) {
    this.newId = options.newId ?? randomUUID;
  }

  /** Simulated time: wall clock plus what `advanceDays` added. */
  now(): number {
    return (this.options.now ?? Date.now)() + this.offsetMs;
  }

  // ----------------------------------------------------------- relationships

  createRelationship(body: unknown): SimRelationship {
    const o = requireObject(body);
    const displayName = readDisplayName(o['displayName']);
    const duration = readDuration(o['duration']);
    const roles = readRoles(o['accessDetails']);
    const autoExtendDuration = readAutoExtend(o['autoExtendDuration']);
    checkAutoExtend(autoExtendDuration, roles);
    const customer = readCustomer(o['customer']);
    this.checkUniqueName(displayName);
    const now = this.now();
    const r: SimRelationship = {
      id: `${this.newId()}-${this.newId()}`,
      version: 1,
      displayName,
      duration,
      autoExtendDuration,
      status: 'created',
      customer,
      roles,
      createdAt: now,
      modifiedAt: now,
    };
    this.relationships.set(r.id, r);
    return r;
  }

  getRelationship(id: string): SimRelationship {
    this.sweep();
    const r = this.relationships.get(id);
    if (!r) throw notFound(`The delegatedAdminRelationship ${id}`);
    return r;
  }

  /** All relationships, newest first, matching `predicate`. */
  listRelationships(predicate: (r: SimRelationship) => boolean = () => true): SimRelationship[] {
    this.sweep();
    return [...this.relationships.values()].filter(predicate).sort((a, b) => b.createdAt - a.createdAt);
  }

  /** PATCH: only a `created` relationship may be changed. */
  updateRelationship(id: string, ifMatch: string | undefined, body: unknown): SimRelationship {
    const r = this.getRelationship(id);
    this.checkEtag(r, ifMatch);
    if (r.status !== 'created')
      throw conflict(`Only a relationship in status created can be changed (it is ${r.status}).`);
    const o = requireObject(body);
    const displayName = o['displayName'] === undefined ? r.displayName : readDisplayName(o['displayName']);
    const duration = o['duration'] === undefined ? r.duration : readDuration(o['duration']);
    const roles = o['accessDetails'] === undefined ? r.roles : readRoles(o['accessDetails']);
    const autoExtend =
      o['autoExtendDuration'] === undefined ? r.autoExtendDuration : readAutoExtend(o['autoExtendDuration']);
    checkAutoExtend(autoExtend, roles);
    const customer = o['customer'] === undefined ? r.customer : readCustomer(o['customer']);
    if (displayName !== r.displayName) this.checkUniqueName(displayName);
    Object.assign(r, { displayName, duration, roles, autoExtendDuration: autoExtend, customer });
    this.touch(r);
    return r;
  }

  /** DELETE with If-Match: only a `created` relationship may be deleted. */
  deleteRelationship(id: string, ifMatch: string | undefined): void {
    const r = this.getRelationship(id);
    this.checkEtag(r, ifMatch);
    if (r.status !== 'created')
      throw conflict(`Only a relationship in status created can be deleted (it is ${r.status}).`);
    this.relationships.delete(id);
  }

  /** POST …/requests {action}: lockForApproval (created) or terminate (active). */
  createRequest(
    id: string,
    body: unknown,
  ): { id: string; action: string; status: string; createdAt: number } {
    const r = this.getRelationship(id);
    const action = requireObject(body)['action'];
    if (action === 'lockForApproval') {
      if (r.status !== 'created')
        throw conflict(`The relationship is ${r.status}; only created can be locked for approval.`);
      r.status = 'approvalPending';
      r.lockedAt = this.now();
    } else if (action === 'terminate') {
      if (!['approved', 'activating', 'active'].includes(r.status)) {
        throw conflict(`The relationship is ${r.status}; only an active relationship can be terminated.`);
      }
      this.terminate(r);
    } else {
      throw badRequest('The action must be lockForApproval or terminate.');
    }
    this.touch(r);
    return { id: this.newId(), action, status: 'created', createdAt: this.now() };
  }

  // --------------------------------------------------------- customer side

  /** The customer's Global admin approves: approvalPending → approved → activating → active. */
  approve(id: string, input: ApproveInput): SimRelationship {
    const r = this.getRelationship(id);
    if (r.status !== 'approvalPending') {
      throw conflict(`This request can no longer be approved (status ${r.status}).`);
    }
    const tenant = this.resolveTenant(input);
    if (r.customer && r.customer.tenantId !== tenant.tenantId) {
      throw new GraphSimError(403, 'Forbidden', 'This request was sent to another organization.');
    }
    const now = this.now();
    r.customer = { tenantId: tenant.tenantId, displayName: r.customer?.displayName ?? tenant.companyName };
    r.status = 'approved';
    this.emit(GDAP_EVENTS.approved, r.id);
    r.status = 'activating';
    r.status = 'active';
    r.activatedAt = now;
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- the duration was validated when the request was created
    r.endAt = addDuration(new Date(now), parseIsoDuration(r.duration)!).getTime();
    r.declinedAt = undefined;
    this.touch(r);
    this.emit(GDAP_EVENTS.activated, r.id);
    return r;
  }

  /**
   * The customer declines. Graph has no status for a declined request (the enum has none); the
   * partner keeps seeing `approvalPending` until the 90-day approval window ends (`expired`).
   */
  decline(id: string): SimRelationship {
    const r = this.getRelationship(id);
    if (r.status !== 'approvalPending')
      throw conflict(`This request can no longer be declined (status ${r.status}).`);
    r.declinedAt = this.now();
    return r;
  }

  // ------------------------------------------------------ access assignments

  createAccessAssignment(relationshipId: string, body: unknown): SimAccessAssignment {
    const r = this.getRelationship(relationshipId);
    const input = readAssignment(body);
    if (r.status !== 'active')
      throw conflict(`Access can only be assigned on an active relationship (it is ${r.status}).`);
    const outside = input.roles.filter((role) => !r.roles.includes(role));
    if (outside.length) throw badRequest(`The roles ${outside.join(', ')} are not part of the relationship.`);
    const taken = [...this.assignments.values()].some(
      (a) =>
        a.relationshipId === r.id && a.securityGroupId === input.securityGroupId && a.status !== 'deleted',
    );
    if (taken)
      throw conflict('An access assignment for this security group already exists on the relationship.');
    const now = this.now();
    const a: SimAccessAssignment = {
      id: this.newId(),
      relationshipId: r.id,
      version: 1,
      status: 'pending',
      securityGroupId: input.securityGroupId,
      roles: input.roles,
      createdAt: now,
      modifiedAt: now,
    };
    this.assignments.set(a.id, a);
    this.emit(GDAP_EVENTS.assignmentCreated, `${relationshipUri(r.id)}/accessAssignments/${a.id}`);
    return a;
  }

  listAccessAssignments(relationshipId: string): SimAccessAssignment[] {
    this.getRelationship(relationshipId); // 404 first; sweeps (pending → active)
    return [...this.assignments.values()].filter((a) => a.relationshipId === relationshipId);
  }

  // ------------------------------------------------------------- test clock

  /**
   * Moves the simulated clock on and applies what Graph does over time: unapproved requests
   * expire after 90 days, active relationships past their end are auto-extended (P180D) or expire.
   */
  advanceDays(days: number): { expired: string[]; extended: string[] } {
    if (!Number.isFinite(days) || days < 0 || days > 3650)
      throw badRequest('days must be between 0 and 3650.');
    this.offsetMs += Math.round(days * DAY);
    return this.sweep();
  }

  /** Applies due status changes (called before every read). */
  sweep(): { expired: string[]; extended: string[] } {
    const now = this.now();
    const expired: string[] = [];
    const extended: string[] = [];
    for (const a of this.assignments.values()) {
      if (a.status === 'pending') {
        a.status = 'active';
        a.version++;
        a.modifiedAt = now;
        this.emit(
          GDAP_EVENTS.assignmentActivated,
          `${relationshipUri(a.relationshipId)}/accessAssignments/${a.id}`,
        );
      }
    }
    for (const r of this.relationships.values()) {
      if (
        r.status === 'approvalPending' &&
        r.lockedAt !== undefined &&
        now >= r.lockedAt + APPROVAL_WINDOW_DAYS * DAY
      ) {
        r.status = 'expired';
        r.endAt = r.lockedAt + APPROVAL_WINDOW_DAYS * DAY;
        this.touch(r, now);
        expired.push(r.id);
        this.emit(GDAP_EVENTS.expired, r.id);
      } else if (r.status === 'active' && r.endAt !== undefined && now >= r.endAt) {
        const extend = parseIsoDuration(r.autoExtendDuration);
        if (extend && r.autoExtendDuration === 'P180D') {
          while (r.endAt <= now) r.endAt = addDuration(new Date(r.endAt), extend).getTime();
          this.touch(r, now);
          extended.push(r.id);
        } else {
          r.status = 'expiring';
          r.status = 'expired';
          this.endAssignments(r.id, now);
          this.touch(r, now);
          expired.push(r.id);
          this.emit(GDAP_EVENTS.expired, r.id);
        }
      }
    }
    return { expired, extended };
  }

  // -------------------------------------------------------------- seeding

  /** Puts a relationship in as it is (seed data); the caller supplies consistent fields. */
  insert(
    r: Omit<SimRelationship, 'version'>,
    groups: { securityGroupId: string; roles: string[] }[] = [],
  ): SimRelationship {
    const full: SimRelationship = { ...r, version: 1 };
    this.relationships.set(full.id, full);
    for (const g of groups) {
      const a: SimAccessAssignment = {
        id: this.newId(),
        relationshipId: full.id,
        version: 1,
        status: full.status === 'active' ? 'active' : 'deleted',
        securityGroupId: g.securityGroupId,
        roles: g.roles,
        createdAt: full.activatedAt ?? full.createdAt,
        modifiedAt: full.modifiedAt,
      };
      this.assignments.set(a.id, a);
    }
    return full;
  }

  get size(): number {
    return this.relationships.size;
  }

  // ------------------------------------------------------------- helpers

  private terminate(r: SimRelationship): void {
    const now = this.now();
    r.status = 'terminationRequested';
    r.status = 'terminating';
    r.status = 'terminated';
    r.endAt = now;
    this.endAssignments(r.id, now);
    this.emit(GDAP_EVENTS.terminated, r.id);
  }

  private endAssignments(relationshipId: string, now: number): void {
    for (const a of this.assignments.values()) {
      if (a.relationshipId === relationshipId && a.status !== 'deleted') {
        a.status = 'deleted';
        a.version++;
        a.modifiedAt = now;
      }
    }
  }

  private resolveTenant(input: ApproveInput): GdapCustomerRef {
    const domain = input.domain.trim().toLowerCase();
    const companyName = input.companyName.trim();
    if (!/^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/.test(domain)) throw badRequest('Enter a valid domain.');
    if (companyName === '' || companyName.length > 256) throw badRequest('Enter the organization name.');
    const known = this.options.findCustomerByDomain?.(domain);
    if (known) return known;
    const full = domain.includes('.') ? domain : `${domain}.onmicrosoft.com`;
    let other = this.otherTenants.get(full);
    if (!other) {
      other = { tenantId: this.newId(), companyName, domain: full };
      this.otherTenants.set(full, other);
    }
    return other;
  }

  private checkUniqueName(displayName: string): void {
    const lower = displayName.toLowerCase();
    for (const r of this.relationships.values()) {
      if (r.displayName.toLowerCase() === lower) {
        throw badRequest('A delegated admin relationship with the same displayName already exists.');
      }
    }
  }

  private checkEtag(r: SimRelationship, ifMatch: string | undefined): void {
    if (!ifMatch) throw badRequest('The If-Match header is required.');
    if (ifMatch !== '*' && ifMatch !== etagOf(r.id, r.version)) {
      throw new GraphSimError(
        412,
        'PreconditionFailed',
        'The If-Match etag does not match the current version.',
      );
    }
  }

  private touch(r: SimRelationship, now = this.now()): void {
    r.version++;
    r.modifiedAt = now;
  }

  private emit(eventName: string, idOrUri: string): void {
    const uri = idOrUri.startsWith('https://') ? idOrUri : relationshipUri(idOrUri);
    this.options.emitEvent?.(eventName, uri);
  }
}
