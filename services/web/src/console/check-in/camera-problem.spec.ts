import { cameraProblemOf, type CameraProblem } from './camera-problem';

const named = (name: string) => ({ name, message: 'm' });
const ok = { secure: true, hasMediaDevices: true };

describe('cameraProblemOf', () => {
  it.each<[string, unknown, { secure: boolean; hasMediaDevices: boolean }, CameraProblem]>([
    ['permission refused', named('NotAllowedError'), ok, 'denied'],
    ['old permission name', named('PermissionDeniedError'), ok, 'denied'],
    ['no camera', named('NotFoundError'), ok, 'no-camera'],
    ['no back camera', named('OverconstrainedError'), ok, 'no-camera'],
    ['another app holds it', named('NotReadableError'), ok, 'in-use'],
    ['blocked by policy', named('SecurityError'), ok, 'insecure'],
    ['plain http', named('NotAllowedError'), { secure: false, hasMediaDevices: false }, 'insecure'],
    ['no mediaDevices', undefined, { secure: true, hasMediaDevices: false }, 'unsupported'],
    ['anything else', new Error('boom'), ok, 'failed'],
    ['a string', 'boom', ok, 'failed'],
  ])('%s', (_name, error, context, expected) => {
    expect(cameraProblemOf(error, context)).toBe(expected);
  });
});
