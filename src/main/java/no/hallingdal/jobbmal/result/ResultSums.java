package no.hallingdal.jobbmal.result;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import no.hallingdal.jobbmal.programme.PeriodDatesChanged;
import no.hallingdal.jobbmal.programme.Programme;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The figures' aggregate, table {@code result_sum} (migration V11, docs/architecture.md "Figures from aggregates"):
 * counts and sums of the results per programme, period, year, month, municipality, focus area, project, kind and
 * status. Every write of a result tells {@link #change} what the result was before and is now, and the difference is
 * added to the aggregate in the same transaction (one row update per key, in key order, so two writers never wait
 * for each other in a circle), so the figures and the results commit together. What the aggregate
 * should hold is {@link #differences}'s one query over the results; {@link #repair} adds what it finds.
 */
@ApplicationScoped
public class ResultSums {

    /** Rows per key a writer may add to (one chosen per transaction), so parallel writers rarely share a lock. */
    static final int SLOTS = 8;

    private static final String BATCH = ResultSums.class.getName() + ".batch";

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry registry;

    /** The aggregate's key: where a result's figures are added up. {@code periodId} is 0 outside every period. */
    public record Key(long programmeId, long periodId, int year, int month, String municipality, long focusAreaId,
            long projectId, String kind, String status) {

        static final Comparator<Key> ORDER = Comparator.comparingLong(Key::programmeId).thenComparingLong(Key::periodId)
                .thenComparingInt(Key::year).thenComparingInt(Key::month).thenComparing(Key::municipality)
                .thenComparingLong(Key::focusAreaId).thenComparingLong(Key::projectId).thenComparing(Key::kind)
                .thenComparing(Key::status);
    }

    /** What results add to a key: their number, and the sums of amount, women and men with how many gave each. */
    public record Values(long count, BigDecimal amount, BigDecimal women, long womenCount, BigDecimal men,
            long menCount) {

        static final Values ZERO = new Values(0, BigDecimal.ZERO, BigDecimal.ZERO, 0, BigDecimal.ZERO, 0);

        Values plus(Values o, int sign) {
            BigDecimal s = BigDecimal.valueOf(sign);
            return new Values(count + sign * o.count, amount.add(o.amount.multiply(s)), women.add(o.women.multiply(s)),
                    womenCount + sign * o.womenCount, men.add(o.men.multiply(s)), menCount + sign * o.menCount);
        }

        boolean isZero() {
            return count == 0 && amount.signum() == 0 && women.signum() == 0 && womenCount == 0 && men.signum() == 0
                    && menCount == 0;
        }
    }

    /** One result's place and figures in the aggregate, as it is at the moment it is taken. */
    public record Entry(Key key, Values values) {
    }

    /** The result's entry as it stands now (take it before a change, and pass it to {@link #change}). */
    public static Entry entry(Result r) {
        Programme programme = r.project.programme;
        long period = programme.periodOf(r.date).map(p -> p.id).orElse(0L);
        Key key = new Key(r.programmeId, period, r.resultYear, r.date.getMonthValue(), r.municipality.code,
                r.focusArea.id, r.project.id, r.kind.name(), r.status.name());
        return new Entry(key, new Values(1, r.amount, r.women == null ? BigDecimal.ZERO : r.women,
                r.women == null ? 0 : 1, r.men == null ? BigDecimal.ZERO : r.men, r.men == null ? 0 : 1));
    }

    /**
     * Adds to the aggregate that a result went from {@code before} (null: it is new) to what it is now, in the
     * current transaction: at once, or at the end of the {@link #batch} it is part of.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void change(Entry before, Result now) {
        Batch batch = (Batch) registry.getResource(BATCH);
        Map<Key, Values> changes = batch != null && batch.open ? batch.changes : new TreeMap<>(Key.ORDER);
        if (before != null) {
            changes.merge(before.key(), Values.ZERO.plus(before.values(), -1), (a, b) -> a.plus(b, 1));
        }
        Entry after = entry(now);
        changes.merge(after.key(), after.values(), (a, b) -> a.plus(b, 1));
        if (batch == null || !batch.open) {
            add(changes);
        }
    }

    /** The changes of a {@link #batch} so far. */
    private static final class Batch {
        final Map<Key, Values> changes = new TreeMap<>(Key.ORDER);
        boolean open = true;
    }

    /**
     * Runs {@code work} (many changes of results in the current transaction, an import) and adds their changes to the
     * aggregate at its end, merged and in key order: one update per key, and two batches never wait for each other's
     * rows in a circle.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T batch(java.util.function.Supplier<T> work) {
        Batch running = (Batch) registry.getResource(BATCH);
        if (running != null && running.open) {
            return work.get();
        }
        Batch batch = new Batch();
        registry.putResource(BATCH, batch);
        try {
            T result = work.get();
            add(batch.changes);
            return result;
        } finally {
            batch.open = false;
        }
    }

    /** Adds the changes to the aggregate, in key order, into one slot chosen at random. */
    void add(Map<Key, Values> changes) {
        int slot = ThreadLocalRandom.current().nextInt(SLOTS);
        em.unwrap(Session.class).doWork(c -> {
            for (Map.Entry<Key, Values> e : changes.entrySet()) {
                if (!e.getValue().isZero()) {
                    add(c, e.getKey(), slot, e.getValue());
                }
            }
        });
    }

    private static final String WHERE = " WHERE programme_id = ? AND period_id = ? AND result_year = ? AND result_month = ?"
            + " AND municipality_code = ? AND focus_area_id = ? AND project_id = ? AND kind = ? AND status = ? AND slot = ?";
    private static final String UPDATE = "UPDATE result_sum SET result_count = result_count + ?, amount = amount + ?,"
            + " women = women + ?, women_count = women_count + ?, men = men + ?, men_count = men_count + ?" + WHERE;
    private static final String INSERT = "INSERT INTO result_sum (result_count, amount, women, women_count, men,"
            + " men_count, programme_id, period_id, result_year, result_month, municipality_code, focus_area_id,"
            + " project_id, kind, status, slot) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Adds to the key's row in the slot, making the row when there is none. Two writers may make the same row at
     * once: the second one's insert fails on the key, is undone to its savepoint (PostgreSQL would otherwise abort
     * the transaction) and adds to the row the first one made.
     */
    private static void add(Connection c, Key k, int slot, Values v) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            try (PreparedStatement u = c.prepareStatement(UPDATE)) {
                bind(u, k, slot, v);
                if (u.executeUpdate() == 1) {
                    return;
                }
            }
            Savepoint sp = c.setSavepoint();
            try (PreparedStatement i = c.prepareStatement(INSERT)) {
                bind(i, k, slot, v);
                i.executeUpdate();
                c.releaseSavepoint(sp);
                return;
            } catch (SQLException e) {
                c.rollback(sp);
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    private static void bind(PreparedStatement s, Key k, int slot, Values v) throws SQLException {
        s.setLong(1, v.count());
        s.setBigDecimal(2, v.amount());
        s.setBigDecimal(3, v.women());
        s.setLong(4, v.womenCount());
        s.setBigDecimal(5, v.men());
        s.setLong(6, v.menCount());
        s.setLong(7, k.programmeId());
        s.setLong(8, k.periodId());
        s.setInt(9, k.year());
        s.setInt(10, k.month());
        s.setString(11, k.municipality());
        s.setLong(12, k.focusAreaId());
        s.setLong(13, k.projectId());
        s.setString(14, k.kind());
        s.setString(15, k.status());
        s.setInt(16, slot);
    }

    /**
     * Where the aggregate of the programme differs from its results: per key, what must be added to it (empty when
     * it is right). One statement, so the results and the aggregate are read at one moment; a result's period is
     * the one whose dates hold its date (periods never overlap).
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Map.Entry<Key, Values>> differences(long programmeId) {
        String key = "programme_id, period_id, result_year, result_month, municipality_code, focus_area_id,"
                + " project_id, kind, status";
        List<Object[]> rows = em.createNativeQuery("SELECT " + key + ", SUM(result_count), SUM(amount), SUM(women),"
                + " SUM(women_count), SUM(men), SUM(men_count) FROM ("
                + " SELECT r.programme_id, COALESCE(p.id, 0) AS period_id, r.result_year,"
                + " EXTRACT(MONTH FROM r.result_date) AS result_month, r.municipality_code, r.focus_area_id,"
                + " r.project_id, r.kind, r.status, 1 AS result_count, r.amount, COALESCE(r.women, 0) AS women,"
                + " CASE WHEN r.women IS NULL THEN 0 ELSE 1 END AS women_count, COALESCE(r.men, 0) AS men,"
                + " CASE WHEN r.men IS NULL THEN 0 ELSE 1 END AS men_count"
                + " FROM result r LEFT JOIN period p ON p.programme_id = r.programme_id"
                + " AND r.result_date BETWEEN p.start_date AND p.end_date WHERE r.programme_id = :programme"
                + " UNION ALL SELECT " + key + ", -result_count, -amount, -women, -women_count, -men, -men_count"
                + " FROM result_sum WHERE programme_id = :programme) d GROUP BY " + key
                + " HAVING SUM(result_count) <> 0 OR SUM(amount) <> 0 OR SUM(women) <> 0 OR SUM(women_count) <> 0"
                + " OR SUM(men) <> 0 OR SUM(men_count) <> 0")
                .setParameter("programme", programmeId).getResultList();
        List<Map.Entry<Key, Values>> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(Map.entry(new Key(n(r[0]), n(r[1]), (int) n(r[2]), (int) n(r[3]), (String) r[4], n(r[5]), n(r[6]),
                    (String) r[7], (String) r[8]), new Values(n(r[9]), d(r[10]), d(r[11]), n(r[12]), d(r[13]), n(r[14]))));
        }
        return out;
    }

    /**
     * Makes the programme's aggregate equal to its results (after its periods' dates changed, after loading rows
     * past the services, or when {@link #differences} found a difference); returns how many keys it corrected.
     */
    @Transactional
    public int repair(long programmeId) {
        em.flush(); // the periods' new dates, for the query below
        List<Map.Entry<Key, Values>> diff = differences(programmeId);
        Map<Key, Values> changes = new TreeMap<>(Key.ORDER);
        diff.forEach(e -> changes.put(e.getKey(), e.getValue()));
        add(changes);
        return diff.size();
    }

    void periodDatesChanged(@Observes PeriodDatesChanged e) {
        repair(e.programmeId());
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }

    private static BigDecimal d(Object o) {
        return o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
    }
}
