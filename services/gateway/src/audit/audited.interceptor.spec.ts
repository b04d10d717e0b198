import { Logger, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { lastValueFrom, of, throwError } from 'rxjs';
import type { Actor } from '@openday/contracts';
import type { AuditRecord, AuditService } from './audit.service';
import { Audited, AuditedInterceptor, AuditedRead } from './audited.interceptor';
import type { PersonalDataReadRecord } from './personal-data-reads';

class PlansController {
  @Audited('plan.approved', { targetType: 'plan', targetId: 'param:id', agencyId: 'result:agencyId' })
  approve() {}

  @Audited('applications.exported', { targetType: 'open-day', targetId: 'result:openDayId' })
  exportApplications() {}

  @AuditedRead('roster', { targetType: 'session', targetId: 'param:sessionId' })
  roster() {}

  plain() {}
}

describe('@Audited', () => {
  const actor: Actor = { userId: '6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41', role: 'city-office', agencyId: 'city-office' };
  const recorded: Array<{ actor?: Actor; record: AuditRecord }> = [];
  const reads: Array<{ actor?: Actor; read: PersonalDataReadRecord }> = [];
  let failAudit = false;
  const audit = {
    record: async (_manager: unknown, who: Actor | undefined, record: AuditRecord) => {
      if (failAudit) throw new Error('database down');
      recorded.push({ actor: who, record });
    },
    recordPersonalDataRead: async (who: Actor | undefined, read: PersonalDataReadRecord) => {
      reads.push({ actor: who, read });
    },
  } as unknown as AuditService;
  const interceptor = new AuditedInterceptor(new Reflector(), audit);

  const context = (method: keyof PlansController) =>
    ({
      getHandler: () => PlansController.prototype[method],
      switchToHttp: () => ({ getRequest: () => ({ user: actor, params: { id: 'plan-7', sessionId: 'session-3' } }) }),
    }) as unknown as ExecutionContext;

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(() => {
    recorded.length = 0;
    reads.length = 0;
    failAudit = false;
  });

  it('records who did what to which target once the action succeeded', async () => {
    const result = await lastValueFrom(interceptor.intercept(context('approve'), { handle: () => of({ agencyId: 'tax-bureau', ok: true }) }));
    expect(result).toEqual({ agencyId: 'tax-bureau', ok: true });
    expect(recorded).toEqual([{ actor, record: { action: 'plan.approved', targetType: 'plan', targetId: 'plan-7', agencyId: 'tax-bureau' } }]);
  });

  it('takes the target from the result when told to', async () => {
    await lastValueFrom(interceptor.intercept(context('exportApplications'), { handle: () => of({ openDayId: 'od-1' }) }));
    expect(recorded[0].record).toMatchObject({ action: 'applications.exported', targetId: 'od-1', agencyId: null });
  });

  it('records a staff read of personal data with the list and the people in the answer', async () => {
    const page = { items: [{ personId: 'p1', maskedName: '张*三' }, { personId: 'p2', maskedName: '李*' }], counts: { issued: 2 } };
    expect(await lastValueFrom(interceptor.intercept(context('roster'), { handle: () => of(page) }))).toBe(page);
    expect(recorded).toEqual([]);
    expect(reads).toEqual([
      { actor, read: { list: 'roster', targetType: 'session', targetId: 'session-3', agencyId: null, openDayId: 'plan-7', sessionId: 'session-3', personIds: ['p1', 'p2'] } },
    ]);
  });

  it('records nothing when the action fails, or when the route is not audited', async () => {
    await expect(lastValueFrom(interceptor.intercept(context('approve'), { handle: () => throwError(() => new Error('409')) }))).rejects.toThrow('409');
    await lastValueFrom(interceptor.intercept(context('plain'), { handle: () => of(1) }));
    expect(recorded).toEqual([]);
  });

  it('still answers the caller when the audit entry cannot be written (and logs it)', async () => {
    failAudit = true;
    const result = await lastValueFrom(interceptor.intercept(context('approve'), { handle: () => of({ agencyId: 'x' }) }));
    expect(result).toEqual({ agencyId: 'x' });
  });
});
