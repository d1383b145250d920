-- The review inbox's projection of open staff tasks (review.ReviewTaskProjection): one row per open
-- Camunda user task offered to a staff group or assigned to someone, written by task listeners in
-- the engine's own transaction, joined with the case's summary from the process's CaseAdapter. The
-- inbox reads only these tables, never Camunda's TaskQuery with variable filters.
create table review_task (
    task_id             varchar(64)  not null primary key,
    process_key         varchar(255) not null,
    process_instance_id varchar(64),
    business_key        varchar(255),
    task_key            varchar(255),
    task_name           varchar(255),
    assignee            varchar(255),
    -- when the current assignee took it (claim or assignment), for "already handled by X at T"
    assigned_at         timestamp with time zone,
    created_at          timestamp with time zone not null,
    due_at              timestamp with time zone,
    priority            integer      not null,
    case_ref            varchar(100),
    title               varchar(500),
    -- lower-cased title for fragment search (LIKE '%...%')
    title_lower         varchar(500),
    code                varchar(64),
    -- the case's received time, else the task's creation: never null, so RECEIVED sorts by index
    received_at         timestamp with time zone not null
);
-- MINE: my tasks by due date (B-tree ASC puts NULLs last on PostgreSQL, as the inbox sorts)
create index ix_review_task_assignee_due on review_task (assignee, due_at);
-- ALL and OVERDUE by due date; ALL by received and priority
create index ix_review_task_due on review_task (due_at);
create index ix_review_task_received on review_task (received_at);
create index ix_review_task_priority on review_task (priority, due_at);
-- exact searches
create index ix_review_task_code on review_task (code);
create index ix_review_task_case_ref on review_task (case_ref);
create index ix_review_task_process on review_task (process_key, due_at);

-- The candidate groups of each projected task. assignee and due_at repeat the task's, so UNCLAIMED
-- and OVERDUE in my groups are answered from one index (group, assignee, due) without a join per row.
create table review_task_group (
    task_id   varchar(64)  not null,
    group_id  varchar(255) not null,
    assignee  varchar(255),
    due_at    timestamp with time zone,
    constraint pk_review_task_group primary key (task_id, group_id),
    constraint fk_review_task_group_task foreign key (task_id) references review_task (task_id) on delete cascade
);
create index ix_review_task_group_inbox on review_task_group (group_id, assignee, due_at);

-- A name-fragment search scans title_lower. On PostgreSQL a trigram index makes it an index search:
--   create extension if not exists pg_trgm;
--   create index ix_review_task_title_trgm on review_task using gin (title_lower gin_trgm_ops);
-- It is not in this migration because H2 has neither the extension nor GIN indexes (see
-- docs/benchmarks.md for the figures with and without it).
