-- The SMS outbox: every text is a row, written in the transaction of the event that causes it, and sent by
-- workers that claim rows with FOR UPDATE SKIP LOCKED. A claim is a lease: a row still SENDING after its lease
-- belongs to a worker that died mid-send and is reconciled against the provider before it is tried again.

CREATE TABLE sms_message (
    id             bigserial   PRIMARY KEY,
    kind           text        NOT NULL CHECK (kind IN ('ITINERARY', 'FIELD_NOTICE', 'TEAM_TASK', 'PLAN_CHANGE', 'DRYING_INTAKE',
                                                        'RAIN_ALERT', 'BROADCAST', 'HELP_REPLY')),
    recipient_role text        NOT NULL CHECK (recipient_role IN ('OPERATOR', 'FARMER', 'TEAM_LEADER', 'DRYING_SITE', 'OTHER')),
    recipient_code text        NOT NULL,
    phone          e164_phone  NOT NULL,
    language       text        NOT NULL CHECK (language IN ('zh-CN', 'en')),
    body           text        NOT NULL CHECK (length(body) BETWEEN 1 AND 1600),
    encoding       text        NOT NULL CHECK (encoding IN ('GSM-7', 'UCS-2')),
    segments       int         NOT NULL CHECK (segments BETWEEN 1 AND 10),
    urgent         boolean     NOT NULL DEFAULT false,
    plan_id        bigint      REFERENCES plan (id),
    chunk_ids      text[]      NOT NULL DEFAULT '{}',
    status         text        NOT NULL DEFAULT 'QUEUED'
                               CHECK (status IN ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED',
                                                 'EXPIRED', 'SIMULATED', 'OPTED_OUT')),
    attempts       int         NOT NULL DEFAULT 0,
    not_before     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    lease_until    timestamptz,
    sid            text        UNIQUE,
    price          numeric(10, 5),
    price_unit     text,
    error_code     int,
    error_message  text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    sent_at        timestamptz,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (status <> 'SENDING' OR lease_until IS NOT NULL)
);
-- Workers look for due rows; the daily cap counts a recipient's texts of the day.
CREATE INDEX sms_message_due_idx ON sms_message (not_before) WHERE status = 'QUEUED';
CREATE INDEX sms_message_in_doubt_idx ON sms_message (lease_until) WHERE status = 'SENDING';
CREATE INDEX sms_message_phone_idx ON sms_message (phone, created_at);
CREATE INDEX sms_message_plan_idx ON sms_message (plan_id);
CREATE INDEX sms_message_chunks_idx ON sms_message USING gin (chunk_ids);

-- Texts people sent us, once each (Twilio may post the same MessageSid again), with what we understood and did.
CREATE TABLE sms_inbound (
    id              bigserial   PRIMARY KEY,
    sid             text        NOT NULL UNIQUE,
    phone           text        NOT NULL,
    body            text        NOT NULL,
    intent          text        NOT NULL CHECK (intent IN ('CONFIRM', 'RESCHEDULE', 'DONE', 'BREAKDOWN', 'STOP', 'START', 'HELP',
                                                           'UNKNOWN')),
    action          text        NOT NULL,
    needs_attention boolean     NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sms_inbound_attention_idx ON sms_inbound (received_at) WHERE needs_attention;

-- Numbers that texted STOP and are not farmers (operators, team leaders); farmers keep theirs on the farmer.
CREATE TABLE sms_opt_out (
    phone          e164_phone  PRIMARY KEY,
    opted_out_at   timestamptz NOT NULL DEFAULT now()
);

-- A combine reported broken stays out of planning until it is reported repaired.
CREATE TABLE machine_breakdown (
    id           bigserial   PRIMARY KEY,
    machine_code text        NOT NULL REFERENCES machine (code),
    reported_at  timestamptz NOT NULL DEFAULT now(),
    repaired_at  timestamptz,
    CHECK (repaired_at IS NULL OR repaired_at >= reported_at)
);
CREATE UNIQUE INDEX machine_breakdown_open_idx ON machine_breakdown (machine_code) WHERE repaired_at IS NULL;

-- Published work that a breakdown (or a farmer's "not ready") has put in question, for the next revision.
ALTER TABLE plan_assignment ADD COLUMN needs_replan boolean NOT NULL DEFAULT false;
