-- Transactional outbox: a change event is written here in the same transaction as the change itself,
-- then relayed to Kafka (see org.tic.commons.outbox.OutboxRelay).
create table outbox_event (
    id             bigserial primary key,
    event_id       uuid         not null unique,
    topic          varchar(200) not null,
    aggregate_type varchar(100) not null,
    aggregate_id   varchar(100) not null,
    event_type     varchar(200) not null,
    payload        text         not null,
    actor          varchar(200),
    occurred_at    timestamptz  not null,
    published_at   timestamptz
);

-- The relay only ever scans unpublished rows, in id order.
create index outbox_event_pending_idx on outbox_event (id) where published_at is null;
create index outbox_event_published_idx on outbox_event (published_at) where published_at is not null;
