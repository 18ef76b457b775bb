-- What a corridor carries and how (issue: project taxonomy). Nullable: only corridors have them, and replicas still on
-- the previous version keep writing rows without them.
alter table project
    add column corridor_commodity      varchar(40),
    add column corridor_transport_mode varchar(40);
