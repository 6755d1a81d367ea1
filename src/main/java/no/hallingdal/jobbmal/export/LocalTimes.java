package no.hallingdal.jobbmal.export;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Timestamps as local time in one zone, to the second: what {@code t.atZoneSameInstant(zone)
 * .toLocalDateTime().withNano(0)} gives, without looking up the zone's rules for every row. It keeps the
 * stretches between two of the zone's transitions (daylight saving time starting or ending) that earlier
 * timestamps fell in, within each of which the offset is the same: a few years of results lie in a dozen
 * such stretches, in any order. One per export and thread.
 */
final class LocalTimes {

    /** Stretches kept at most; beyond that the oldest is replaced. */
    static final int STRETCHES = 32;

    private final ZoneRules rules;
    private final long[] from = new long[STRETCHES]; // [from, to) in epoch seconds
    private final long[] to = new long[STRETCHES];
    private final ZoneOffset[] offsets = new ZoneOffset[STRETCHES];
    private int size;
    private int last; // the stretch of the last timestamp
    private int replace;

    LocalTimes(ZoneId zone) {
        this.rules = zone.getRules();
    }

    /** The local time of {@code t} in the zone, nanoseconds dropped; null for null. */
    LocalDateTime local(OffsetDateTime t) {
        if (t == null) {
            return null;
        }
        long second = t.toEpochSecond();
        if (size == 0 || second < from[last] || second >= to[last]) {
            last = find(second);
        }
        return LocalDateTime.ofEpochSecond(second, 0, offsets[last]);
    }

    private int find(long second) {
        for (int i = 0; i < size; i++) {
            if (second >= from[i] && second < to[i]) {
                return i;
            }
        }
        int i = size < STRETCHES ? size++ : replace++ % STRETCHES;
        stretch(second, i);
        return i;
    }

    /**
     * Finds the offset at {@code second} and the stretch around it without a transition: from the previous
     * transition (if its offset after is this one) to the next (if its offset before is this one); where
     * that does not hold, just this second.
     */
    private void stretch(long second, int i) {
        Instant at = Instant.ofEpochSecond(second);
        ZoneOffset offset = rules.getOffset(at);
        offsets[i] = offset;
        from[i] = second;
        to[i] = second + 1;
        ZoneOffsetTransition previous = rules.previousTransition(at);
        if (previous == null) { // no transition before: the same offset all along, unless one is right here
            if (rules.getOffset(Instant.ofEpochSecond(second - 1)).equals(offset)) {
                from[i] = Long.MIN_VALUE;
            }
        } else if (previous.getOffsetAfter().equals(offset) && previous.toEpochSecond() <= second) {
            from[i] = previous.toEpochSecond();
        }
        ZoneOffsetTransition next = rules.nextTransition(at);
        if (next == null) {
            to[i] = Long.MAX_VALUE;
        } else if (next.getOffsetBefore().equals(offset) && next.toEpochSecond() > second) {
            to[i] = next.toEpochSecond();
        }
    }
}
