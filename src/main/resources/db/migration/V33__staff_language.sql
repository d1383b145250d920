-- The UI language a staff member chose (issue 14 item 10), kept per user in the shared database so it
-- holds on every node and in every browser the user signs in from. No row: the browser's language.
create table staff_language (
    username   varchar(64) primary key,
    language   varchar(16) not null,
    chosen_at  timestamp with time zone not null
);
