package no.hallingdal.jobbmal.deadline;

import java.time.LocalDate;

/**
 * A deadline as the form and the API give it. {@code version} is the version the caller saw: required to change
 * or remove one (409 when stale), ignored when creating.
 */
public record DeadlineInput(LocalDate dueDate, String title, String note, Long version) {
}
