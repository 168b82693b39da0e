package dcl.registry.adapters.rest.console;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * Locks the console's pages down. The console keeps its token in the tab's session storage and
 * sends it as a bearer header, never in a cookie, so no other site can make a request on a
 * signed-in person's behalf (no CSRF to defend). What remains is script injection, hence a strict
 * Content-Security-Policy: only the console's own files run, no inline script or style, no framing;
 * the browser may call this server and, for sign-in, the OpenID Connect provider.
 */
@WebFilter(urlPatterns = {"/console/*"})
public class ConsoleHeaders extends HttpFilter {
    private static final long serialVersionUID = 1L;

    /** What the console's files answer; every other method is a 405 problem. */
    static final List<String> READ_METHODS = List.of("GET", "HEAD", "OPTIONS");

    @Inject transient ConsoleSettings settings;

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", policy(settings));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        // the pages are small; a stale copy after an upgrade would call an API it no longer fits
        response.setHeader("Cache-Control", "no-cache");
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            // the console is files to read; the container's file servlet would answer anything
            // else, OPTIONS with the page itself
            response.setHeader("Allow", String.join(", ", READ_METHODS));
            if ("OPTIONS".equals(method)) {
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            } else {
                response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    /** The Content-Security-Policy of every console response. */
    static String policy(ConsoleSettings settings) {
        String connect = settings.openId().map(p -> "'self' " + p.origin()).orElse("'self'");
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                + " connect-src "
                + connect
                + "; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }
}
