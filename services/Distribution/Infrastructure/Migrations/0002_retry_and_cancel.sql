-- UFR-DIST-020: the owner can cancel a channel not posted yet (취소됨) and retry a failed one.
ALTER TABLE distribution_channels DROP CONSTRAINT distribution_channels_state_check;
ALTER TABLE distribution_channels ADD CONSTRAINT distribution_channels_state_check
    CHECK (state IN ('pending', 'running', 'succeeded', 'failed', 'cancelled'));

-- Which round of attempts this is: 1, then one more per 재시도. Attempts count from 0 again in each
-- round, and an attempt finishes its row only in its own round, so an attempt of an earlier round that
-- outlived its lease can never overwrite what a later round stored.
ALTER TABLE distribution_channels ADD COLUMN round integer NOT NULL DEFAULT 1;

-- The exposure the channel itself expects, when it answered one (우리동네TV, 지니TV); the plan's
-- estimate stays in expected_exposure.
ALTER TABLE distribution_channels ADD COLUMN reported_exposure bigint NULL;
