-- The kernel tests' effect: one row per applied event, written in the consumer's transaction.
create table kernel_effect (
    event_id   uuid        not null,
    note       text        not null,
    applied_at timestamptz not null default now()
);
