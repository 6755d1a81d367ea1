package no.hallingdal.jobbmal.programme;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.account.CurrentUser;
import no.hallingdal.jobbmal.account.Rights;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.common.Pages;
import no.hallingdal.jobbmal.common.ValidationException;

import java.util.Optional;

/** Tells the page header which programme and period the page is in, and the user's role there. */
@RequestScoped
public class ProgrammeHeaders implements Pages.ProgrammeHeader {

    @Inject
    ProgrammeScope scope;

    @Inject
    CurrentUser currentUser;

    private Optional<Pages.Header> header;

    @Override
    public Optional<Pages.Header> header() {
        if (header == null) {
            header = compute();
        }
        return header;
    }

    private Optional<Pages.Header> compute() {
        Rights rights = currentUser.rights().orElse(null);
        boolean systemAdmin = rights != null && rights.systemAdmin();
        Optional<Programme> current = scope.current();
        if (current.isEmpty()) {
            return Optional.of(new Pages.Header(null, Pages.Header.NONE.name(), "", null, null, rights != null,
                    systemAdmin, ProgrammeAccess.followsCounty(rights)));
        }
        Programme p = current.get();
        String role = ProgrammeAccess.roleIn(rights, p).map(Role::code).orElse(null);
        String periodName;
        try {
            ProgrammeScope.PeriodChoice choice = scope.period();
            periodName = choice.whole() ? null : choice.period().name;
        } catch (ValidationException e) {
            periodName = null;
        }
        return Optional.of(new Pages.Header(p.id, p.name, ProgrammeScope.base(p), role, periodName,
                chooser(rights), systemAdmin, ProgrammeAccess.followsCounty(rights)));
    }

    /** The chooser is offered to whoever may read more than one programme, or might. */
    private static boolean chooser(Rights rights) {
        return rights != null && (rights.systemAdmin() || rights.countyCode() != null || rights.memberOf().size() > 1);
    }
}
