-- The case search (review.CaseIndex, /cases): one row per case of every process, in any state,
-- written by each process in the transaction that creates the case or changes its state, so that a
-- case with no open task (waiting for the applicant, approved, rejected) is found by number, credit
-- code or name. phase is the state across processes (review.CasePhase); state and state_key are the
-- process's own state and its message key.
create table review_case (
    case_ref     varchar(100) not null primary key,
    process_key  varchar(255) not null,
    phase        varchar(30)  not null,
    state        varchar(40)  not null,
    state_key    varchar(120) not null,
    code         varchar(64),
    title        varchar(500),
    -- lower-cased title for fragment search (LIKE '%...%'; on PostgreSQL through V29.1's bigram index)
    title_lower  varchar(500),
    created_at   timestamp with time zone not null,
    received_at  timestamp with time zone,
    decided_by   varchar(255),
    decided_at   timestamp with time zone,
    updated_at   timestamp with time zone not null
);
-- the list is newest first; every filter's index ends with the same order so a page reads its rows and stops
create index ix_review_case_created on review_case (created_at, case_ref);
create index ix_review_case_process on review_case (process_key, created_at, case_ref);
create index ix_review_case_phase on review_case (phase, created_at, case_ref);
create index ix_review_case_code on review_case (code, created_at);
create index ix_review_case_received on review_case (received_at);
create index ix_review_case_decided_by on review_case (decided_by, created_at);

-- Back-fill of the cases that exist (a snapshot of each process's state mapping at this version;
-- from here on the processes write their rows). Registration drafts are not cases yet: they have no
-- number and are not received.
insert into review_case (case_ref, process_key, phase, state, state_key, code, title, title_lower, created_at, received_at,
                         decided_by, decided_at, updated_at)
select number, 'registration',
       case state when 'AWAITING_SUPPLEMENT' then 'WAITING_APPLICANT' when 'APPROVED' then 'COMPLETED'
                  when 'REJECTED' then 'REJECTED' when 'WITHDRAWN' then 'ENDED' when 'STOPPED' then 'ENDED'
                  else 'IN_PROGRESS' end,
       state, 'registration.state.' || state, upper(uscc), name, lower(name), created_at, submitted_at,
       case when state in ('APPROVED', 'REJECTED') then decided_by end, decided_at, current_timestamp
from registration_application where number is not null and state <> 'DRAFT';

insert into review_case (case_ref, process_key, phase, state, state_key, code, title, title_lower, created_at, received_at,
                         decided_by, decided_at, updated_at)
select number, 'representativeChange',
       case state when 'AWAITING_DOCUMENTS' then 'WAITING_APPLICANT' when 'AWAITING_SUPPLEMENT' then 'WAITING_APPLICANT'
                  when 'DEREGISTERED' then 'COMPLETED' when 'REJECTED' then 'REJECTED'
                  when 'STOPPED' then 'ENDED' when 'WITHDRAWN' then 'ENDED' else 'IN_PROGRESS' end,
       state, 'representative.state.' || state, upper(uscc), account_name, lower(account_name), created_at, submitted_at,
       case when state in ('DEREGISTERED', 'REJECTED') then coalesce(second_approver, first_reviewer) end, decided_at,
       current_timestamp
from representative_change where number is not null;

insert into review_case (case_ref, process_key, phase, state, state_key, code, title, title_lower, created_at, received_at,
                         decided_by, decided_at, updated_at)
select number, 'nameChange',
       case state when 'STARTED' then 'WAITING_APPLICANT' when 'AWAITING_LICENCE' then 'WAITING_APPLICANT'
                  when 'RENAMED' then 'COMPLETED' when 'REJECTED' then 'REJECTED'
                  when 'STOPPED' then 'ENDED' when 'WITHDRAWN' then 'ENDED' else 'IN_PROGRESS' end,
       state, 'namechange.state.' || state, upper(uscc), old_name || ' → ' || new_name, lower(old_name || ' → ' || new_name),
       created_at, submitted_at, case when state in ('RENAMED', 'REJECTED') then reviewer end, renamed_at, current_timestamp
from name_change;

insert into review_case (case_ref, process_key, phase, state, state_key, code, title, title_lower, created_at, received_at,
                         decided_by, decided_at, updated_at)
select number, 'workOrder',
       case state when 'ANSWERED' then 'COMPLETED' when 'CLOSED' then 'COMPLETED' when 'MERGED' then 'ENDED'
                  else 'IN_PROGRESS' end,
       state, 'workorders.state.' || state, upper(uscc), substring(description from 1 for 80),
       lower(substring(description from 1 for 80)), created_at, created_at, null, closed_at, current_timestamp
from work_order;

-- the case page lists a case's internal comments by its number (every process instance of the case)
create index ix_review_comment_case on review_comment (case_ref, created_at);
