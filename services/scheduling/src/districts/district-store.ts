/** The district list's persistence: hand-written SQL on the caller's transaction (its EntityManager). */
import type { EntityManager } from 'typeorm';

/** A district of the city, as the city office keeps it; deactivated rather than deleted. Listed in the order it was added (position). */
export interface District {
  code: string;
  nameZh: string;
  nameEn: string;
  active: boolean;
}

const DISTRICT_COLUMNS = `code, name_zh AS "nameZh", name_en AS "nameEn", active`;

export function listDistricts(manager: EntityManager, includeInactive: boolean): Promise<District[]> {
  return manager.query(`SELECT ${DISTRICT_COLUMNS} FROM districts WHERE $1 OR active ORDER BY position`, [includeInactive]);
}

/** Adds an active district at the end of the list; a code already there is a unique violation. */
export async function insertDistrict(manager: EntityManager, district: Omit<District, 'active'>): Promise<void> {
  await manager.query(`INSERT INTO districts (code, name_zh, name_en, active) VALUES ($1, $2, $3, true)`, [district.code, district.nameZh, district.nameEn]);
}

/** The district, its row locked for the transaction; null when there is none. */
export async function lockDistrict(manager: EntityManager, code: string): Promise<District | null> {
  const [district] = (await manager.query(`SELECT ${DISTRICT_COLUMNS} FROM districts WHERE code = $1 FOR UPDATE`, [code])) as District[];
  return district ?? null;
}

export async function updateDistrict(manager: EntityManager, district: District, updatedAt: Date): Promise<void> {
  await manager.query(`UPDATE districts SET name_zh = $2, name_en = $3, active = $4, updated_at = $5 WHERE code = $1`, [
    district.code,
    district.nameZh,
    district.nameEn,
    district.active,
    updatedAt,
  ]);
}

export async function activeDistrictCodeList(manager: EntityManager): Promise<string[]> {
  const rows = (await manager.query(`SELECT code FROM districts WHERE active`)) as Array<{ code: string }>;
  return rows.map((row) => row.code);
}
