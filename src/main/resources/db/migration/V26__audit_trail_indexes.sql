-- The administrators' audit viewer (issue 14 item 3) reads the trail newest first, with or without a
-- period, and by action within a period. V1's (actor, occurred_at) and (case_ref, occurred_at) serve
-- the user and case filters; these two serve the rest without a pass over millions of rows.
-- The (action, ...) index also lets the viewer list the distinct actions by a skip scan.
create index ix_audit_record_time on audit_record (occurred_at, id);
create index ix_audit_record_action on audit_record (action, occurred_at, id);
