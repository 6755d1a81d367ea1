package no.hallingdal.jobbmal.dashboard;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.hallingdal.jobbmal.support.Accounts;
import no.hallingdal.jobbmal.support.Browser;
import no.hallingdal.jobbmal.support.Fixture;
import no.hallingdal.jobbmal.support.PdfLayout;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.print.PageMargin;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reports on paper (docs/dashboard.md): the annual and period reports, printed to A4 from a 1 280 px wide Chromium
 * window, have no text lying on a chart, and no chart runs past its card or the paper. The PDF Chromium makes is
 * read with PDFBox: each chart is an image; its box is compared with the glyphs, its clip, its card's border and
 * the page.
 */
@QuarkusTest
@Tag("browser")
class ReportPrintBrowserTest {

    /** A4 in points, and the page margin the print stylesheet asks for (15 mm). */
    static final double A4_WIDTH = 595.3;
    static final double A4_HEIGHT = 841.9;
    static final double MARGIN = 15 / 25.4 * 72;
    /** The height of a chart's box on paper (css/jobbmal.css, print section): 6.5 cm. */
    static final double CHART_HEIGHT = 6.5 / 2.54 * 72;
    /** Rounding in Chromium's layout and in the PDF's numbers. */
    static final double TOLERANCE = 1.0;

    @TestHTTPResource("/")
    URL base;

    @Inject
    EntityManager em;

    /** New jobs in every Hallingdal municipality in 2023, so that the municipality chart has a bar for each. */
    void data() {
        Fixture fx = new Fixture(em);
        long p = fx.project(Accounts.uniqueName("Utskriftsprosjekt"), "innovasjon", "20");
        String[][] rows = {{"3320", "2023-02-01", "4.0"}, {"3322", "2023-03-01", "2.5"}, {"3324", "2023-04-01", "6.0"},
                {"3326", "2023-05-01", "1.0"}, {"3328", "2023-06-01", "3.0"}, {"3330", "2023-07-01", "5.0"}};
        for (String[] r : rows) {
            fx.result(p, r[0], "innovasjon", r[1], "NEW_JOBS", r[2], null, null, "APPROVED", "Firma AS", null, null);
        }
        fx.result(p, "3330", "innovasjon", "2023-09-01", "NEW_JOBS", "2.0", null, null, "PENDING", "Firma AS", null, null);
    }

    @Test
    void reportsPrintedToA4HaveNoTextOnAChartAndNoChartPastItsCardOrThePaper() throws IOException {
        data();
        try (Browser b = Browser.open(base)) {
            assertEquals(1280L, ((Number) b.script("return window.outerWidth")).longValue());
            b.login("admin", "test-admin-password-1");
            for (String path : List.of("/p/" + Fixture.SEEDED + "/reports/2023",
                    "/p/" + Fixture.SEEDED + "/reports/period/1")) {
                b.get(path);
                int charts = ((Number) b.script("return document.querySelectorAll('canvas[data-chart]').length"))
                        .intValue();
                new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> ((Number) b.script(
                        "return document.querySelectorAll('canvas[data-drawn=\"true\"]').length")).intValue() == charts);
                byte[] pdf = print(b, path);
                List<PdfLayout.Page> pages = PdfLayout.read(pdf);
                List<String> problems = check(pages);
                assertTrue(problems.isEmpty(), path + ": " + problems.size() + " problems, the first:\n"
                        + String.join("\n", problems.subList(0, Math.min(30, problems.size()))));
                long images = pages.stream().mapToLong(p -> p.images().size()).sum();
                assertEquals(charts, images, path + ": every chart is printed once, as an image");
            }
        }
    }

    /** Prints the page as it is to A4 portrait, as a user's print dialog does, and keeps the PDF in target/. */
    static byte[] print(Browser b, String path) throws IOException {
        PrintOptions o = new PrintOptions();
        o.setPageSize(new PageSize(29.7, 21.0));
        o.setPageMargin(new PageMargin(0, 0, 0, 0)); // the stylesheet's @page margin applies
        o.setBackground(false);
        byte[] pdf = Base64.getDecoder().decode(((PrintsPage) b.driver).print(o).getContent());
        Path out = Path.of("target", "print", path.replaceAll("[^a-z0-9]+", "-") + ".pdf");
        Files.createDirectories(out.getParent());
        Files.write(out, pdf);
        return pdf;
    }

    /** Everything wrong with the charts' places on the pages, and the places themselves on standard output. */
    static List<String> check(List<PdfLayout.Page> pages) {
        List<String> problems = new ArrayList<>();
        PdfLayout.Box paper = new PdfLayout.Box(MARGIN, MARGIN, A4_WIDTH - 2 * MARGIN, A4_HEIGHT - 2 * MARGIN);
        for (PdfLayout.Page page : pages) {
            if (Math.abs(page.width() - A4_WIDTH) > 2 || Math.abs(page.height() - A4_HEIGHT) > 2) {
                problems.add("page " + page.number() + " is not A4: " + page.width() + " × " + page.height());
            }
            for (PdfLayout.Image image : page.images()) {
                PdfLayout.Box chart = image.box();
                System.out.printf("page %d: chart %s, visible %s, %d × %d px%n", page.number(), chart, image.visible(),
                        image.pixelWidth(), image.pixelHeight());
                String where = "page " + page.number() + ", chart " + chart;
                if (!chart.within(paper, TOLERANCE)) {
                    problems.add(where + " runs past the paper's printable area " + paper);
                }
                if (!chart.within(image.visible(), TOLERANCE)) {
                    problems.add(where + " is cut off: only " + image.visible() + " is visible");
                }
                double drawn = chart.width() / chart.height();
                double pixels = (double) image.pixelWidth() / image.pixelHeight();
                if (Math.abs(drawn / pixels - 1) > 0.02) {
                    problems.add(where + " is distorted: drawn " + drawn + ", drawn as " + pixels);
                }
                // the chart fills its box's height or width: the browser did not shrink the page to fit something wider
                if (Math.abs(chart.height() - CHART_HEIGHT) > TOLERANCE
                        && Math.abs(chart.width() - paper.width()) > 2 * 16 + TOLERANCE) {
                    problems.add(where + " is shrunk: " + chart.height() + " pt high instead of " + CHART_HEIGHT
                            + " (the page was scaled down to fit something wider than the paper)");
                }
                // its card: the smallest painted shape around it, narrower than the paper (not the page's background)
                PdfLayout.Box card = page.shapes().stream()
                        .filter(s -> s.width() <= paper.width() + TOLERANCE && s.height() > chart.height())
                        .filter(s -> s.overlaps(chart, TOLERANCE))
                        .min((a, c) -> Double.compare(a.width() * a.height(), c.width() * c.height())).orElse(null);
                if (card == null) {
                    problems.add(where + " has no card around it");
                } else {
                    System.out.printf("page %d: its card %s%n", page.number(), card);
                    if (!chart.within(card, 0)) {
                        problems.add(where + " runs past its card " + card);
                    }
                }
                for (PdfLayout.Glyph g : page.glyphs()) {
                    if (g.box().overlaps(chart, 0.5)) {
                        problems.add(where + " has text on it: '" + g.text() + "' at " + g.box());
                    }
                }
            }
        }
        return problems;
    }
}
