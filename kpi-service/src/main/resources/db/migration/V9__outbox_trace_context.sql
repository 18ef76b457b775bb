-- The trace context (W3C traceparent/tracestate) of the write that recorded an event, so the relay's publish and
-- every consumer's processing join that write's trace (platform-commons OutboxWriter/OutboxRelay). Nullable: rows
-- written without a trace, and replicas still on the previous version, leave it empty.
alter table outbox_event
    add column trace_parent varchar(55),
    add column trace_state  varchar(512);
