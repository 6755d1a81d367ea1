package no.hallingdal.jobbmal.deadline;

import java.time.LocalDate;

/** A deadline as the API returns it; {@code daysLeft} counts from today (negative once it has passed). */
public record DeadlineView(long id, String programme, LocalDate dueDate, String title, String note, long daysLeft,
        long version) {
}
