-- Weather forecasts, kept per issue: for any community and hour the forecast issued last wins, and the
-- history of what was forecast when stays for the daily dispatch and for judging plans afterwards.

CREATE TABLE forecast (
    id          bigserial PRIMARY KEY,
    source      text        NOT NULL CHECK (length(source) BETWEEN 1 AND 100),
    issued_at   timestamptz NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    channel     text        NOT NULL CHECK (channel IN ('PUSH', 'PULL')),
    UNIQUE (source, issued_at)
);

CREATE TABLE forecast_hour (
    forecast_id      bigint       NOT NULL REFERENCES forecast (id),
    community_code   text         NOT NULL REFERENCES community (code),
    hour             timestamptz  NOT NULL CHECK (date_trunc('hour', hour) = hour),
    precipitation_mm numeric(6, 2) NOT NULL CHECK (precipitation_mm BETWEEN 0 AND 500),
    probability_pct  smallint     NOT NULL CHECK (probability_pct BETWEEN 0 AND 100),
    temperature_c    numeric(4, 1) CHECK (temperature_c BETWEEN -60 AND 60),
    humidity_pct     smallint     CHECK (humidity_pct BETWEEN 0 AND 100),
    wind_speed_ms    numeric(5, 1) CHECK (wind_speed_ms BETWEEN 0 AND 100),
    PRIMARY KEY (forecast_id, community_code, hour)
);
-- "Latest issue wins" reads every issue's value for a community and hour range.
CREATE INDEX forecast_hour_community_hour_idx ON forecast_hour (community_code, hour);

-- What a new forecast did to the rain-free windows; planning and SMS react to these.
CREATE TABLE window_change (
    id          bigserial PRIMARY KEY,
    forecast_id bigint      NOT NULL REFERENCES forecast (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    range_from  timestamptz NOT NULL,
    range_to    timestamptz NOT NULL,
    communities text[]      NOT NULL,
    details     jsonb       NOT NULL
);
CREATE INDEX window_change_created_idx ON window_change (created_at);
