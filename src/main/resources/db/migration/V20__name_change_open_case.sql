-- Process 3, issue 12: one open name change per credit code, held by the database on every node
-- (as representative_change.open_uscc, V17). open_uscc holds the code while the case is open (a
-- started case waiting for its licence included) and is NULL once it ends; its unique constraint
-- refuses a second open case for the code whatever node starts it.
-- A case may now be started first and its licence uploaded and submitted afterwards (the public
-- API, the window): submitted_at; the review's due date on the working-day calendar, and the
-- working days left while the licence is asked for again (the clock pauses): review_due, review_days_left.
alter table name_change add column open_uscc varchar(18);
alter table name_change add column submitted_at timestamp with time zone;
alter table name_change add column review_due timestamp with time zone;
alter table name_change add column review_days_left integer;

-- cases submitted before this version were started and submitted at once
update name_change set submitted_at = created_at;
-- the newest open case of each code holds it (the service already refused a second one)
update name_change set open_uscc = uscc
 where state in ('CHECKING', 'IN_REVIEW', 'AWAITING_LICENCE')
   and id = (select max(o.id) from name_change o
              where o.uscc = name_change.uscc and o.state in ('CHECKING', 'IN_REVIEW', 'AWAITING_LICENCE'));

alter table name_change add constraint uk_name_change_open_uscc unique (open_uscc);
