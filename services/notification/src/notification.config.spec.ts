import { ConfigError, loadConfig } from '@openday/platform';
import { NotificationConfig } from './notification.config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(NotificationConfig, env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('NotificationConfig', () => {
  it('defaults to the local capture endpoint, a local SMTP server and the issue’s reminder and quiet-hour rules', () => {
    expect(loadConfig(NotificationConfig, {})).toMatchObject({
      PORT: 3004,
      SMS_PROVIDER_URL: 'http://127.0.0.1:3010/sms',
      SMTP_HOST: '127.0.0.1',
      DELIVERY_MAX_ATTEMPTS: 5,
      REMINDER_DAY_BEFORE_AT: '18:00',
      SECOND_REMINDER_HOURS_BEFORE: 2,
      QUIET_HOURS: '22:00-08:00',
      SMTP_SECURE: false,
    });
  });

  it.each([
    ['SMS_PROVIDER_URL', 'ftp://provider', 'SMS_PROVIDER_URL must be an http(s):// URL'],
    ['SMTP_PORT', 'abc', 'SMTP_PORT must be an integer between 1 and 65535'],
    ['SMTP_FROM', 'nobody', 'SMTP_FROM must be an e-mail address'],
    ['SMTP_SECURE', 'maybe', 'SMTP_SECURE must be true or false'],
    ['DELIVERY_MAX_ATTEMPTS', '0', 'DELIVERY_MAX_ATTEMPTS must be an integer between 1 and 20'],
    ['REMINDER_DAY_BEFORE_AT', '25:00', 'REMINDER_DAY_BEFORE_AT must be a time of day as HH:mm'],
    ['SECOND_REMINDER_HOURS_BEFORE', '-1', 'SECOND_REMINDER_HOURS_BEFORE must be an integer between 0 and 48'],
    ['QUIET_HOURS', '22-8', 'QUIET_HOURS must be HH:mm-HH:mm'],
    ['CONTACT_WAIT_MINUTES', 'soon', 'CONTACT_WAIT_MINUTES must be an integer between 1 and 10080'],
    ['PERSONAL_DATA_KEY', 'short', 'PERSONAL_DATA_KEY must be 32 bytes in base64'],
  ])('refuses a bad %s, naming it', (variable, value, problem) => {
    expect(problemsOf({ [variable]: value }).join('\n')).toContain(problem);
  });
});
