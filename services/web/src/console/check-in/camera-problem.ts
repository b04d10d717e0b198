/**
 * Why the camera did not start, as a word the person at the door can act on (the browser's
 * getUserMedia errors are DOMExceptions named by the Media Capture spec). Typing the code
 * works whatever this says.
 */
export type CameraProblem = 'denied' | 'no-camera' | 'in-use' | 'insecure' | 'unsupported' | 'failed';

export function cameraProblemOf(error: unknown, context: { secure: boolean; hasMediaDevices: boolean }): CameraProblem {
  if (!context.secure) return 'insecure';
  if (!context.hasMediaDevices) return 'unsupported';
  const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'no-camera';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'in-use';
    case 'SecurityError':
      return 'insecure';
    case 'NotSupportedError':
    case 'TypeError':
      return 'unsupported';
    default:
      return 'failed';
  }
}
