import type { DataSource } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { AgenciesService } from '../agencies/agencies.service';
import { AuditService } from '../audit/audit.service';
import type { GatewayConfig } from '../gateway.config';
import { DEMO_ACCOUNTS, DEMO_AGENCIES, DEMO_PASSWORD } from './demo-city';
import { Clock, SystemClock } from '@openday/platform';

/** What a seed step did, for the report. */
export interface SeedReport {
  lines: string[];
}

export interface SeedContext {
  dataSource: DataSource;
  config: GatewayConfig;
  clock: Clock;
  report: SeedReport;
}

/**
 * One idempotent part of the demo city: running it again changes nothing.
 * Later steps (open days in several states, applications, feedback) append
 * themselves to SEED_STEPS; a step that needs other services can call the
 * running platform's API with the demo logins of demo-city.ts.
 */
export interface SeedStep {
  name: string;
  run(context: SeedContext): Promise<void>;
}

export const agenciesStep: SeedStep = {
  name: 'agencies',
  async run({ dataSource, clock, report }) {
    const agencies = new AgenciesService(dataSource, new AuditService(dataSource, clock), clock);
    for (const agency of DEMO_AGENCIES) {
      const existing = await agencies.exists(dataSource.manager, agency.id);
      if (existing) {
        report.lines.push(`agency  ${agency.id.padEnd(22)} ${agency.name} (exists)`);
        continue;
      }
      await agencies.create(undefined, agency);
      report.lines.push(`agency  ${agency.id.padEnd(22)} ${agency.name} (created)`);
    }
  },
};

export const accountsStep: SeedStep = {
  name: 'staff accounts',
  async run({ dataSource, config, clock, report }) {
    const accounts = AccountsService.standalone(dataSource, config, clock);
    for (const account of DEMO_ACCOUNTS) {
      const rows: unknown[] = await dataSource.query('SELECT 1 FROM staff_accounts WHERE username = $1', [account.username]);
      const state = rows.length ? 'exists' : 'created';
      if (!rows.length) {
        await accounts.create(undefined, account.agencyId, {
          username: account.username,
          displayName: account.displayName,
          role: account.role,
          password: DEMO_PASSWORD,
        });
      }
      report.lines.push(`login   ${account.username.padEnd(16)} ${account.role.padEnd(19)} ${account.agencyId} (${state})`);
    }
  },
};

/** In order; open days in several states will be appended here. */
export const SEED_STEPS: SeedStep[] = [agenciesStep, accountsStep];

export async function seedDemoCity(
  dataSource: DataSource,
  config: GatewayConfig,
  steps: SeedStep[] = SEED_STEPS,
  clock: Clock = new SystemClock(),
): Promise<SeedReport> {
  const report: SeedReport = { lines: [] };
  for (const step of steps) await step.run({ dataSource, config, clock, report });
  return report;
}
