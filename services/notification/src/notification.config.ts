import { IsBoolean, IsEmail, IsOptional, IsString, IsUrl, Matches } from 'class-validator';
import { BaseServiceConfig, EnvBoolean, EnvInt, WithPersonalDataKeys, WithPersonalDataRetention } from '@openday/platform';

const TIME_OF_DAY = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/**
 * Channels, retries, reminders and quiet hours. PERSONAL_DATA_KEY encrypts the contact
 * directory and addresses at rest (PERSONAL_DATA_HASH_KEY comes with the mixin; unused here).
 */
export class NotificationConfig extends WithPersonalDataRetention(WithPersonalDataKeys(BaseServiceConfig)) {
  override PORT = 3004;
  override DATABASE_URL = 'postgres://openday_notification:openday_notification@127.0.0.1:5432/openday_notification';
  override NATS_URL = ['nats://127.0.0.1:4222'];

  /** The SMS provider's HTTP endpoint; locally the capture endpoint (services/notification/src/sms-capture). */
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: '$property must be an http(s):// URL' })
  SMS_PROVIDER_URL = 'http://127.0.0.1:3010/sms';

  @IsString({ message: '$property must be a host name or address' })
  @Matches(/^[A-Za-z0-9.:-]{1,253}$/, { message: '$property must be a host name or address' })
  SMTP_HOST = '127.0.0.1';

  @EnvInt({ min: 1, max: 65_535 })
  SMTP_PORT = 1025;

  @IsEmail({ require_tld: false }, { message: '$property must be an e-mail address' })
  SMTP_FROM = 'open-day@localhost';

  @IsOptional()
  @IsString()
  SMTP_USER?: string;

  @IsOptional()
  @IsString()
  SMTP_PASSWORD?: string;

  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  @EnvBoolean()
  @IsBoolean({ message: '$property must be true or false' })
  SMTP_SECURE = false;

  /** Attempts per message and channel before it is failed for good. */
  @EnvInt({ min: 1, max: 20 })
  DELIVERY_MAX_ATTEMPTS = 5;

  /** First retry delay; each further retry waits twice as long (capped at an hour). */
  @EnvInt({ min: 10, max: 3_600_000 })
  DELIVERY_RETRY_BASE_MS = 5_000;

  /**
   * Deliveries a sender claims, sends at once and records per transaction. A crash after the
   * provider took them but before the commit sends that many again (with the same key).
   */
  @EnvInt({ min: 1, max: 500 })
  DELIVERY_BATCH_SIZE = 25;

  /** How often each replica looks for due deliveries, waiting messages and reminders. */
  @EnvInt({ min: 20, max: 60_000 })
  DELIVERY_POLL_MS = 500;

  /** Wall-clock time (Asia/Shanghai) of the reminder on the day before the session. */
  @Matches(TIME_OF_DAY, { message: '$property must be a time of day as HH:mm' })
  REMINDER_DAY_BEFORE_AT = '18:00';

  /** Hours before the session for a second reminder; 0 turns it off. */
  @EnvInt({ min: 0, max: 48 })
  SECOND_REMINDER_HOURS_BEFORE = 2;

  /** No reminder goes out in this window (Asia/Shanghai), e.g. 22:00-08:00. */
  @Matches(/^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$/, { message: '$property must be HH:mm-HH:mm, e.g. 22:00-08:00' })
  QUIET_HOURS = '22:00-08:00';

  /** How long a message waits for the recipient's contact details before it fails. */
  @EnvInt({ min: 1, max: 10_080 })
  CONTACT_WAIT_MINUTES = 60;
}
