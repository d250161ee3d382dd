-- Harvest plans: what was asked, how the solve went, and the assignments it produced. At most one plan is
-- published at a time; a revision (re-plan) points at the published plan it revises.

CREATE TABLE plan (
    id                 bigserial PRIMARY KEY,
    strategy           text        NOT NULL CHECK (strategy IN ('PLANNER', 'GREEDY')),
    state              text        NOT NULL CHECK (state IN ('QUEUED', 'SOLVING', 'SOLVED', 'FAILED')),
    publication        text        NOT NULL DEFAULT 'DRAFT' CHECK (publication IN ('DRAFT', 'PUBLISHED', 'SUPERSEDED')),
    first_day          date        NOT NULL,
    days               int         NOT NULL CHECK (days BETWEEN 1 AND 31),
    communities        text[],
    fields             text[],
    machines           text[],
    time_limit_seconds int         NOT NULL CHECK (time_limit_seconds BETWEEN 1 AND 3600),
    rules              jsonb       NOT NULL,
    revises            bigint      REFERENCES plan (id),
    pinned_before      timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    started_at         timestamptz,
    finished_at        timestamptz,
    heartbeat_at       timestamptz NOT NULL DEFAULT now(),
    best_score         text,
    stopped_early      boolean     NOT NULL DEFAULT false,
    failure            text,
    published_at       timestamptz,
    outcome            jsonb,
    CHECK ((state = 'FAILED') = (failure IS NOT NULL)),
    CHECK (publication = 'DRAFT' OR state = 'SOLVED'),
    CHECK ((state = 'SOLVED') = (outcome IS NOT NULL))
);
CREATE UNIQUE INDEX plan_one_published_idx ON plan (publication) WHERE publication = 'PUBLISHED';
-- The zombie sweep looks only at plans that are still queued or solving.
CREATE INDEX plan_unfinished_idx ON plan (heartbeat_at) WHERE state IN ('QUEUED', 'SOLVING');

CREATE TABLE plan_assignment (
    plan_id          bigint        NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    chunk_id         text          NOT NULL,
    field_code       text          NOT NULL REFERENCES field (code),
    machine_code     text          NOT NULL REFERENCES machine (code),
    sequence         int           NOT NULL CHECK (sequence >= 1),
    start_at         timestamptz   NOT NULL,
    end_at           timestamptz   NOT NULL,
    area_mu          numeric(10, 2) NOT NULL CHECK (area_mu > 0),
    yield_kg         numeric(12, 1) NOT NULL CHECK (yield_kg >= 0),
    drying_site_code text          REFERENCES drying_site (code),
    team_code        text          REFERENCES team (code),
    travel_km        numeric(8, 2) NOT NULL CHECK (travel_km >= 0),
    status           text          NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED', 'CONFIRMED', 'STARTED', 'DONE')),
    pinned           boolean       NOT NULL DEFAULT false,
    PRIMARY KEY (plan_id, chunk_id),
    UNIQUE (plan_id, machine_code, sequence),
    CHECK (end_at > start_at)
);
CREATE INDEX plan_assignment_field_idx ON plan_assignment (plan_id, field_code);
