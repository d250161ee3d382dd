-- Who may call the API. Staff sign in with a password; people in the ledgers (operators, farmers, team leaders,
-- drying-site contacts) sign in with their phone number and a code texted to it.

CREATE TABLE staff_account (
    id                  bigserial   PRIMARY KEY,
    username            text        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,39}$'),
    display_name        text        CHECK (length(display_name) <= 100),
    role                text        NOT NULL CHECK (role IN ('ADMIN', 'DISPATCHER', 'VIEWER')),
    -- an Argon2id PHC string: algorithm, parameters, salt and hash, never the password
    password_hash       text        NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    enabled             boolean     NOT NULL DEFAULT true,
    created_at          timestamptz NOT NULL,
    password_changed_at timestamptz NOT NULL,
    version             bigint      NOT NULL DEFAULT 0
);

-- Wrong passwords by username and client address (known usernames or not, so the answers cannot tell them apart).
-- A run of them locks that username for that address only, so nobody can lock an admin out from elsewhere;
-- the sum over all addresses stops a guessing spread over many.
CREATE TABLE sign_in_failure (
    username     text        NOT NULL CHECK (length(username) <= 40),
    client       text        NOT NULL CHECK (length(client) <= 64),
    failures     integer     NOT NULL CHECK (failures > 0),
    last_at      timestamptz NOT NULL,
    locked_until timestamptz,
    PRIMARY KEY (username, client)
);
CREATE INDEX sign_in_failure_username_idx ON sign_in_failure (username, last_at);

-- One sign-in: its refresh token (only a hash is kept; each refresh trades it for a new one) and whether it was revoked. Every access token names its
-- session, so revoking the session ends the access tokens issued for it too.
CREATE TABLE auth_session (
    id           uuid        PRIMARY KEY,
    kind         text        NOT NULL CHECK (kind IN ('STAFF', 'MOBILE')),
    subject      text        NOT NULL,
    refresh_hash bytea       NOT NULL UNIQUE CHECK (length(refresh_hash) = 32),
    -- the refresh token traded in last: presented again, it was copied, and the session ends
    previous_hash bytea      CHECK (length(previous_hash) = 32),
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL CHECK (expires_at > created_at),
    revoked_at   timestamptz
);
CREATE INDEX auth_session_subject_idx ON auth_session (kind, subject) WHERE revoked_at IS NULL;
CREATE INDEX auth_session_previous_idx ON auth_session (previous_hash);

-- One-time sign-in codes, hashed; rows are kept for a day so the per-number limits can count them.
CREATE TABLE sign_in_code (
    id         bigserial   PRIMARY KEY,
    phone      e164_phone  NOT NULL,
    code_hash  bytea       NOT NULL CHECK (length(code_hash) = 32),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL CHECK (expires_at > created_at),
    attempts   integer     NOT NULL DEFAULT 0 CHECK (attempts BETWEEN 0 AND 5),
    used_at    timestamptz
);
CREATE INDEX sign_in_code_phone_idx ON sign_in_code (phone, created_at);
CREATE INDEX sign_in_code_created_idx ON sign_in_code (created_at);

-- A sign-in code's text is stored with the code masked; the code itself waits here for the worker, is never
-- shown by the API, and is cleared once the code is used, replaced or expired.
ALTER TABLE sms_message ADD COLUMN secret text CHECK (secret IS NULL OR (kind = 'SIGN_IN_CODE' AND secret ~ '^[0-9]{6}$'));

-- Who asked for a text, so the texts an account may queue a day can be counted.
ALTER TABLE sms_message ADD COLUMN requested_by text;
CREATE INDEX sms_message_requested_by_idx ON sms_message (requested_by, created_at) WHERE requested_by IS NOT NULL;

ALTER TABLE sms_message DROP CONSTRAINT sms_message_kind_check;
ALTER TABLE sms_message ADD CONSTRAINT sms_message_kind_check
    CHECK (kind IN ('ITINERARY', 'FIELD_NOTICE', 'TEAM_TASK', 'PLAN_CHANGE', 'DRYING_INTAKE', 'RAIN_ALERT', 'BROADCAST',
                    'HELP_REPLY', 'DAILY_SUMMARY', 'SIGN_IN_CODE'));

-- Account changes are audited like the ledgers.
ALTER TABLE audit_event DROP CONSTRAINT audit_event_entity_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_entity_check
    CHECK (entity IN ('ACCOUNT', 'ASSIGNMENT', 'FIELD', 'MACHINE', 'PLAN'));
