import { useSyncExternalStore } from 'react';
import { getStaffSession, subscribeToStaffSession, type StaffSession } from './staff-session';

export function useStaffSession(): StaffSession | null {
  return useSyncExternalStore(subscribeToStaffSession, getStaffSession);
}
