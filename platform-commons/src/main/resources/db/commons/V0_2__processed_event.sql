-- Idempotent consumers: the id of every applied event, written in the same transaction as its effect.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     uuid         not null,
    event_type   varchar(200) not null,
    topic        varchar(200) not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
