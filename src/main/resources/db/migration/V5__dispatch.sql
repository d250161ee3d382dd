-- The daily dispatch: assignments follow the work in the field, operators report what they harvested, and
-- disruptions wait for the draft re-plan that answers them.

ALTER TABLE plan_assignment DROP CONSTRAINT plan_assignment_status_check;
UPDATE plan_assignment SET status = 'IN_PROGRESS' WHERE status = 'STARTED';
ALTER TABLE plan_assignment ADD CONSTRAINT plan_assignment_status_check
    CHECK (status IN ('PLANNED', 'NOTIFIED', 'CONFIRMED', 'IN_PROGRESS', 'DONE', 'CANCELLED', 'FAILED'));

-- Work reported on a chunk of a field, whichever plan it was in: a progress report adds the mu done since the
-- last one, finishing adds the rest and the tonnes, and names the chunk's planned area (the field is harvested
-- when its finished chunks cover it). A finished chunk is not planned again.
CREATE TABLE harvest_work (
    id           bigserial      PRIMARY KEY,
    chunk_id     text           NOT NULL,
    field_code   text           NOT NULL REFERENCES field (code),
    machine_code text           NOT NULL REFERENCES machine (code),
    plan_id      bigint         NOT NULL REFERENCES plan (id),
    mu           numeric(10, 2) NOT NULL CHECK (mu >= 0),
    tonnes       numeric(9, 2)  NOT NULL DEFAULT 0 CHECK (tonnes >= 0),
    finished     boolean        NOT NULL DEFAULT false,
    chunk_mu     numeric(10, 2) CHECK (chunk_mu > 0),
    at           timestamptz    NOT NULL,
    day          date           NOT NULL,
    actor        text           NOT NULL,
    CHECK (finished = (chunk_mu IS NOT NULL))
);
CREATE INDEX harvest_work_field_idx ON harvest_work (field_code, day);
CREATE INDEX harvest_work_chunk_idx ON harvest_work (chunk_id);
CREATE UNIQUE INDEX harvest_work_finished_idx ON harvest_work (chunk_id) WHERE finished;
-- Work already reported done on the published plan counts as harvested as planned, on the day of this migration.
INSERT INTO harvest_work (chunk_id, field_code, machine_code, plan_id, mu, tonnes, finished, chunk_mu, at, day, actor)
SELECT a.chunk_id, a.field_code, a.machine_code, a.plan_id, a.area_mu, round(a.yield_kg / 1000, 2), true, a.area_mu, now(),
       (now() AT TIME ZONE 'Asia/Shanghai')::date, 'migration V5'
FROM plan_assignment a JOIN plan p ON p.id = a.plan_id
WHERE p.publication = 'PUBLISHED' AND a.status = 'DONE';

-- What put published work in question, and the draft re-plan made for it (none yet while the planner is busy).
CREATE TABLE disruption (
    id            bigserial   PRIMARY KEY,
    kind          text        NOT NULL CHECK (kind IN ('BREAKDOWN', 'RAIN', 'NOT_READY')),
    subject       text        NOT NULL,
    detail        text        NOT NULL,
    plan_id       bigint      NOT NULL REFERENCES plan (id),
    flagged       int         NOT NULL CHECK (flagged >= 0),
    at            timestamptz NOT NULL,
    actor         text        NOT NULL,
    draft_plan_id bigint      REFERENCES plan (id),
    draft_problem text,
    CHECK (draft_plan_id IS NULL OR draft_problem IS NULL)
);
CREATE INDEX disruption_pending_idx ON disruption (id) WHERE draft_plan_id IS NULL AND draft_problem IS NULL;

-- The evening dispatch summary goes to the bureau's leaders.
ALTER TABLE sms_message DROP CONSTRAINT sms_message_kind_check;
ALTER TABLE sms_message ADD CONSTRAINT sms_message_kind_check
    CHECK (kind IN ('ITINERARY', 'FIELD_NOTICE', 'TEAM_TASK', 'PLAN_CHANGE', 'DRYING_INTAKE', 'RAIN_ALERT', 'BROADCAST',
                    'HELP_REPLY', 'DAILY_SUMMARY'));
ALTER TABLE sms_message DROP CONSTRAINT sms_message_recipient_role_check;
ALTER TABLE sms_message ADD CONSTRAINT sms_message_recipient_role_check
    CHECK (recipient_role IN ('OPERATOR', 'FARMER', 'TEAM_LEADER', 'DRYING_SITE', 'LEADER', 'OTHER'));
