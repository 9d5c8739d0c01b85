-- The versions of a service form one chain (see catalogue/service.rules.ts): no two start at the same
-- instant and at most one is open-ended. The database holds the chain even against a writer that
-- skipped the service lock.
DROP INDEX service_versions_service_idx;
-- Also the index behind findServiceAt: the version in force is one backward step from (service_id, at).
CREATE UNIQUE INDEX service_versions_start_key ON service_versions (service_id, effective_from);
CREATE UNIQUE INDEX service_versions_open_key ON service_versions (service_id) WHERE effective_to IS NULL;
-- "Which services does this unit answer for", and the foreign key's delete check.
CREATE INDEX service_versions_unit_idx ON service_versions (unit_id);
