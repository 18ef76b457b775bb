-- Webhook subscriptions: a receiver URL, filters, the rights of whom it delivers for, and its place in the feed.
create table subscription (
    id                     uuid primary key,
    url                    varchar(2000) not null,
    description            varchar(200),
    types                  varchar(200)[] not null default '{}',
    base_types             varchar(200)[] not null default '{}',
    cluster_ids            uuid[]       not null default '{}',
    project_ids            uuid[]       not null default '{}',
    -- whose rights the deliveries follow (fixed at creation): what that caller may read in the change feed
    reader_secretariat     boolean      not null,
    reader_clusters        uuid[]       not null default '{}',
    reader_subject         varchar(200),
    organization_id        uuid,
    owner_subject          varchar(200) not null,
    secret                 varchar(100) not null,
    previous_secret        varchar(100),
    previous_secret_until  timestamptz,
    status                 varchar(20)  not null,
    disabled_reason        varchar(1000),
    disabled_at            timestamptz,
    failing_since          timestamptz,
    -- the last change seq fanned out into deliveries
    feed_position          bigint       not null,
    created_at             timestamptz  not null,
    updated_at             timestamptz  not null,
    version                bigint       not null default 0
);
create index subscription_owner_idx on subscription (owner_subject);

-- One row per change per subscription: the delivery log, the retry schedule and the dead letters.
create table delivery (
    id               uuid primary key,
    subscription_id  uuid         not null references subscription (id) on delete cascade,
    seq              bigint       not null,
    event_id         uuid         not null,
    event_type       varchar(200) not null,
    -- the aggregate ('' when the event named none): its deliveries go out one at a time, in seq order
    subject          varchar(200) not null,
    -- PENDING (to send, or to retry at next_attempt_at), DELIVERED, DEAD (given up; redeliver puts it back)
    status           varchar(20)  not null,
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null,
    first_attempt_at timestamptz,
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_error       varchar(1000),
    last_latency_ms  integer,
    delivered_at     timestamptz,
    created_at       timestamptz  not null,
    unique (subscription_id, event_id)
);
create index delivery_due_idx on delivery (next_attempt_at) where status = 'PENDING';
create index delivery_order_idx on delivery (subscription_id, subject, seq) where status = 'PENDING';
create index delivery_log_idx on delivery (subscription_id, seq desc);
