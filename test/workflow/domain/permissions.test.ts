// The permission matrix, without a database: roles × actions × where the case is.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors.js';
import type { OpinionActionType } from '../../../src/domain/opinions/lifecycle.js';
import { actingRole, assertCan, can, permittedActions, viewingRole, type OpinionScope, type Principal } from '../../../src/domain/permissions/index.js';

// Regions: district 1 → street 10 → community 100; street 20 elsewhere.
const scope = (overrides: Partial<OpinionScope> = {}): OpinionScope => ({
  residentId: 7,
  stationId: 5,
  regionPath: [100, 10, 1],
  agencyId: null,
  disposition: null,
  ...overrides,
});
type Role = Principal['roles'][number];
const role = (kind: Role['kind'], scopeIds: Partial<Omit<Role, 'kind'>>): Role => ({ kind, stationId: null, agencyId: null, regionId: null, ...scopeIds });
const staff = (...roles: Role[]): Principal => ({ actor: { kind: 'person', personId: 99 }, roles });

const officer = staff(role('LIAISON_OFFICER', { stationId: 5 }));
const otherOfficer = staff(role('LIAISON_OFFICER', { stationId: 6 }));
const streetAdmin = staff(role('STREET_ADMIN', { regionId: 10 }));
const otherStreetAdmin = staff(role('STREET_ADMIN', { regionId: 20 }));
const districtAdmin = staff(role('DISTRICT_ADMIN', { regionId: 1 }));
const agency = staff(role('AGENCY_HANDLER', { agencyId: 3 }));
const representative = staff(role('REPRESENTATIVE', { stationId: 5 }));
const resident: Principal = { actor: { kind: 'person', personId: 7 }, roles: [] };
const system: Principal = { actor: { kind: 'system' }, roles: [] };

const referred = scope({ agencyId: 3, disposition: 'REFERRED' });
const proposal = scope({ disposition: 'PROPOSAL' });
const officerActions: OpinionActionType[] = ['acknowledge', 'answer', 'clarify', 'classify', 'decline', 'deliverResult', 'escalate', 'merge', 'progress', 'refer', 'submitResult'];

describe('permissions', () => {
  it('officers and admins take officer actions within their scope only', () => {
    expect(permittedActions(officer, scope()).sort()).toEqual(officerActions);
    // 督办: only admins chase and reassign.
    for (const principal of [streetAdmin, districtAdmin]) expect(permittedActions(principal, scope()).sort()).toEqual([...officerActions, 'chase', 'reassign'].sort());
    for (const principal of [otherOfficer, otherStreetAdmin]) expect(permittedActions(principal, scope())).toEqual([]);
    expect(actingRole(officer, 'acknowledge', scope())).toBe('LIAISON_OFFICER');
    expect(actingRole(streetAdmin, 'acknowledge', scope())).toBe('STREET_ADMIN');
    expect(actingRole(districtAdmin, 'acknowledge', scope({ regionPath: [200, 20, 1] }))).toBe('DISTRICT_ADMIN');
    expect(actingRole(districtAdmin, 'acknowledge', scope({ regionPath: [300, 30, 2] }))).toBeNull();
  });

  it('a referred case’s result is the agency’s; the agency takes only agency actions, only on its own referrals', () => {
    expect(can(officer, 'submitResult', referred)).toBe(false);
    expect(permittedActions(agency, referred).sort()).toEqual(['handBack', 'progress', 'requestClarification', 'submitResult']);
    expect(permittedActions(agency, scope({ agencyId: 4, disposition: 'REFERRED' }))).toEqual([]);
    expect(permittedActions(agency, scope())).toEqual([]);
    expect(actingRole(officer, 'handBack', referred)).toBeNull();
  });

  it('representatives progress and submit escalations at their station', () => {
    expect(permittedActions(representative, proposal).sort()).toEqual(['progress', 'submitResult']);
    expect(permittedActions(representative, scope({ disposition: 'SUPERVISION', stationId: 6 }))).toEqual([]);
    expect(permittedActions(representative, referred)).toEqual([]);
  });

  it('the resident only evaluates their own case; the system only runs the jobs', () => {
    expect(permittedActions(resident, scope())).toEqual(['evaluate', 'explainDissatisfaction']);
    expect(permittedActions(resident, scope({ residentId: 8 }))).toEqual([]);
    expect(permittedActions(officer, scope())).not.toContain('evaluate');
    expect(permittedActions(system, scope()).sort()).toEqual(['deadlineStep', 'expireEvaluation', 'explainDissatisfaction', 'remindDeadline']);
    expect(actingRole(system, 'expireEvaluation', scope())).toBe('SYSTEM');
  });

  it('the most specific role is the one recorded', () => {
    const both = staff(role('DISTRICT_ADMIN', { regionId: 1 }), role('LIAISON_OFFICER', { stationId: 5 }));
    expect(actingRole(both, 'answer', scope())).toBe('LIAISON_OFFICER');
    expect(actingRole(both, 'answer', scope({ stationId: 6 }))).toBe('DISTRICT_ADMIN');
  });

  it('assertCan throws forbidden with the action', () => {
    expect(() => assertCan(otherOfficer, 'answer', scope())).toThrow(DomainError);
    expect(() => assertCan(otherOfficer, 'answer', scope())).toThrow(expect.objectContaining({ code: 'forbidden', key: 'error-forbidden', vars: { action: 'answer' } }));
    expect(assertCan(officer, 'answer', scope())).toBe('LIAISON_OFFICER');
  });

  it('viewing: staff in scope, the agency on what it was given, the resident on their own', () => {
    expect(viewingRole(officer, scope())).toBe('LIAISON_OFFICER');
    expect(viewingRole(agency, referred)).toBe('AGENCY_HANDLER');
    expect(viewingRole(agency, scope())).toBeNull();
    expect(viewingRole(representative, scope())).toBe('REPRESENTATIVE');
    expect(viewingRole(resident, scope())).toBe('RESIDENT');
    expect(viewingRole(otherStreetAdmin, scope())).toBeNull();
  });
});

