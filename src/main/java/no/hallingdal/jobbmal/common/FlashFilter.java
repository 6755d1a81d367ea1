package no.hallingdal.jobbmal.common;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Clears the flash cookie once an HTML page has been rendered with it. */
public class FlashFilter {

    @ServerResponseFilter
    public void clearFlash(HttpServerRequest request, ContainerResponseContext response) {
        if (request.getCookie(Flash.COOKIE) == null) {
            return;
        }
        MediaType type = response.getMediaType();
        boolean html = type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE);
        if (html && response.getStatus() == 200 && !response.getHeaders().containsKey(HttpHeaders.SET_COOKIE)) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE,
                    Flash.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
        }
    }
}
