-- Jobbmål schema, part 4: a row that serialises the first-start steps of several instances.
-- Each instance locks it (SELECT ... FOR UPDATE, common.StartupLock) inside the transaction that creates
-- the first administrator or loads the demo data, so when two instances start together against one
-- database the second waits for the first to commit, then finds the work done and skips it.
INSERT INTO app_setting (setting_key, setting_value)
VALUES ('startup-lock', 'locked by each instance while it runs its first-start steps');
