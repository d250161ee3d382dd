-- The SMS outbox: every text is a row, written in the transaction of the event that causes it, and sent by
-- workers that claim rows with FOR UPDATE SKIP LOCKED. A claim is a lease: a row still SENDING after its lease
-- belongs to a worker that died mid-send and is reconciled against the provider before it is tried again.

CREATE TABLE sms_message (
    id             bigserial   PRIMARY KEY,
    kind           text        NOT NULL CHECK (kind IN ('ITINERARY', 'FIELD_NOTICE', 'TEAM_TASK')),
    recipient_role text        NOT NULL CHECK (recipient_role IN ('OPERATOR', 'FARMER', 'TEAM_LEADER')),
    recipient_code text        NOT NULL,
    phone          e164_phone  NOT NULL,
    language       text        NOT NULL CHECK (language IN ('zh-CN', 'en')),
    body           text        NOT NULL CHECK (length(body) BETWEEN 1 AND 1600),
    encoding       text        NOT NULL CHECK (encoding IN ('GSM-7', 'UCS-2')),
    segments       int         NOT NULL CHECK (segments BETWEEN 1 AND 10),
    urgent         boolean     NOT NULL DEFAULT false,
    plan_id        bigint      REFERENCES plan (id),
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
