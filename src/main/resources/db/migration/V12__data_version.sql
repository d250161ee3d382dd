-- One number that changes whenever anything a dispatcher's or operator's read shows has changed: the ledgers,
-- forecasts, plans and their assignments, the day's work. Reads are cached by it and answer If-None-Match with it.
-- The bump is a deferred trigger, so it runs at commit after every other lock a transaction takes: writers meet on
-- this row only for the moment of their commit and cannot deadlock on it. A transaction bumps it once.
CREATE TABLE data_version (
    id         boolean PRIMARY KEY DEFAULT true CHECK (id),
    version    bigint  NOT NULL,
    changed_by xid8
);
INSERT INTO data_version (version) VALUES (1);

CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE data_version SET version = version + 1, changed_by = pg_current_xact_id()
    WHERE changed_by IS DISTINCT FROM pg_current_xact_id();
    RETURN NULL;
END
$$;

DO $$
DECLARE
    shown text;
BEGIN
    FOREACH shown IN ARRAY ARRAY['community', 'farmer', 'field', 'machine', 'drying_site', 'team', 'aid_station',
                                 'forecast', 'forecast_hour', 'window_change', 'plan_assignment', 'machine_breakdown',
                                 'harvest_work', 'disruption', 'drying_movement']
    LOOP
        EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I
                        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version()',
                       shown || '_changes_data_version', shown);
    END LOOP;
END
$$;

-- a solving plan's heartbeat and best score change every second and no cached read shows them
CREATE CONSTRAINT TRIGGER plan_changes_data_version
    AFTER INSERT OR DELETE OR UPDATE OF state, publication, outcome, failure, published_at ON plan
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
