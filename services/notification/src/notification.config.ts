import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';
import { BaseServiceConfig, EnvBoolean, WithPersonalDataKeys, WithPersonalDataRetention } from '@openday/platform';

const int = (min: number, max: number) => ({ message: `$property must be an integer between ${min} and ${max}` });
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

  @Type(() => Number)
  @IsInt(int(1, 65535))
  @Min(1, int(1, 65535))
  @Max(65535, int(1, 65535))
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
  @Type(() => Number)
  @IsInt(int(1, 20))
  @Min(1, int(1, 20))
  @Max(20, int(1, 20))
  DELIVERY_MAX_ATTEMPTS = 5;

  /** First retry delay; each further retry waits twice as long (capped at an hour). */
  @Type(() => Number)
  @IsInt(int(10, 3_600_000))
  @Min(10, int(10, 3_600_000))
  @Max(3_600_000, int(10, 3_600_000))
  DELIVERY_RETRY_BASE_MS = 5_000;

  /**
   * Deliveries a sender claims, sends at once and records per transaction. A crash after the
   * provider took them but before the commit sends that many again (with the same key).
   */
  @Type(() => Number)
  @IsInt(int(1, 500))
  @Min(1, int(1, 500))
  @Max(500, int(1, 500))
  DELIVERY_BATCH_SIZE = 25;

  /** How often each replica looks for due deliveries, waiting messages and reminders. */
  @Type(() => Number)
  @IsInt(int(20, 60_000))
  @Min(20, int(20, 60_000))
  @Max(60_000, int(20, 60_000))
  DELIVERY_POLL_MS = 500;

  /** Wall-clock time (Asia/Shanghai) of the reminder on the day before the session. */
  @Matches(TIME_OF_DAY, { message: '$property must be a time of day as HH:mm' })
  REMINDER_DAY_BEFORE_AT = '18:00';

  /** Hours before the session for a second reminder; 0 turns it off. */
  @Type(() => Number)
  @IsInt(int(0, 48))
  @Min(0, int(0, 48))
  @Max(48, int(0, 48))
  SECOND_REMINDER_HOURS_BEFORE = 2;

  /** No reminder goes out in this window (Asia/Shanghai), e.g. 22:00-08:00. */
  @Matches(/^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$/, { message: '$property must be HH:mm-HH:mm, e.g. 22:00-08:00' })
  QUIET_HOURS = '22:00-08:00';

  /** How long a message waits for the recipient's contact details before it fails. */
  @Type(() => Number)
  @IsInt(int(1, 10_080))
  @Min(1, int(1, 10_080))
  @Max(10_080, int(1, 10_080))
  CONTACT_WAIT_MINUTES = 60;
}
