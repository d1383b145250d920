-- Previews that failed (mostly: the document store was away) are rendered again by a scheduled
-- round on one node (PreviewRetry), a bounded number of times per document.
alter table document add column preview_attempts integer default 0 not null;
insert into scheduled_lock (name, locked_until, locked_by)
values ('documents.preview-retry', timestamp with time zone '1970-01-01 00:00:00+00:00', null);
