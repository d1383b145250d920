-- The inbox sorts by (due, task id), (received, task id) or (priority desc, due, task id): the task
-- id breaks ties so that pages never overlap. The V8 indexes lacked the tie-breaker (and the priority
-- index had the wrong direction), so PostgreSQL sorted every tie group of a first page: with many
-- tasks due at the same time that was a sort of thousands of rows. These indexes give the whole
-- order, so a first page reads its 50 rows and stops.
drop index ix_review_task_assignee_due;
drop index ix_review_task_due;
drop index ix_review_task_received;
drop index ix_review_task_priority;
drop index ix_review_task_group_inbox;

create index ix_review_task_assignee_due on review_task (assignee, due_at, task_id);
create index ix_review_task_due on review_task (due_at, task_id);
create index ix_review_task_received on review_task (received_at, task_id);
create index ix_review_task_priority on review_task (priority desc, due_at, task_id);
-- UNCLAIMED and OVERDUE in my groups: a group's unclaimed tasks by due date, and their count, from
-- the index alone
create index ix_review_task_group_inbox on review_task_group (group_id, assignee, due_at, task_id);
drop index ix_review_task_process;
create index ix_review_task_process on review_task (process_key, due_at, task_id);
