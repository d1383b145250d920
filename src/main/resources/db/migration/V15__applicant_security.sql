-- Applicant security (issue 11, items 6, 7 and 9).
-- Server secrets generated when configuration gives none (one row per purpose, e.g. the key of the
-- access-code HMAC). Kept apart from the application's tables so a dump of those alone does not
-- carry the key; production sets REVIEWDESK_ACCESS_CODE_SECRET and never uses this table.
create table server_secret (
    purpose     varchar(64)  primary key,
    secret      varchar(200) not null,
    created_at  timestamp with time zone not null
);

-- One-time SMS codes that prove a contact mobile before a draft is created (MobileProofs). The code
-- is stored as a keyed hash; a proof is used once (used_at) and expires after a few minutes.
create table mobile_proof (
    id          varchar(36)  primary key,
    mobile      varchar(11)  not null,
    code_hash   varchar(100) not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone,
    attempts    integer      not null
);
create index ix_mobile_proof_expires on mobile_proof (expires_at);

-- The request an Idempotency-Key was first used with (SHA-256 of its canonical form): a retry with
-- another body is refused instead of being answered with the draft.
alter table registration_application add column idempotency_request_hash varchar(64);
