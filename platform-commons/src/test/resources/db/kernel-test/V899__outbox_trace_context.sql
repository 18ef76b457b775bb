-- What every service adds to db/commons' outbox in its own migration (V*__outbox_trace_context.sql): the columns
-- came after the commons migrations had been applied everywhere, so they live with the services.
alter table outbox_event
    add column trace_parent varchar(55),
    add column trace_state  varchar(512);
