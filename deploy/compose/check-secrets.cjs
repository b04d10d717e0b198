'use strict';
// docker compose's one-shot `secrets-check` service, which every service waits
// for: with NODE_ENV=production it refuses (exit 1, naming each variable) while
// a secret is unset or still the example value docker-compose.yml falls back to.
// Outside production the examples are fine. Plain Node, no dependencies: it runs
// in the Node image the service images are built from, with this file mounted.

/** The example values docker-compose.yml falls back to (`${NAME:-example}`), by variable. */
const EXAMPLE_SECRETS = {
  JWT_SECRET: ['compose-local-jwt-secret-change-me-0123456789'],
  MOBILE_HASH_KEY: ['compose-local-mobile-hash-key-change-me-0123'],
  PERSONAL_DATA_KEY: ['Y29tcG9zZS1sb2NhbC1wZXJzb25hbC1kYXRhLWtleSE='],
  PERSONAL_DATA_HASH_KEY: ['Y29tcG9zZS1sb2NhbC1wZXJzb25hbC1oYXNoLWtleSE='],
  POSTGRES_PASSWORD: ['postgres'],
  NATS_GATEWAY_PASSWORD: ['examplenatsgateway'],
  NATS_REGISTRATION_PASSWORD: ['examplenatsregistration'],
  NATS_VETTING_PASSWORD: ['examplenatsvetting'],
  NATS_SCHEDULING_PASSWORD: ['examplenatsscheduling'],
  NATS_NOTIFICATION_PASSWORD: ['examplenatsnotification'],
  NATS_FEEDBACK_PASSWORD: ['examplenatsfeedback'],
  NATS_DEADLETTERS_PASSWORD: ['examplenatsdeadletters'],
  NATS_SUBSCRIBER_PASSWORD: ['examplenatssubscriber'],
  NATS_SUBSCRIBERS_ADMIN_PASSWORD: ['examplenatssubscribersadmin'],
  NATS_SYSTEM_PASSWORD: ['examplenatssystem'],
};

/** The variables that must change before a production start: unset, empty or an example. None outside production. */
function exampleSecretsIn(env) {
  if (env.NODE_ENV !== 'production') return [];
  return Object.keys(EXAMPLE_SECRETS).filter((name) => !env[name] || EXAMPLE_SECRETS[name].includes(env[name]));
}

if (require.main === module) {
  const refused = exampleSecretsIn(process.env);
  if (refused.length) {
    process.stderr.write(
      `Refusing to start with NODE_ENV=production: ${refused.join(', ')} ${refused.length === 1 ? 'is' : 'are'} unset or the example value ` +
        'from docker-compose.yml. Set real secrets in the environment or an .env file (see deploy/README.md).\n',
    );
    process.exit(1);
  }
  process.stdout.write(`secrets checked (NODE_ENV=${process.env.NODE_ENV || 'unset'})\n`);
}

module.exports = { EXAMPLE_SECRETS, exampleSecretsIn };
