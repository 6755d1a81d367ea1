package no.hallingdal.jobbmal.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Every progress figure for one scope, as the dashboard, the API, the reports and the exports use them:
 * the programme (its code), the period ({@code period}: its index from 1, or {@code all} for the whole
 * programme) and its state ({@code not-started}, {@code running}, {@code ended}). Amounts are exact decimals;
 * percentages, forecast and pace are rounded half-up to one decimal; {@code requiredPerMonth} is null once the
 * period has ended.
 */
public record Progress(
        String programme,
        String period,
        String periodName,
        String state,
        BigDecimal goal,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate today,
        BigDecimal countedNewJobs,
        BigDecimal pendingNewJobs,
        BigDecimal securedJobs,
        BigDecimal newCompanies,
        BigDecimal percentOfGoal,
        BigDecimal percentOfTime,
        BigDecimal forecastAtEnd,
        String status,
        BigDecimal requiredPerMonth,
        BigDecimal women,
        BigDecimal men,
        List<YearRow> byYear,
        List<AreaRow> byMunicipality,
        List<AreaRow> byFocusArea,
        List<MonthRow> byMonth,
        List<CrossRow> byMunicipalityAndFocusArea,
        Outside outsidePeriods) {

    /**
     * Results of the programme dated outside every period (in this scope's filters): kept and shown apart, never
     * toward a goal.
     */
    public record Outside(BigDecimal countedNewJobs, BigDecimal pendingNewJobs) {
    }

    /** One year of the period: the annual target (handlingsplan) and the new jobs of that year. */
    public record YearRow(int year, BigDecimal target, BigDecimal counted, BigDecimal pending) {
    }

    /** One municipality or focus area: counted and pending new jobs, and its target where set. */
    public record AreaRow(String code, String name, BigDecimal counted, BigDecimal pending, BigDecimal target) {
    }

    /** One month (yyyy-MM): cumulative counted, cumulative pending and the cumulative target. */
    public record MonthRow(String month, BigDecimal counted, BigDecimal pending, BigDecimal target) {
    }

    /** Counted new jobs in one municipality × focus area cell (only cells with anything). */
    public record CrossRow(String municipality, String focusArea, BigDecimal counted) {
    }
}
