package no.hallingdal.jobbmal.programme;

/**
 * Fired (synchronously, in the changing transaction) when a period of the programme is added or its dates change:
 * which period a result's date falls in may have changed, so the figures' aggregate is recomputed (result.ResultSums).
 */
public record PeriodDatesChanged(long programmeId) {
}
