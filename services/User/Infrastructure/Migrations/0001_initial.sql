-- Owners, their stores, refresh tokens and the token signing keys (UFR-USER-010..040).

CREATE TABLE users (
    id            uuid        PRIMARY KEY,
    name          text        NOT NULL,
    phone         text        NOT NULL CONSTRAINT users_phone_key UNIQUE,   -- normalised, 01012345678
    email         text        NOT NULL,
    password_hash text        NOT NULL,                                     -- ASP.NET Core Identity PasswordHasher
    created_at    timestamptz NOT NULL
);

CREATE TABLE stores (
    id              uuid        PRIMARY KEY,
    owner_id        uuid        NOT NULL CONSTRAINT stores_owner_id_key UNIQUE REFERENCES users (id),
    name            text        NOT NULL,
    industry        text        NOT NULL,
    address         text        NOT NULL,
    opening_hours   text        NOT NULL DEFAULT '',
    business_number text        NOT NULL CONSTRAINT stores_business_number_key UNIQUE,  -- ten digits
    created_at      timestamptz NOT NULL
);

-- Only the SHA-256 of a refresh token is kept: a leaked table signs nobody in. A rotation revokes the
-- old row and adds one in the same family; presenting a revoked token revokes the whole family.
CREATE TABLE refresh_tokens (
    token_hash bytea       PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id),
    family_id  uuid        NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz
);

CREATE INDEX refresh_tokens_family_id_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_id_idx ON refresh_tokens (user_id);

-- ES256 keys that sign access tokens; the newest signs, all are published in the JWKS.
CREATE TABLE signing_keys (
    kid         text        PRIMARY KEY,
    private_key bytea       NOT NULL,   -- PKCS#8
    created_at  timestamptz NOT NULL
);
