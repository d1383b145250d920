-- Issue 12, process 2: an account deregistered by the four-eyes route keeps who approved it first and
-- second, beside its case number (deregistration_case_ref, V4). Null for accounts deregistered otherwise.
alter table enterprise_account add column deregistration_first_approver varchar(100);
alter table enterprise_account add column deregistration_second_approver varchar(100);
