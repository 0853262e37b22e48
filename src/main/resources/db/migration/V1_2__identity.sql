-- Our own users and groups. Camunda's ACT_ID_* tables are a mirror of these, kept in step at start-up
-- and whenever a user or group is created through the identity module.

-- Districts (区县) of the city: reviewers, groups and supervisors are scoped by them.
CREATE TABLE districts (
    code    VARCHAR(32) PRIMARY KEY,
    name_zh VARCHAR(64) NOT NULL,
    name_en VARCHAR(64) NOT NULL
);

CREATE TABLE users (
    username      VARCHAR(64)  PRIMARY KEY,
    password_hash VARCHAR(100) NOT NULL,
    display_name  VARCHAR(100) NOT NULL,
    email         VARCHAR(254),
    phone         VARCHAR(20),
    role          VARCHAR(16)  NOT NULL,
    district_code VARCHAR(32)  REFERENCES districts (code),
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT users_role_check CHECK (role IN ('APPLICANT', 'REVIEWER', 'SUPERVISOR', 'ADMIN'))
);

-- Group ids are Camunda group ids as well (candidate groups of user tasks).
CREATE TABLE user_groups (
    id            VARCHAR(64)  PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    district_code VARCHAR(32)  REFERENCES districts (code),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE group_memberships (
    group_id VARCHAR(64) NOT NULL REFERENCES user_groups (id) ON DELETE CASCADE,
    username VARCHAR(64) NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    PRIMARY KEY (group_id, username)
);

CREATE INDEX group_memberships_username ON group_memberships (username);

-- One row, locked while a node seeds and mirrors identities, so nodes starting together do not collide.
CREATE TABLE identity_sync_lock (
    id INT PRIMARY KEY
);

INSERT INTO identity_sync_lock (id) VALUES (1);
