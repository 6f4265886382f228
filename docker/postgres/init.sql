-- One database per service in scripts/services.json (architecture §2; checked by
-- libs/testing/src/service-registry.spec.ts). Runs once, when the data volume is created: on an existing volume
-- a new service's database is created by `docker compose exec postgres createdb -U postgres <database>`.
CREATE DATABASE intake;
CREATE DATABASE workflow;
CREATE DATABASE notification;
CREATE DATABASE postal;
CREATE DATABASE portal;
