-- One database per service (docker-compose.yml mounts this folder as /docker-entrypoint-initdb.d; it runs
-- once, when the data volume is empty). They belong to POSTGRES_USER, the local-dev login of all the
-- services; in a cluster each service has its own role (deploy/k8s/components/cloudnative-pg).
CREATE DATABASE membership;
CREATE DATABASE project;
CREATE DATABASE kpi;
CREATE DATABASE delivery;
