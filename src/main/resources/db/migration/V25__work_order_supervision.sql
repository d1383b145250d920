-- The hotline supervisors' figures (HotlineSupervision): each period figure reads the orders whose
-- dispatch, sign, reply or close falls in the period, one index per time; the overdue figure reads the
-- open orders by state. The month's export reads closed_at.
create index ix_work_order_created on work_order (created_at);
create index ix_work_order_dispatched on work_order (dispatched_at);
create index ix_work_order_signed on work_order (signed_at);
create index ix_work_order_replied on work_order (replied_at);
create index ix_work_order_closed on work_order (closed_at);
create index ix_work_order_state on work_order (state);
