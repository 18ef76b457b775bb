-- One database per service, and one for Keycloak (docker-compose.yml mounts this folder as
-- /docker-entrypoint-initdb.d; it runs once, when the data volume is empty: on an older volume create the
-- new one by hand, see deploy/README.md). They belong to POSTGRES_USER, the local-dev login of all the
-- services and Keycloak; in a cluster each has its own role (deploy/k8s/components/cloudnative-pg).
CREATE DATABASE membership;
CREATE DATABASE project;
CREATE DATABASE kpi;
CREATE DATABASE delivery;
CREATE DATABASE keycloak;
