-- Issue 14 (review): automatic assignment (item 5) and decisions counted by their outcome (item 18).
-- Portable SQL (H2 and PostgreSQL).

-- Automatic assignment, switched on by a supervisor per process and candidate group: a row means on
-- (off by default: no rows). Who changed it last and when; every change is also in audit_record.
create table review_auto_assign (
    process_key  varchar(255) not null,
    group_id     varchar(255) not null,
    changed_by   varchar(100) not null,
    changed_at   timestamp with time zone not null,
    constraint pk_review_auto_assign primary key (process_key, group_id)
);

-- Who is present for automatic assignment, set by the reviewer: present on one business day (the next
-- day nobody is present until they say so again, so someone on leave never gets new work). Absent: no
-- row. The assignment locks the present candidates' rows, so two tasks created at once on two nodes
-- count each other's assignment before choosing (see review.AutoAssignment).
create table review_presence (
    username    varchar(255) not null primary key,
    present_on  date         not null,
    changed_at  timestamp with time zone not null
);

-- Why the current assignee holds the task, when it was not their own claim or a supervisor's act:
-- 'AUTO' for automatic assignment; cleared at the next change of assignee.
alter table review_task add column assigned_reason varchar(20);

-- The outcome of a decided task of a process that reviews applications, written with the completion in
-- the engine's transaction: APPROVED, REJECTED or DOCUMENTS_REQUESTED. The dashboard joins it to the
-- engine's task history by task id (a request for documents is no finished decision).
create table review_outcome (
    task_id      varchar(64)  not null primary key,
    process_key  varchar(255) not null,
    outcome      varchar(30)  not null
);
