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
 * stretch between two of the zone's transitions (daylight saving time starting or ending) that the last
 * timestamp fell in, within which the offset is the same; rows mostly come in the order they were
 * registered, so the next timestamp is usually in the same stretch. One per export and thread.
 */
final class LocalTimes {

    private final ZoneRules rules;
    private long from = 1; // [from, to) in epoch seconds, empty at first
    private long to = 0;
    private ZoneOffset offset;

    LocalTimes(ZoneId zone) {
        this.rules = zone.getRules();
    }

    /** The local time of {@code t} in the zone, nanoseconds dropped; null for null. */
    LocalDateTime local(OffsetDateTime t) {
        if (t == null) {
            return null;
        }
        long second = t.toEpochSecond();
        if (second < from || second >= to) {
            stretch(second);
        }
        return LocalDateTime.ofEpochSecond(second, 0, offset);
    }

    /**
     * Finds the offset at {@code second} and the stretch around it without a transition: from the previous
     * transition (if its offset after is this one) to the next (if its offset before is this one); where
     * that does not hold, just this second.
     */
    private void stretch(long second) {
        Instant at = Instant.ofEpochSecond(second);
        offset = rules.getOffset(at);
        from = second;
        to = second + 1;
        ZoneOffsetTransition previous = rules.previousTransition(at);
        if (previous == null) { // no transition before: the same offset all along, unless one is right here
            if (rules.getOffset(Instant.ofEpochSecond(second - 1)).equals(offset)) {
                from = Long.MIN_VALUE;
            }
        } else if (previous.getOffsetAfter().equals(offset) && previous.toEpochSecond() <= second) {
            from = previous.toEpochSecond();
        }
        ZoneOffsetTransition next = rules.nextTransition(at);
        if (next == null) {
            to = Long.MAX_VALUE;
        } else if (next.getOffsetBefore().equals(offset) && next.toEpochSecond() > second) {
            to = next.toEpochSecond();
        }
    }
}
