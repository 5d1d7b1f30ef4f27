-- A campaign's guard thresholds (GuardSettings), stored complete so a later change of a default never alters it.
ALTER TABLE campaign ADD COLUMN guard jsonb NOT NULL DEFAULT '{}'::jsonb;
