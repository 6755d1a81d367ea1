-- Jobbmål schema, part 11: the figures' aggregate (docs/architecture.md, "Figures from aggregates").
--
-- result_sum holds, per programme, period (0 outside every period), year, month, municipality, focus area,
-- project, kind and status, how many results there are and the sums of their amounts, women and men
-- (women_count / men_count: how many of them gave the split, so "no split given" stays apart from 0).
-- Every write of a result adds its change to these rows in the same transaction (result.ResultSums), so a
-- figure is a small GROUP BY over this table, however many results there are. A writer adds to the row of one
-- of eight slots chosen per transaction: with one row per key, parallel registrations of one project would
-- queue behind its row lock. Readers sum the slots. Derived data: ResultSums.differences recomputes it from the
-- results (the check on the administration page and in the tests).
CREATE TABLE result_sum (
    programme_id       BIGINT        NOT NULL,
    period_id          BIGINT        NOT NULL,
    result_year        INTEGER       NOT NULL,
    result_month       INTEGER       NOT NULL,
    municipality_code  VARCHAR(4)    NOT NULL,
    focus_area_id      BIGINT        NOT NULL,
    project_id         BIGINT        NOT NULL,
    kind               VARCHAR(20)   NOT NULL,
    status             VARCHAR(20)   NOT NULL,
    slot               INTEGER       NOT NULL,
    result_count       BIGINT        NOT NULL,
    amount             NUMERIC(14, 1) NOT NULL,
    women              NUMERIC(14, 1) NOT NULL,
    women_count        BIGINT        NOT NULL,
    men                NUMERIC(14, 1) NOT NULL,
    men_count          BIGINT        NOT NULL,
    CONSTRAINT result_sum_pk PRIMARY KEY (programme_id, period_id, result_year, result_month, municipality_code,
        focus_area_id, project_id, kind, status, slot)
);
CREATE INDEX result_sum_project_idx ON result_sum (project_id);
-- The pending count every page shows.
CREATE INDEX result_sum_status_idx ON result_sum (programme_id, status);

-- The results there are now, in slot 0.
INSERT INTO result_sum (programme_id, period_id, result_year, result_month, municipality_code, focus_area_id,
        project_id, kind, status, slot, result_count, amount, women, women_count, men, men_count)
SELECT r.programme_id, COALESCE(p.id, 0), r.result_year, EXTRACT(MONTH FROM r.result_date), r.municipality_code,
        r.focus_area_id, r.project_id, r.kind, r.status, 0, COUNT(*), SUM(r.amount), COALESCE(SUM(r.women), 0),
        COUNT(r.women), COALESCE(SUM(r.men), 0), COUNT(r.men)
FROM result r LEFT JOIN period p ON p.programme_id = r.programme_id AND r.result_date BETWEEN p.start_date AND p.end_date
GROUP BY r.programme_id, COALESCE(p.id, 0), r.result_year, EXTRACT(MONTH FROM r.result_date), r.municipality_code,
        r.focus_area_id, r.project_id, r.kind, r.status;
