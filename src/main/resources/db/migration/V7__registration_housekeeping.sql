-- Housekeeping of registrations (RegistrationHousekeeping): ID scans are purged a configurable time
-- after the final decision, abandoned drafts are deleted. id_scans_purged_at says when the ID scans
-- of an application went (the job skips it from then on; staff and the applicant can be told).
alter table registration_application add column id_scans_purged_at timestamp with time zone;
-- the job's question: decided, not yet purged, oldest decision first
create index ix_registration_id_scan_retention on registration_application (id_scans_purged_at, decided_at);

insert into scheduled_lock (name, locked_until, locked_by)
values ('registration.housekeeping', timestamp with time zone '1970-01-01 00:00:00+00:00', null);
