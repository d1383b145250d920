-- Process 3 at the window: the clerk checks the walk-in applicant's original ID in person, so a case
-- started there records the applicant's ID document (type and number) to check it against. Online
-- cases leave both empty (their mobile is proven by SMS instead).
alter table name_change add column applicant_id_type varchar(40);
alter table name_change add column applicant_id_number varchar(18);
