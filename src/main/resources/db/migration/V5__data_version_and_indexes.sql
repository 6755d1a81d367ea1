-- Jobbmål schema, part 5: the data version behind the cached progress figures, and indexes for the
-- remaining filters and sorts of the results list.
--
-- The data version is the sum of version_number over the rows of data_version. Every transaction that
-- writes results, projects or the programme adds one to the row of a random slot (common.DataVersion)
-- just before it commits, so the new sum becomes visible to every instance at the same moment as the
-- data. Cached figures carry the sum they were computed at and are used only while it is still the
-- current one (docs/architecture.md, "Caching"). 32 slots rather than one row: a writer holds its
-- slot's row lock until it commits, and with one row every write in the system would queue behind it.
CREATE TABLE data_version (
    slot            INTEGER NOT NULL PRIMARY KEY,
    version_number  BIGINT  NOT NULL
);
INSERT INTO data_version (slot, version_number) VALUES
    (0, 0),
    (1, 0),
    (2, 0),
    (3, 0),
    (4, 0),
    (5, 0),
    (6, 0),
    (7, 0),
    (8, 0),
    (9, 0),
    (10, 0),
    (11, 0),
    (12, 0),
    (13, 0),
    (14, 0),
    (15, 0),
    (16, 0),
    (17, 0),
    (18, 0),
    (19, 0),
    (20, 0),
    (21, 0),
    (22, 0),
    (23, 0),
    (24, 0),
    (25, 0),
    (26, 0),
    (27, 0),
    (28, 0),
    (29, 0),
    (30, 0),
    (31, 0);

-- The results list: filter by kind alone; its sorts (date or amount, then id, either direction) read a
-- page of ids straight from these indexes instead of sorting every matching row (ResultService.search).
CREATE INDEX result_kind_idx ON result (kind, status);
CREATE INDEX result_date_id_idx ON result (result_date, id);
CREATE INDEX result_amount_id_idx ON result (amount, id);
DROP INDEX result_date_idx;
