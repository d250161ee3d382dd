-- What happens after harvest: grain taken in at drying sites and sent on to storage, one row per movement, and
-- the crop sown on the field afterwards (收种衔接). Site occupancy is computed from the movements, never stored.

ALTER TABLE field ADD COLUMN next_crop crop_name;

CREATE TABLE drying_movement (
    id         bigserial     PRIMARY KEY,
    site_code  text          NOT NULL REFERENCES drying_site (code),
    field_code text          NOT NULL REFERENCES field (code),
    kind       text          NOT NULL CHECK (kind IN ('INTAKE', 'OUTFLOW')),
    tonnes     numeric(9, 2) NOT NULL CHECK (tonnes > 0),
    at         timestamptz   NOT NULL,
    -- The district-local date of at: a site's daily capacity and the daily report count by it.
    day        date          NOT NULL,
    actor      text          NOT NULL,
    created_at timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX drying_movement_site_day_idx ON drying_movement (site_code, day);
CREATE INDEX drying_movement_field_idx ON drying_movement (field_code);
