-- Jobbmål schema, part 5: the data version behind the cached progress figures, and indexes for the
-- remaining filters and sorts of the results list.
--
-- data_version has exactly one row. Every transaction that writes results, projects or the programme
-- adds one to version_number (common.DataVersion) before it commits, so the new number becomes visible
-- to every instance at the same moment as the data. Cached figures carry the number they were computed
-- at and are used only while it is still the current one (docs/architecture.md, "Caching").
CREATE TABLE data_version (
    id              INTEGER NOT NULL PRIMARY KEY,
    version_number  BIGINT  NOT NULL,
    CONSTRAINT data_version_single_row CHECK (id = 1)
);
INSERT INTO data_version (id, version_number) VALUES (1, 1);

-- The results list: filter by kind alone, sort by amount.
CREATE INDEX result_kind_idx ON result (kind, status);
CREATE INDEX result_amount_idx ON result (amount);
