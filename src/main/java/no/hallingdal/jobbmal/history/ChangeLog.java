package no.hallingdal.jobbmal.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.hallingdal.jobbmal.account.CurrentUser;
import no.hallingdal.jobbmal.account.User;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Records changes in the append-only history. Call it inside the transaction that makes the change, so
 * the change and its record commit together or not at all.
 *
 * <pre>
 * var diff = ChangeLog.diff().field("amount", old.amount, input.amount).field("date", old.date, input.date);
 * changeLog.record(programmeId, "result", id, "updated", reason, null, diff);
 * </pre>
 */
@ApplicationScoped
public class ChangeLog {

    @Inject
    CurrentUser currentUser;

    /** Records a change by the current user (or "system" when there is none, e.g. at start). */
    @Transactional(Transactional.TxType.MANDATORY)
    public ChangeEvent record(Long programmeId, String entityType, long entityId, String action, String reason,
            String source, Diff diff) {
        User user = currentUser.user().orElse(null);
        return record(programmeId, entityType, entityId, action, reason, source, diff, user);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ChangeEvent record(Long programmeId, String entityType, long entityId, String action, String reason,
            String source, Diff diff, User by) {
        ChangeEvent e = new ChangeEvent();
        e.programmeId = programmeId;
        e.entityType = entityType;
        e.entityId = entityId;
        e.action = action;
        e.reason = reason;
        e.source = source;
        e.changedBy = by == null ? null : by.id;
        e.changedByName = by == null ? "system" : by.displayName;
        e.changedAt = Instant.now();
        if (diff != null) {
            e.fields.addAll(diff.fields);
        }
        e.persist();
        return e;
    }

    /** The programme's newest changes of these entity types, newest first, with their fields loaded. */
    @Transactional
    public List<ChangeEvent> recent(long programmeId, List<String> entityTypes, int limit) {
        List<ChangeEvent> events = ChangeEvent.forTypes(programmeId, entityTypes, limit);
        events.forEach(e -> e.fields.size());
        return events;
    }

    /** Every change of one entity, newest first, with their fields loaded. */
    @Transactional
    public List<ChangeEvent> of(String entityType, long entityId) {
        List<ChangeEvent> events = ChangeEvent.forEntity(entityType, entityId);
        events.forEach(e -> e.fields.size());
        return events;
    }

    public static Diff diff() {
        return new Diff();
    }

    /** The changed fields of one change; unchanged fields are left out. */
    public static final class Diff {
        private final List<ChangeField> fields = new ArrayList<>();

        public Diff field(String name, Object oldValue, Object newValue) {
            String o = text(oldValue);
            String n = text(newValue);
            if (!Objects.equals(o, n)) {
                fields.add(new ChangeField(name, o, n));
            }
            return this;
        }

        public boolean isEmpty() {
            return fields.isEmpty();
        }

        public List<ChangeField> fields() {
            return fields;
        }

        private static String text(Object v) {
            if (v == null) {
                return null;
            }
            if (v instanceof BigDecimal b) {
                return b.stripTrailingZeros().toPlainString();
            }
            String s = v.toString();
            return s.length() > 4000 ? s.substring(0, 4000) : s;
        }
    }
}
