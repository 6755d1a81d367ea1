package no.hallingdal.jobbmal.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.common.DataVersion;
import no.hallingdal.jobbmal.common.Messages;
import no.hallingdal.jobbmal.common.RequestLocale;
import no.hallingdal.jobbmal.common.VersionedCache;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.Municipality;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Builds the {@link DashboardView} of a scope, for the dashboard, municipality, project and report pages. */
@ApplicationScoped
public class ProgressViews {

    @Inject
    ProgressService service;

    @Inject
    Messages messages;

    @Inject
    RequestLocale locale;

    @Inject
    ObjectMapper json;

    @Inject
    DataVersion dataVersion;

    /** A view depends on the scope, the language, the date and which municipalities get a row. */
    private record Key(ProgressFilter filter, Locale locale, LocalDate today, List<String> rows) {
    }

    /** Views are cached like the figures they show (see {@link ProgressService}). */
    private final VersionedCache<Key, DashboardView> cache = new VersionedCache<>(ProgressService.CACHE_ENTRIES);

    /** The view of a scope; the cross table has a row per municipality in {@code rows}. */
    public DashboardView view(ProgressFilter filter, List<Municipality> rows) {
        Locale lang = locale.get();
        LocalDate today = service.today();
        Key key = new Key(filter, lang, today, rows.stream().map(m -> m.code).toList());
        return cache.get(dataVersion.current(), key, () -> new DashboardView(service.progress(filter, lang, today),
                messages, lang, json, rows, FocusArea.listFor(filter.programmeId())));
    }

    /** Rendered HTML of the figures (a page's content) as UTF-8, keyed by everything it shows besides the data. */
    private final VersionedCache<Object, byte[]> fragments = new VersionedCache<>(ProgressService.CACHE_ENTRIES);

    /**
     * HTML rendered from the data of the current version, cached like the figures, as UTF-8 bytes (encoding
     * it on every request was the dashboard's largest cost, docs/benchmarks.md). The key must
     * hold everything the HTML depends on besides the data (scope, sort, language, date), and the HTML
     * must not show anything about the user. Callers must not change the array.
     */
    public byte[] fragment(Object key, java.util.function.Supplier<String> render) {
        return fragments.get(dataVersion.current(), key, () -> render.get().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The headline, cumulative chart and breakdowns of one project over its programme's periods, against its
     * expected new jobs.
     */
    public DashboardView project(no.hallingdal.jobbmal.project.Project p) {
        return view(ProgressFilter.of(p.programme.id, ProgressFilter.WHOLE).withProject(p.id),
                List.copyOf(p.programme.municipalities));
    }
}
