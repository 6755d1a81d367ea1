package no.hallingdal.jobbmal.common;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorMappersTest {

    @Test
    void aClosedConnectionWhileReadingTheRequestIsTheClientGoneNotAnIncident() {
        // what RESTEasy Reactive throws when a client hangs up in the middle of a POST body
        assertTrue(ErrorMappers.clientGone(new IOException(new ClosedChannelException())));
        assertTrue(ErrorMappers.clientGone(new UncheckedIOException(new IOException(new ClosedChannelException()))));
        assertTrue(ErrorMappers.clientGone(new ClosedChannelException()));
    }

    @Test
    void otherErrorsStayIncidents() {
        assertFalse(ErrorMappers.clientGone(new IOException("disk full")));
        assertFalse(ErrorMappers.clientGone(new IllegalStateException(new NullPointerException())));
        assertFalse(ErrorMappers.clientGone(new RuntimeException()));
    }
}
