-- Runs once, when the PostgreSQL container starts with an empty data directory.
-- One role and one database per service; a service's role can connect only to
-- its own database (CONNECT revoked from PUBLIC). Passwords equal the role
-- names: local use only (the Kubernetes set-up uses Secrets).
\set ON_ERROR_STOP on

CREATE ROLE openday_gateway LOGIN PASSWORD 'openday_gateway' NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE DATABASE openday_gateway OWNER openday_gateway ENCODING 'UTF8' TEMPLATE template0;
REVOKE CONNECT, TEMPORARY ON DATABASE openday_gateway FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE openday_gateway TO openday_gateway;

CREATE ROLE openday_registration LOGIN PASSWORD 'openday_registration' NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE DATABASE openday_registration OWNER openday_registration ENCODING 'UTF8' TEMPLATE template0;
REVOKE CONNECT, TEMPORARY ON DATABASE openday_registration FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE openday_registration TO openday_registration;

CREATE ROLE openday_vetting LOGIN PASSWORD 'openday_vetting' NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE DATABASE openday_vetting OWNER openday_vetting ENCODING 'UTF8' TEMPLATE template0;
REVOKE CONNECT, TEMPORARY ON DATABASE openday_vetting FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE openday_vetting TO openday_vetting;

CREATE ROLE openday_scheduling LOGIN PASSWORD 'openday_scheduling' NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE DATABASE openday_scheduling OWNER openday_scheduling ENCODING 'UTF8' TEMPLATE template0;
REVOKE CONNECT, TEMPORARY ON DATABASE openday_scheduling FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE openday_scheduling TO openday_scheduling;

CREATE ROLE openday_notification LOGIN PASSWORD 'openday_notification' NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE DATABASE openday_notification OWNER openday_notification ENCODING 'UTF8' TEMPLATE template0;
REVOKE CONNECT, TEMPORARY ON DATABASE openday_notification FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE openday_notification TO openday_notification;

CREATE ROLE openday_feedback LOGIN PASSWORD 'openday_feedback' NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE DATABASE openday_feedback OWNER openday_feedback ENCODING 'UTF8' TEMPLATE template0;
REVOKE CONNECT, TEMPORARY ON DATABASE openday_feedback FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE openday_feedback TO openday_feedback;
