package no.hallingdal.jobbmal.result;

/**
 * The double-count rule (docs/rules.md, "Double counting"), its one home: a new-jobs result that is not
 * withdrawn and whose org. number has new jobs (not withdrawn) in another project of the same programme in the
 * same year. The
 * lists, the result page, the import and the exports all ask it through these pieces.
 */
public final class DoubleCount {

    private DoubleCount() {
    }

    /** Whether a result of this kind, status and org. number takes part in double counts. */
    public static boolean takesPart(ResultKind kind, ResultStatus status, String orgNumber) {
        return kind == ResultKind.NEW_JOBS && status != ResultStatus.WITHDRAWN && orgNumber != null;
    }

    /** SQL condition: the result row {@code alias} (table {@code result}) takes part in double counts. */
    static String takesPart(String alias) {
        return alias + ".kind = 'NEW_JOBS' AND " + alias + ".status <> 'WITHDRAWN' AND " + alias
                + ".org_number IS NOT NULL";
    }

    /**
     * SQL condition on the result row {@code r}: it is a double count. Answered from the index on
     * (org_number, result_year).
     */
    public static final String SQL = "(" + takesPart("r") + " AND EXISTS (SELECT 1 FROM result o WHERE "
            + takesPart("o") + " AND o.org_number = r.org_number AND o.result_year = r.result_year"
            + " AND o.project_id <> r.project_id AND o.programme_id = r.programme_id))";

    /**
     * SQL: the names of the other projects of programme {@code ?4} with new jobs for org. number {@code ?1} in
     * year {@code ?2}, other than project {@code ?3}, in name order (the warning's text).
     */
    static final String OTHER_PROJECTS_SQL = "SELECT DISTINCT p.name FROM result o JOIN project p ON p.id = o.project_id"
            + " WHERE " + takesPart("o") + " AND o.org_number = ?1 AND o.result_year = ?2 AND o.project_id <> ?3"
            + " AND o.programme_id = ?4 ORDER BY p.name";
}
