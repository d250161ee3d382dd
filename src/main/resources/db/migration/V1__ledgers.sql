-- The bureau's ledgers. Codes are the bureau's own keys (they appear in Excel, SMS and the app), so other
-- ledgers refer to them by code; rows are retired, never deleted, so plans and history keep their references.

CREATE DOMAIN ledger_code AS text CHECK (VALUE ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$');
CREATE DOMAIN e164_phone AS text CHECK (VALUE ~ '^\+[1-9][0-9]{6,14}$');
CREATE DOMAIN latitude AS double precision CHECK (VALUE BETWEEN -90 AND 90);
CREATE DOMAIN longitude AS double precision CHECK (VALUE BETWEEN -180 AND 180);
CREATE DOMAIN crop_name AS text CHECK (VALUE ~ '^[A-Z][A-Z_]{0,31}$');

CREATE TABLE community (
    id         bigserial PRIMARY KEY,
    code       ledger_code NOT NULL UNIQUE,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    street     text        NOT NULL CHECK (length(street) BETWEEN 1 AND 100),
    lat        latitude    NOT NULL,
    lon        longitude   NOT NULL,
    version    bigint      NOT NULL DEFAULT 0,
    retired_at timestamptz
);
CREATE INDEX community_street_idx ON community (street);

CREATE TABLE farmer (
    id                bigserial PRIMARY KEY,
    code              ledger_code NOT NULL UNIQUE,
    name              text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    phone             e164_phone,
    community_code    text        NOT NULL REFERENCES community (code),
    labor_short       boolean     NOT NULL DEFAULT false,
    elderly           boolean     NOT NULL DEFAULT false,
    language          text        NOT NULL DEFAULT 'zh-CN' CHECK (language IN ('zh-CN', 'en')),
    sms_opted_out_at  timestamptz,
    version           bigint      NOT NULL DEFAULT 0,
    retired_at        timestamptz
);
CREATE INDEX farmer_community_idx ON farmer (community_code);
CREATE INDEX farmer_needs_help_idx ON farmer (community_code) WHERE labor_short OR elderly;

CREATE TABLE field (
    id                       bigserial PRIMARY KEY,
    code                     ledger_code   NOT NULL UNIQUE,
    farmer_code              text          NOT NULL REFERENCES farmer (code),
    community_code           text          NOT NULL REFERENCES community (code),
    name                     text          NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    crop                     crop_name     NOT NULL,
    area_mu                  numeric(9, 2) NOT NULL CHECK (area_mu > 0 AND area_mu <= 10000),
    lat                      latitude      NOT NULL,
    lon                      longitude     NOT NULL,
    ripe_from                timestamptz   NOT NULL,
    expected_yield_kg_per_mu numeric(6, 1) NOT NULL CHECK (expected_yield_kg_per_mu > 0 AND expected_yield_kg_per_mu <= 2000),
    status                   text          NOT NULL DEFAULT 'REGISTERED'
        CHECK (status IN ('REGISTERED', 'SCHEDULED', 'HARVESTING', 'HARVESTED', 'DRYING', 'STORED', 'SOWN')),
    version                  bigint        NOT NULL DEFAULT 0,
    retired_at               timestamptz
);
CREATE INDEX field_community_status_idx ON field (community_code, status);
CREATE INDEX field_status_idx ON field (status);
CREATE INDEX field_farmer_idx ON field (farmer_code);
CREATE INDEX field_crop_idx ON field (crop);

CREATE TABLE machine (
    id                   bigserial PRIMARY KEY,
    code                 ledger_code   NOT NULL UNIQUE,
    kind                 text          NOT NULL CHECK (kind IN ('COMBINE', 'SEEDER')),
    plate                text          CHECK (length(plate) <= 20),
    model                text          CHECK (length(model) <= 50),
    capacity_mu_per_hour numeric(5, 2) NOT NULL CHECK (capacity_mu_per_hour > 0 AND capacity_mu_per_hour <= 100),
    crops                text[]        NOT NULL CHECK (cardinality(crops) >= 1),
    operator_name        text          CHECK (length(operator_name) <= 100),
    operator_phone       e164_phone,
    base_lat             latitude      NOT NULL,
    base_lon             longitude     NOT NULL,
    origin               text          NOT NULL CHECK (length(origin) BETWEEN 1 AND 100),
    available_from       timestamptz,
    available_until      timestamptz,
    version              bigint        NOT NULL DEFAULT 0,
    retired_at           timestamptz,
    CHECK (available_until IS NULL OR available_from IS NULL OR available_until > available_from)
);
CREATE INDEX machine_kind_idx ON machine (kind);
CREATE INDEX machine_origin_idx ON machine (origin);
CREATE INDEX machine_crops_idx ON machine USING gin (crops);

CREATE TABLE drying_site (
    id                      bigserial PRIMARY KEY,
    code                    ledger_code   NOT NULL UNIQUE,
    name                    text          NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    kind                    text          NOT NULL CHECK (kind IN ('DRYER', 'INDOOR', 'YARD')),
    community_code          text          NOT NULL REFERENCES community (code),
    lat                     latitude      NOT NULL,
    lon                     longitude     NOT NULL,
    capacity_tonnes_per_day numeric(7, 1) NOT NULL CHECK (capacity_tonnes_per_day > 0 AND capacity_tonnes_per_day <= 5000),
    rain_usable             boolean       NOT NULL,
    contact_name            text          CHECK (length(contact_name) <= 100),
    contact_phone           e164_phone,
    version                 bigint        NOT NULL DEFAULT 0,
    retired_at              timestamptz
);
CREATE INDEX drying_site_community_idx ON drying_site (community_code);
CREATE INDEX drying_site_kind_idx ON drying_site (kind);

CREATE TABLE team (
    id             bigserial PRIMARY KEY,
    code           ledger_code NOT NULL UNIQUE,
    name           text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    kind           text        NOT NULL CHECK (kind IN ('PARTY_MEMBER', 'MILITIA')),
    leader_name    text        NOT NULL CHECK (length(leader_name) BETWEEN 1 AND 100),
    leader_phone   e164_phone  NOT NULL,
    members        integer     NOT NULL CHECK (members BETWEEN 1 AND 500),
    community_code text        NOT NULL REFERENCES community (code),
    version        bigint      NOT NULL DEFAULT 0,
    retired_at     timestamptz
);
CREATE INDEX team_community_idx ON team (community_code);

CREATE TABLE aid_station (
    id             bigserial PRIMARY KEY,
    code           ledger_code NOT NULL UNIQUE,
    name           text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    community_code text        NOT NULL REFERENCES community (code),
    lat            latitude    NOT NULL,
    lon            longitude   NOT NULL,
    offers         text[]      NOT NULL CHECK (offers <@ ARRAY ['MEALS', 'WATER', 'COOLING']::text[]),
    version        bigint      NOT NULL DEFAULT 0,
    retired_at     timestamptz
);
CREATE INDEX aid_station_community_idx ON aid_station (community_code);
