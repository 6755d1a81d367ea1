package no.hallingdal.jobbmal.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The clock for "today" and for timestamps used in rules (e.g. "a result date may not be in the future"),
 * in the programme's zone (Europe/Oslo). Tests replace it with {@code QuarkusMock.installMockForType}.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.system(Formats.ZONE);
    }
}
