-- Who changed what and when. Rows are written in the transaction of the change they describe, so a change that
-- rolls back leaves no trace here. before/after hold the entity as the API shows it (null on creation / removal).

CREATE TABLE audit_event (
    id         bigserial   PRIMARY KEY,
    at         timestamptz NOT NULL,
    actor      text        NOT NULL,
    entity     text        NOT NULL CHECK (entity IN ('ASSIGNMENT', 'FIELD', 'MACHINE', 'PLAN')),
    entity_key text        NOT NULL,
    action     text        NOT NULL,
    before     jsonb,
    after      jsonb,
    CHECK (before IS NOT NULL OR after IS NOT NULL)
);

-- One entity's history, newest first; and a time range across everything.
CREATE INDEX audit_event_entity_idx ON audit_event (entity, entity_key, id);
CREATE INDEX audit_event_at_idx ON audit_event (at);
