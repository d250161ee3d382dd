-- Request limits every instance shares (the generic cell rate algorithm): per limit and key (a client address,
-- an account) only the moment its bucket is empty again. Unlogged: after a crash the limits start afresh, which
-- costs nothing but a few extra requests.
CREATE UNLOGGED TABLE rate_limit (
    limiter  text        NOT NULL,
    key      text        NOT NULL,
    empty_at timestamptz NOT NULL,
    PRIMARY KEY (limiter, key)
);
CREATE INDEX rate_limit_empty_at_idx ON rate_limit (empty_at);
