package no.hallingdal.jobbmal.result;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.history.ChangeEvent;
import no.hallingdal.jobbmal.history.ChangeLog;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The history of results (docs/rules.md, "History"): what a change records of a result, and the entries as
 * the result page and {@code GET /api/v1/results/{id}/history} show them, newest first.
 */
@ApplicationScoped
public class ResultHistory {

    public static final String ENTITY = "result";

    @Inject
    ChangeLog changeLog;

    public record FieldChange(String field, String oldValue, String newValue) {
        /** Message key for a coded old value (status, kind), so the page shows it in words; else null. */
        @JsonIgnore
        public String getOldKey() {
            return key(oldValue);
        }

        @JsonIgnore
        public String getNewKey() {
            return key(newValue);
        }

        private String key(String value) {
            if (value == null) {
                return null;
            }
            return switch (field) {
                case "status" -> "result.status." + value;
                case "kind" -> "result.kind." + value;
                default -> null;
            };
        }
    }

    public record HistoryEntry(String action, String changedBy, Instant changedAt, String reason,
            List<FieldChange> fields, String source) {
        public String actionKey() {
            return "result.action." + action;
        }

        public String fieldKey(FieldChange f) {
            return "result.field." + f.field();
        }
    }

    /** Every change of the result, newest first. */
    public List<HistoryEntry> of(long resultId) {
        return changeLog.of(ENTITY, resultId).stream().map(ResultHistory::entry).toList();
    }

    /** Who changed the result last ("?" when nobody has), for the message of a stale change. */
    String lastChangedBy(long resultId) {
        List<ChangeEvent> events = ChangeEvent.forEntity(ENTITY, resultId);
        return events.isEmpty() ? "?" : events.get(0).changedByName;
    }

    /** Records a change of {@code r} from the fields {@code before} (see {@link #snapshot}) to its fields now. */
    void record(Result r, String action, String reason, String source, Map<String, Object> before, User by) {
        changeLog.record(r.programmeId, ENTITY, r.id, action, reason, source, diff(before, snapshot(r)), by);
    }

    /** Whether the fields of {@code r} differ from {@code before}. */
    static boolean changed(Map<String, Object> before, Result r) {
        return !diff(before, snapshot(r)).isEmpty();
    }

    /** The recorded fields of a result, in a fixed order, as the history stores them. */
    static Map<String, Object> snapshot(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("projectId", r.project == null ? null : r.project.id);
        m.put("municipality", r.municipality == null ? null : r.municipality.code);
        m.put("focusArea", r.focusArea == null ? null : r.focusArea.code);
        m.put("date", r.date);
        m.put("kind", r.kind);
        m.put("amount", r.amount);
        m.put("women", r.women);
        m.put("men", r.men);
        m.put("companyName", r.companyName);
        m.put("orgNumber", r.orgNumber);
        m.put("evidence", r.evidence);
        m.put("status", r.status);
        m.put("statusReason", r.statusReason);
        return m;
    }

    private static ChangeLog.Diff diff(Map<String, Object> before, Map<String, Object> after) {
        ChangeLog.Diff d = ChangeLog.diff();
        after.forEach((k, v) -> d.field(k, before.get(k), v));
        return d;
    }

    private static HistoryEntry entry(ChangeEvent e) {
        return new HistoryEntry(e.action, e.changedByName, e.changedAt, e.reason,
                e.fields.stream().map(f -> new FieldChange(f.fieldName, f.oldValue, f.newValue)).toList(), e.source);
    }
}
