-- The hotline's case screen (issue 13) and the audited reveal of personal data (issue 14 item 2).
-- Portable SQL (H2 and PostgreSQL).

-- A caller gives a mobile number: the accounts whose representative's mobile it is, and the cases
-- whose contact mobile it is. Every table keeps mobiles normalised (11 digits, rules.MobileNumberValidator),
-- so a B-tree index on the value answers an exact lookup; none of them held one.
create index ix_enterprise_account_rep_mobile on enterprise_account (rep_mobile);
create index ix_registration_contact_mobile on registration_application (contact_mobile);
create index ix_representative_change_contact_mobile on representative_change (contact_mobile);
create index ix_name_change_applicant_mobile on name_change (applicant_mobile);

-- How many full values (a mobile, an ID number) each staff member has revealed on a business day,
-- for the daily limit. One row per user and day; a conditional update counts, so parallel reveals on
-- several nodes never pass the limit. What was revealed, by whom and when is in audit_record.
create table personal_data_reveal_count (
    actor       varchar(100) not null,
    reveal_day  date         not null,
    revealed    integer      not null,
    constraint pk_personal_data_reveal_count primary key (actor, reveal_day)
);
