-- Working-day calendar (rules capability). The statutory holidays and adjusted working days come
-- from the tyme4j data package; these tables hold what the package cannot know.

-- A day whose working status an administrator set by hand (a new State Council notice, a local
-- holiday); it wins over the data package and over the weekend rule.
create table working_day_override (
    calendar_day date         not null,
    working      boolean      not null,
    note         varchar(200),
    created_by   varchar(100) not null,
    created_at   timestamp with time zone not null,
    constraint pk_working_day_override primary key (calendar_day)
);

-- Years after the data package's last one: when a working day there was first asked for (the
-- answer counted weekends only, and operators are warned), and whether an administrator
-- confirmed the year's holidays are all entered as overrides (then nobody is warned). Shared by
-- every node of the cluster.
create table working_day_year_beyond_data (
    calendar_year   integer      not null,
    first_asked_day date,
    first_asked_at  timestamp with time zone,
    confirmed_by    varchar(100),
    confirmed_at    timestamp with time zone,
    constraint pk_working_day_year_beyond_data primary key (calendar_year)
);
